import type { BenchResults } from '../results.js';
import { mib, ms, n, ratio, stepAt } from './figures.js';
import { roundTripTargets } from './round-trips-section.js';

/** The issue's targets, each judged met or not on this run's figures. */
export const targets = (r: BenchResults): string => {
  const bare = r.relay.find((x) => x.system === 'bare');
  const lines: string[] = [];
  const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
  for (const run of r.relay.filter((x) => x.system !== 'bare')) {
    const half = bare && bare.sustained > 0 ? run.sustained / bare.sustained >= 0.5 : undefined;
    const at2000 = stepAt(run, 2000);
    lines.push(
      `- ${run.label}: persisted delivery at least half the bare relay's throughput: ${verdict(half)} ` +
        `(${n(run.sustained)} vs ${bare ? `${bare.broke ? '' : '≥ '}${n(bare.sustained)}` : '–'} msg/s` +
        `${bare && !bare.broke ? '; the bare relay never broke, so its figure is a lower bound and the ratio an upper bound' : ''}); ` +
        `p99 under 50 ms at 2,000 msg/s: ` +
        (at2000
          ? `${verdict(at2000.p99 < 50 && at2000.held)} (${ms(at2000.p99)}).`
          : `**not met**: 2,000 msg/s was not reached (${run.stopReason}).`),
    );
  }
  const restBare = r.rest.find((x) => x.system === 'bare');
  const restHeaders = r.rest.find((x) => x.system === 'bare-headers');
  for (const run of r.rest.filter((x) => x.system !== 'bare' && x.system !== 'bare-headers')) {
    const ours = run.result.requestsPerSecond;
    const bareRps = restBare?.result.requestsPerSecond;
    lines.push(
      `- ${run.label}: REST send at least 0.4 of the bare Koa route's requests/s: ` +
        `${verdict(bareRps ? ours / bareRps >= 0.4 : undefined)} (ratio ${ratio(ours, bareRps)}; against the bare ` +
        `route with the app's helmet and CORS ${ratio(ours, restHeaders?.result.requestsPerSecond)}).`,
    );
  }
  for (const run of r.connections.filter((x) => x.system !== 'bare')) {
    const full = run.connected >= 10_000;
    lines.push(
      `- ${run.label}: 10,000 idle sockets under 1 GiB: ` +
        (full
          ? `${verdict(run.rssAfter < 2 ** 30)} (server RSS ${mib(run.rssAfter)} with ${n(run.connected)} sockets).`
          : `not measured (${n(run.connected)} sockets in this run, server RSS ${mib(run.rssAfter)}).`),
    );
  }
  lines.push(...roundTripTargets(r));
  for (const run of r.flood) {
    lines.push(
      `- ${run.label}: the event loop under one user's socket flood: another client's ` +
        `\`/health/live\` p99 ${ms(run.flood.p99)} during it against ${ms(run.idle.p99)} idle ` +
        `(ratio ${ratio(run.flood.p99, run.idle.p99)}); reported, the issue sets no threshold.`,
    );
  }
  return lines.join('\n');
};
