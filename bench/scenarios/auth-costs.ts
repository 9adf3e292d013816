import { performance } from 'node:perf_hooks';
import type { BcryptArgs, BcryptResult, VerifyResult } from '../servers/crypto-bench.js';
import { logIn, registerUsers } from '../lib/api-client.js';
import { BenchChild } from '../lib/children.js';
import { startAppServer } from '../lib/servers.js';
import { median } from '../lib/stats.js';
import type { Target } from '../lib/targets.js';

export interface AuthSettings {
  /** bcrypt cost of the login measured: the configured default. */
  readonly bcryptCost: number;
  readonly sequentialLogins: number;
  readonly concurrency: number;
  readonly concurrentMs: number;
  readonly verifyIterations: number;
}

export interface LoginRun {
  readonly system: Target['id'];
  readonly label: string;
  /** Median of sequential logins over HTTP, ms. */
  readonly loginMs: number;
  /** Logins per second with `concurrency` clients. */
  readonly loginsPerSecond: number;
}

export interface AuthBaselines {
  /** Median bcrypt.compare at the same cost, ms. */
  readonly compareMs: number;
  readonly comparesPerSecond: number;
  readonly verify: VerifyResult;
}

/** Scenario 5 (ours): POST /api/auth/login at the configured bcrypt cost, one at a time and `concurrency` at once. */
export const runLogin = async (
  target: Target,
  settings: AuthSettings,
  log: (line: string) => void,
): Promise<LoginRun> => {
  const server = await startAppServer(target, 'login', { BCRYPT_COST: String(settings.bcryptCost) });
  try {
    const [user] = await registerUsers(server.url, 1, 'login', 1);
    // The first login also makes the decoy hash for unknown accounts: not part of the figure.
    await logIn(server.url, user!.email);
    const times: number[] = [];
    for (let i = 0; i < settings.sequentialLogins; i += 1) {
      const started = performance.now();
      await logIn(server.url, user!.email);
      times.push(performance.now() - started);
    }
    const started = performance.now();
    let done = 0;
    await Promise.all(
      Array.from({ length: settings.concurrency }, async () => {
        while (performance.now() - started < settings.concurrentMs) {
          await logIn(server.url, user!.email);
          done += 1;
        }
      }),
    );
    const run: LoginRun = {
      system: target.id,
      label: target.label,
      loginMs: median(times),
      loginsPerSecond: done / ((performance.now() - started) / 1000),
    };
    log(
      `    ${target.label}: login ${run.loginMs.toFixed(0)} ms (median of ${times.length}), ` +
        `${run.loginsPerSecond.toFixed(1)} logins/s with ${settings.concurrency} at once`,
    );
    return run;
  } finally {
    await server.child.stop();
  }
};

/** Scenario 5 (baselines): bcrypt.compare alone, and token verification ours vs jose's bare jwtVerify. */
export const runAuthBaselines = async (settings: AuthSettings, log: (line: string) => void): Promise<AuthBaselines> => {
  const { child } = await BenchChild.start('servers/crypto-bench.ts', { name: 'crypto-bench' });
  try {
    const bcrypt = await child.call<BcryptResult>(
      'compare',
      {
        cost: settings.bcryptCost,
        sequential: settings.sequentialLogins,
        concurrency: settings.concurrency,
        durationMs: settings.concurrentMs,
      } satisfies BcryptArgs,
      120_000,
    );
    const verify = await child.call<VerifyResult>('verify', { iterations: settings.verifyIterations }, 120_000);
    const baselines: AuthBaselines = {
      compareMs: median(bcrypt.sequentialMs),
      comparesPerSecond: bcrypt.perSecond,
      verify,
    };
    log(
      `    bcrypt.compare cost ${settings.bcryptCost}: ${baselines.compareMs.toFixed(0)} ms, ` +
        `${bcrypt.perSecond.toFixed(1)}/s with ${settings.concurrency} at once; token verify: ours ` +
        `${verify.oursFirstPerSecond.toFixed(0)}/s (first sight), ${verify.oursRepeatPerSecond.toFixed(0)}/s ` +
        `(repeat), bare jwtVerify ${verify.rawPerSecond.toFixed(0)}/s`,
    );
    return baselines;
  } finally {
    await child.stop();
  }
};
