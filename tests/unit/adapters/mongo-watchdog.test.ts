import { describe, expect, it } from 'vitest';
import { MongoWatchdog } from '../../../src/adapters/mongo/mongo-watchdog.js';
import { RecordingLogger } from '../../support/recording-logger.js';

const STALL_MS = 15_000;

/** A watchdog on a clock and a probe the test controls. */
const setUp = () => {
  let now = 0;
  let answering = true;
  let rebuilds = 0;
  const logger = new RecordingLogger();
  const watchdog = new MongoWatchdog(
    {
      probe: async () => {
        if (!answering) throw new Error('connection 7 to 10.0.0.5:27017 closed');
      },
      rebuild: () => {
        rebuilds += 1;
      },
      logger,
      now: () => now,
    },
    { stallTimeoutMs: STALL_MS },
  );
  return {
    watchdog,
    logger,
    rebuilds: () => rebuilds,
    answer: (yes: boolean) => {
      answering = yes;
    },
    /** Moves the clock on by `ms`, then probes once. */
    probeAfter: async (ms: number) => {
      now += ms;
      await watchdog.check();
    },
  };
};

describe('MongoWatchdog', () => {
  it('does nothing while the server answers', async () => {
    const { watchdog, logger, rebuilds, probeAfter } = setUp();
    for (let i = 0; i < 20; i += 1) await probeAfter(5_000);
    expect(rebuilds()).toBe(0);
    expect(watchdog.isLive()).toBe(true);
    expect(logger.lines).toEqual([]);
  });

  it('rebuilds once the probes failed for a whole window, not before', async () => {
    const { watchdog, logger, rebuilds, answer, probeAfter } = setUp();
    await probeAfter(1_000);
    answer(false);
    await probeAfter(2_500);
    await probeAfter(2_500);
    await probeAfter(STALL_MS - 2_501);
    expect(rebuilds()).toBe(0);

    await probeAfter(1);
    expect(rebuilds()).toBe(1);
    expect(watchdog.isLive()).toBe(true);
    expect(logger.lines).toEqual([
      {
        level: 'warn',
        message: 'mongodb answered nothing: rebuilding its client',
        silentForMs: STALL_MS,
        error: 'connection 7 to 10.0.0.5:27017 closed',
      },
    ]);
  });

  it('is not live when the rebuilt client gets no answer for another window, and rebuilds again each window', async () => {
    const { watchdog, logger, rebuilds, answer, probeAfter } = setUp();
    answer(false);
    await probeAfter(0);
    await probeAfter(STALL_MS);
    expect(rebuilds()).toBe(1);

    await probeAfter(STALL_MS - 1);
    expect(watchdog.isLive()).toBe(true);
    await probeAfter(1);
    expect(watchdog.isLive()).toBe(false);
    expect(rebuilds()).toBe(2);
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'mongodb answered nothing on a rebuilt client either: reporting not live',
        silentForMs: 2 * STALL_MS,
        error: 'connection 7 to 10.0.0.5:27017 closed',
      },
    ]);

    await probeAfter(STALL_MS);
    expect(rebuilds()).toBe(3);
    expect(watchdog.isLive()).toBe(false);
    expect(logger.lines.filter((line) => line.level === 'error')).toHaveLength(1);
  });

  it('is live again at the first answer, and a later stall starts a fresh window', async () => {
    const { watchdog, logger, rebuilds, answer, probeAfter } = setUp();
    answer(false);
    await probeAfter(0);
    await probeAfter(STALL_MS);
    await probeAfter(STALL_MS);
    expect(watchdog.isLive()).toBe(false);

    answer(true);
    await probeAfter(1_000);
    expect(watchdog.isLive()).toBe(true);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'info', message: 'mongodb answers again' });

    answer(false);
    await probeAfter(1_000);
    await probeAfter(STALL_MS - 1);
    expect(rebuilds()).toBe(2);
    await probeAfter(1);
    expect(rebuilds()).toBe(3);
    expect(watchdog.isLive()).toBe(true);
  });

  it('does not rebuild on one slow probe, however long it took', async () => {
    let now = 0;
    let rebuilds = 0;
    const watchdog = new MongoWatchdog(
      {
        probe: async () => {
          now += 3 * STALL_MS;
          throw new Error('slow');
        },
        rebuild: () => {
          rebuilds += 1;
        },
        logger: new RecordingLogger(),
        now: () => now,
      },
      { stallTimeoutMs: STALL_MS },
    );
    await watchdog.check();
    expect(rebuilds).toBe(0);
    await watchdog.check();
    expect(rebuilds).toBe(1);
  });

  it('counts a probe that never settles as failed after the probe timeout', async () => {
    let now = 0;
    let rebuilds = 0;
    const watchdog = new MongoWatchdog(
      {
        probe: () => new Promise<void>(() => {}),
        rebuild: () => {
          rebuilds += 1;
        },
        logger: new RecordingLogger(),
        now: () => now,
      },
      { stallTimeoutMs: STALL_MS, probeTimeoutMs: 20 },
    );
    await watchdog.check();
    now += STALL_MS;
    await watchdog.check();
    expect(rebuilds).toBe(1);
  });

  it('keeps watching when a rebuild fails', async () => {
    let now = 0;
    const logger = new RecordingLogger();
    const watchdog = new MongoWatchdog(
      {
        probe: () => Promise.reject(new Error('down')),
        rebuild: () => {
          throw new Error('invalid options');
        },
        logger,
        now: () => now,
      },
      { stallTimeoutMs: STALL_MS },
    );
    await watchdog.check();
    now += STALL_MS;
    await expect(watchdog.check()).resolves.toBeUndefined();
    expect(logger.lines.at(-1)).toMatchObject({ level: 'error', message: 'mongodb client rebuild failed' });
  });

  it('derives its probe pace from the window', () => {
    const logger = new RecordingLogger();
    const probe = async () => {};
    const rebuild = () => {};
    expect(new MongoWatchdog({ probe, rebuild, logger }, { stallTimeoutMs: 15_000 })).toMatchObject({
      probeIntervalMs: 2_500,
      probeTimeoutMs: 5_000,
    });
    expect(new MongoWatchdog({ probe, rebuild, logger }, { stallTimeoutMs: 600_000 })).toMatchObject({
      probeIntervalMs: 5_000,
      probeTimeoutMs: 5_000,
    });
    expect(new MongoWatchdog({ probe, rebuild, logger }, { stallTimeoutMs: 1_000 })).toMatchObject({
      probeIntervalMs: 167,
      probeTimeoutMs: 333,
    });
  });
});
