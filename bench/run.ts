import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Budget } from './lib/budget.js';
import { killAllChildren, setChildLog } from './lib/children.js';
import { machineInfo } from './lib/machine.js';
import { parseOptions } from './lib/options.js';
import { writeReport } from './lib/report/write-report.js';
import type { BenchResults, ScenarioId } from './lib/results.js';
import { setProfileDir } from './lib/servers.js';
import { startRealServices, type RealServices } from './lib/services.js';
import { settingsFor } from './lib/settings.js';
import { EMBEDDED, memoryReposTarget, rabbitOnlyTarget, realTarget, type Target } from './lib/targets.js';
import { runAmqpBaseline, runAutoPipeline } from './scenarios/auto-pipeline.js';
import { runAuthBaselines, runLogin } from './scenarios/auth-costs.js';
import { runConnections } from './scenarios/connections.js';
import { runRelay } from './scenarios/relay.js';
import { runRestSend } from './scenarios/rest-send.js';
import { runRoundTrips } from './scenarios/round-trips.js';
import { runSocketFlood } from './scenarios/socket-flood.js';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const options = parseOptions(process.argv.slice(2));
const settings = settingsFor(options.quick);
// A full run's report, charts and raw figures are meant to be committed; logs, profiles and quick runs are not.
const workDir = path.join(ROOT, options.quick ? 'bench/results/quick' : 'bench/results');
const assetsDir = options.quick ? workDir : path.join(ROOT, 'bench/report');
const reportFile = options.out ? path.resolve(options.out) : path.join(options.quick ? workDir : ROOT, 'BENCHMARKS.md');
if (options.reportFrom) {
  // Results saved before scenario 6 (or 7) existed have no `flood` (or `roundTrips`).
  const saved = {
    flood: [],
    roundTrips: [],
    ...(JSON.parse(readFileSync(options.reportFrom, 'utf8')) as Partial<BenchResults>),
  } as BenchResults;
  const file = options.out
    ? path.resolve(options.out)
    : path.join(saved.mode === 'quick' ? workDir : ROOT, 'BENCHMARKS.md');
  writeReport(saved, file, path.dirname(path.resolve(options.reportFrom)));
  console.log(`rewrote ${path.relative(process.cwd(), file)} from ${options.reportFrom}`);
  process.exit(0);
}
mkdirSync(workDir, { recursive: true });
mkdirSync(assetsDir, { recursive: true });
const runLog = path.join(workDir, 'run.log');
writeFileSync(runLog, '');
setChildLog(runLog);
if (options.profile) {
  setProfileDir(path.join(workDir, 'profiles'));
  mkdirSync(path.join(workDir, 'profiles'), { recursive: true });
}

const log = (line: string): void => {
  console.log(line);
  appendFileSync(runLog, `${line}\n`);
};

const started = Date.now();
const results: BenchResults = {
  mode: options.quick ? 'quick' : 'full',
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  startedAt: new Date(started).toISOString(),
  machine: machineInfo(),
  settings,
  only: options.only,
  services: null,
  relay: [],
  rest: [],
  connections: [],
  auth: { logins: [] },
  auto: { runs: [] },
  flood: [],
  roundTrips: [],
  errors: [],
  timings: {},
};

let services: RealServices | undefined;
let finishing: Promise<never> | undefined;

/** Writes what there is, stops services and children, exits. Runs once, whatever called it. */
const finish = (code: number, aborted?: string): Promise<never> => {
  finishing ??= (async () => {
    if (aborted) {
      results.aborted = aborted;
      log(`\n${aborted}: stopping every child process`);
    }
    killAllChildren();
    results.finishedAt = new Date().toISOString();
    results.durationSeconds = Math.round((Date.now() - started) / 1000);
    try {
      const written = writeReport(results, reportFile, assetsDir);
      log(
        `\nwrote ${path.relative(process.cwd(), reportFile)} and ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}`,
      );
    } catch (error) {
      log(`could not write the report: ${(error as Error).stack}`);
    }
    const stopping = services?.stop() ?? Promise.resolve();
    await Promise.race([stopping, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    log(`finished in ${results.durationSeconds} s`);
    process.exit(code);
  })();
  return finishing;
};

const deadline = setTimeout(
  () => void finish(1, `global deadline of ${settings.deadlineMs / 1000} s reached`),
  settings.deadlineMs,
);
process.once('SIGINT', () => void finish(130, 'interrupted (SIGINT)'));
process.once('SIGTERM', () => void finish(143, 'terminated (SIGTERM)'));

const wants = (scenario: ScenarioId): boolean => options.only.includes(scenario);

/** What runs on real Redis and RabbitMQ with in-memory repositories: the figures that are ours, not the test database's. */
const MEMORY_REPOS_SCENARIOS: readonly ScenarioId[] = ['relay', 'rest', 'connections', 'roundtrips'];

/** One scenario on one system: a failure is recorded and the run goes on. */
const attempt = async <T>(scenario: ScenarioId, system: string, work: () => Promise<T>): Promise<T | undefined> => {
  const begun = Date.now();
  try {
    return await work();
  } catch (error) {
    if (finishing) await finishing;
    const message = (error as Error).message.split('\n').slice(0, 3).join(' ');
    results.errors.push({ scenario, system, message });
    log(`    FAILED (${scenario}, ${system}): ${message}`);
    return undefined;
  } finally {
    results.timings[scenario] = (results.timings[scenario] ?? 0) + Math.round((Date.now() - begun) / 1000);
  }
};

/** The scenarios for one app configuration (those of `only`); the baselines run alongside the embedded default. */
const runScenarios = async (target: Target, withBaselines: boolean, only = options.only): Promise<void> => {
  const wants = (scenario: ScenarioId): boolean => only.includes(scenario);
  if (wants('relay')) {
    log(`\n[1] message relay over Socket.IO (${target.label})`);
    if (withBaselines) {
      const bare = await attempt('relay', 'bare', () =>
        runRelay('bare', settings.relay, new Budget(settings.relayBudgetMs), log),
      );
      if (bare) results.relay.push(bare);
    }
    const ours = await attempt('relay', target.id, () =>
      runRelay(target, settings.relay, new Budget(settings.relayBudgetMs), log),
    );
    if (ours) results.relay.push(ours);
  }
  if (wants('rest')) {
    log(`\n[2] REST send (${target.label})`);
    if (withBaselines) {
      for (const baseline of ['bare', 'bare-headers'] as const) {
        const bare = await attempt('rest', baseline, () => runRestSend(baseline, settings.rest, log));
        if (bare) results.rest.push(bare);
      }
    }
    const ours = await attempt('rest', target.id, () => runRestSend(target, settings.rest, log));
    if (ours) results.rest.push(ours);
  }
  if (wants('connections')) {
    log(`\n[3] idle connections (${target.label})`);
    if (withBaselines) {
      const bare = await attempt('connections', 'bare', () => runConnections('bare', settings.connections, log));
      if (bare) results.connections.push(bare);
    }
    const ours = await attempt('connections', target.id, () => runConnections(target, settings.connections, log));
    if (ours) results.connections.push(ours);
  }
  if (wants('auth')) {
    log(`\n[5] login and token verification (${target.label})`);
    if (withBaselines) {
      results.auth.baselines = await attempt('auth', 'baseline', () => runAuthBaselines(settings.auth, log));
    }
    const ours = await attempt('auth', target.id, () => runLogin(target, settings.auth, log));
    if (ours) results.auth.logins.push(ours);
  }
  if (wants('auto')) {
    log(`\n[4] auto-message pipeline (${target.label})`);
    const items = target.onFerretDb ? settings.auto.itemsReal : settings.auto.items;
    if (target.onFerretDb) log(`    ${items} items: FerretDB is a compatibility server, not a speed reference`);
    const ours = await attempt('auto', target.id, () => runAutoPipeline(target, items, settings.auto.timeoutMs, log));
    if (ours) results.auto.runs.push(ours);
  }
  if (wants('flood')) {
    log(`\n[6] event loop under a socket flood (${target.label})`);
    const ours = await attempt('flood', target.id, () => runSocketFlood(target, settings.flood, log));
    if (ours) results.flood.push(ours);
  }
  if (wants('roundtrips')) {
    log(`\n[7] round trips per operation (${target.label})`);
    const ours = await attempt('roundtrips', target.id, () => runRoundTrips(target, settings.roundTrips, log));
    if (ours) results.roundTrips.push(ours);
  }
};

log(`chat-backend benchmark, ${results.mode} mode, ${results.startedAt}`);
log(
  `machine: ${results.machine.cpuModel}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, ` +
    `Node ${results.machine.node}, ulimit -n ${results.machine.openFilesLimit ?? '?'}`,
);
const fdLimit = results.machine.openFilesLimit;
if (fdLimit !== null && fdLimit < settings.connections.sockets + 1_000 && wants('connections')) {
  log(`WARNING: ulimit -n is ${fdLimit}; scenario 3 needs about ${settings.connections.sockets + 1_000} descriptors`);
}

// Embedded first, with no service running beside it; then the real services, started only for their part.
await runScenarios(EMBEDDED, true);

if (options.services) {
  log('\nreal services:');
  const begun = Date.now();
  services = await startRealServices(log);
  results.timings.services = Math.round((Date.now() - begun) / 1000);
  const real = realTarget(services);
  const strip = <T extends { url: string }>(info: T | undefined) => {
    if (!info) return undefined;
    const { url: _url, ...rest } = info;
    return rest;
  };
  results.services = {
    used: Object.fromEntries(
      (['mongo', 'redis', 'rabbitmq'] as const).flatMap((name) => {
        const info = strip(services?.[name]);
        return info ? [[name, info]] : [];
      }),
    ),
    missing: services.missing,
    ...(real ? { realLabel: real.label } : {}),
    onFerretDb: real?.onFerretDb ?? false,
  };
  const memoryRepos = memoryReposTarget(services);
  const memoryReposOnly = options.only.filter((scenario) => MEMORY_REPOS_SCENARIOS.includes(scenario));
  // Without MongoDB the real-services column already has its repositories in memory.
  if (memoryRepos && services.mongo && memoryReposOnly.length > 0) {
    await runScenarios(memoryRepos, false, memoryReposOnly);
  }
  if (!real) {
    log('    no real service available: embedded figures only');
  } else {
    await runScenarios(real, false);
  }
  if (wants('auto')) {
    const rabbit = services.rabbitmq;
    const rabbitOnly = rabbitOnlyTarget(services);
    if (rabbitOnly && real?.onFerretDb) {
      log(`\n[4] auto-message pipeline (${rabbitOnly.label})`);
      const run = await attempt('auto', rabbitOnly.id, () =>
        runAutoPipeline(rabbitOnly, settings.auto.items, settings.auto.timeoutMs, log),
      );
      if (run) results.auto.runs.push(run);
    }
    if (rabbit) {
      log('\n[4] baseline: raw amqplib');
      results.auto.baseline = await attempt('auto', 'baseline', () =>
        runAmqpBaseline(
          rabbit.url,
          services!.namesFor('amqp').queue,
          settings.auto.items,
          settings.auto.timeoutMs,
          log,
        ),
      );
    } else {
      results.auto.baselineSkipped = `no RabbitMQ (${services.missing.rabbitmq ?? 'not found'})`;
    }
  }
} else {
  log('\nreal services: skipped (--no-services)');
  results.auto.baselineSkipped = 'real services skipped (--no-services)';
}

clearTimeout(deadline);
await finish(results.errors.length > 0 ? 1 : 0);
