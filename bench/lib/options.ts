import { SCENARIOS, type ScenarioId } from './results.js';

export interface BenchOptions {
  readonly quick: boolean;
  /** Scenarios to run (all by default). */
  readonly only: readonly ScenarioId[];
  /** Also run on real services when they can be found or started. */
  readonly services: boolean;
  /** Write a V8 CPU profile of every server process. */
  readonly profile: boolean;
  /** Report file; default BENCHMARKS.md (full) or bench/results/quick/BENCHMARKS.md (quick). */
  readonly out: string | undefined;
  /** Rewrites the report from this results.json (e.g. after editing bench/findings.md) and runs nothing. */
  readonly reportFrom: string | undefined;
}

const USAGE =
  'usage: npm run bench -- [--quick] [--only=relay,rest,connections,auth,auto,flood,roundtrips] [--no-services] [--profile] ' +
  '[--out=FILE] [--report-from=RESULTS.json]';

export const parseOptions = (args: readonly string[]): BenchOptions => {
  let quick = false;
  let only: ScenarioId[] = [...SCENARIOS];
  let services = true;
  let profile = false;
  let out: string | undefined;
  let reportFrom: string | undefined;
  for (const arg of args) {
    const [flag, value] = arg.split('=', 2);
    if (flag === '--quick') quick = true;
    else if (flag === '--no-services') services = false;
    else if (flag === '--profile') profile = true;
    else if (flag === '--out' && value) out = value;
    else if (flag === '--report-from' && value) reportFrom = value;
    else if (flag === '--only' && value) {
      const wanted = value.split(',').map((s) => s.trim());
      const unknown = wanted.filter((s) => !SCENARIOS.includes(s as ScenarioId));
      if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}\n${USAGE}`);
      only = wanted as ScenarioId[];
    } else {
      console.error(USAGE);
      process.exit(arg === '--help' || arg === '-h' ? 0 : 2);
    }
  }
  return { quick, only, services, profile, out, reportFrom };
};
