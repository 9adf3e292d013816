import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import type { LocalServer } from '../support/services/service-launcher.js';
import { readiness } from './support/app-process.js';
import { CarefulClient } from './support/careful-client.js';
import {
  clusterUnavailableReason,
  registerChaosUser,
  startChaosCluster,
  type ChaosCluster,
  type ChaosUser,
} from './support/chaos-cluster.js';
import { runFaultPlan, type Fault, type FaultWindow } from './support/fault-plan.js';
import { lostAndTwice, readStoredWorld, storedGaps, viewMismatches, type StoredWorld } from './support/final-check.js';
import { latencyTable } from './support/latency-table.js';
import { startLoad } from './support/steady-load.js';

const unavailable = await clusterUnavailableReason();
if (unavailable && process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${unavailable}`);
if (unavailable) console.warn(`[skipped] chaos: ${unavailable}`);

const REGULAR_USERS = 12;
/** Each regular user writes to two partners, so every user is in four conversations. */
const PARTNER_OFFSETS = [1, 5];
const SEND_EVERY_MS = 6_000;
const WITNESS_SEND_EVERY_MS = 3_000;
const CLEAN_LOAD_MS = 4_000;
const RECOVERY_LIMIT_MS = 30_000;

interface Participant {
  readonly user: ChaosUser;
  readonly client: CarefulClient;
}

/*
 * Two app processes on dedicated services, clients chatting through a kill -9
 * of each process and a restart of each service. Besides the regular users, a
 * witness stays on A (no failover) while two users on B write to it until
 * Redis comes back: the events published while Redis is away are dropped by
 * the fan-out, and only the server's `resync` brings the witness what it missed.
 */
describe.skipIf(unavailable !== null)('chaos: two processes under load through kills and service restarts', () => {
  let cluster: ChaosCluster;
  const regulars: Participant[] = [];
  let witness: Participant;
  const witnessSenders: Participant[] = [];
  const everyone = (): Participant[] => [...regulars, witness, ...witnessSenders];
  let windows: FaultWindow[] = [];
  let witnessConnectsAtRedisStop = -1;
  let loadFinished = false;
  let world: StoredWorld | undefined;

  /** Each process's readiness answer and last log lines, for failure messages. */
  const appStates = async (): Promise<string> => {
    const states = await Promise.all(
      [cluster.a, cluster.b].map(async (app) => `--- ${app.name}: ${await readiness(app.url)}\n${app.recentOutput()}`),
    );
    return states.join('\n');
  };

  const join = async (name: string, home: 'a' | 'b', failover: boolean): Promise<Participant> => {
    const urls = home === 'a' ? [cluster.a.url, cluster.b.url] : [cluster.b.url, cluster.a.url];
    const user = await registerChaosUser(urls[0]!, name);
    const client = new CarefulClient({ name, userId: user.id, token: user.token, urls, failover });
    await client.start();
    return { user, client };
  };

  beforeAll(async () => {
    cluster = await startChaosCluster();
    for (let i = 0; i < REGULAR_USERS; i += 1) {
      regulars.push(await join(`regular${i}`, i % 2 === 0 ? 'a' : 'b', i % 4 < 2));
    }
    witness = await join('witness', 'a', false);
    witnessSenders.push(await join('toWitness0', 'b', false), await join('toWitness1', 'b', false));
  }, 120_000);

  afterAll(async () => {
    for (const { client } of everyone().filter(Boolean)) client.close();
    await cluster?.stop();
  });

  it('recovers from each fault within 30 s while every client keeps sending', async () => {
    const stopRegularLoad = startLoad(
      regulars.map(({ client }, i) => ({
        client,
        partners: PARTNER_OFFSETS.map((offset) => regulars[(i + offset) % REGULAR_USERS]!.user.id),
      })),
      SEND_EVERY_MS,
    );
    const stopWitnessLoad = startLoad(
      witnessSenders.map(({ client }) => ({ client, partners: [witness.user.id] })),
      WITNESS_SEND_EVERY_MS,
    );
    const restart = (name: string, server: LocalServer, holdMs: number): Fault => ({
      name,
      holdMs,
      inject: () => server.stop(),
      restore: () => server.start(),
    });
    const faults: Fault[] = [
      { name: 'kill -9 A', holdMs: 0, inject: () => cluster.a.kill(), restore: async () => cluster.a.spawn() },
      { name: 'kill -9 B', holdMs: 0, inject: () => cluster.b.kill(), restore: async () => cluster.b.spawn() },
      {
        name: 'redis restart',
        holdMs: 3_000,
        inject: async () => {
          witnessConnectsAtRedisStop = witness.client.counts.connects;
          await cluster.redis.stop();
        },
        // The witness hears nothing more once Redis is back: only a resync can show it what it missed.
        restore: async () => {
          stopWitnessLoad();
          await cluster.redis.start();
        },
      },
      restart('rabbitmq restart', cluster.rabbitmq, 2_000),
      restart('mongo restart', cluster.mongo, 3_000),
    ];
    try {
      windows = await runFaultPlan(faults, {
        cleanMs: CLEAN_LOAD_MS,
        recoveryTimeoutMs: RECOVERY_LIMIT_MS,
        allReady: () => cluster.allReady(),
      });
      await new Promise((resolve) => setTimeout(resolve, CLEAN_LOAD_MS));
    } finally {
      stopRegularLoad();
      stopWitnessLoad();
    }
    for (const w of windows) {
      const ready = w.recovered === null ? 'never ready again' : `ready ${w.recovered - w.restored} ms after restore`;
      console.log(`[chaos] ${w.name}: restored after ${w.restored - w.start} ms, ${ready}`);
    }
    expect([...cluster.a.crashes, ...cluster.b.crashes]).toEqual([]);
    const unrecovered = windows.find((w) => w.recovered === null);
    if (unrecovered)
      throw new Error(`not ready ${RECOVERY_LIMIT_MS} ms after ${unrecovered.name}\n${await appStates()}`);
    expect(windows.map((w) => w.name)).toEqual(faults.map((f) => f.name));
    for (const window of windows) expect(window.recovered! - window.restored).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);

    // Clients drain their outboxes: every message made during the run is acknowledged in the end.
    const unsent = () =>
      everyone()
        .filter(({ client }) => client.unsent > 0)
        .map(({ user, client }) => `${user.name}: ${client.unsent} unsent, ${client.stuckOn ?? 'first attempt'}`);
    const undrained = await eventually(async () => expect(unsent()).toEqual([]), 60_000, 200).then(
      () => null,
      (error: unknown) => error,
    );
    console.log(
      `[chaos] ack latency by window (ms from making a message to its acknowledgement)\n${latencyTable(
        everyone().flatMap(({ client }) => client.acked),
        windows,
      )}`,
    );
    const totals = everyone().reduce(
      (sum, { client }) => ({
        connects: sum.connects + client.counts.connects,
        resyncs: sum.resyncs + client.counts.resyncs,
        gaps: sum.gaps + client.counts.gaps,
        catchUps: sum.catchUps + client.counts.catchUps,
      }),
      { connects: 0, resyncs: 0, gaps: 0, catchUps: 0 },
    );
    console.log(`[chaos] clients: ${JSON.stringify(totals)}; witness: ${JSON.stringify(witness.client.counts)}`);
    if (undrained) {
      throw new Error(`outboxes not drained:\n${unsent().join('\n')}\n${await appStates()}`, { cause: undrained });
    }
    loadFinished = true;
  }, 180_000);

  const storedWorld = async (): Promise<StoredWorld> => {
    if (!loadFinished) throw new Error('the load phase did not finish; nothing to check');
    world ??= await readStoredWorld(
      cluster.a.url,
      everyone().map(({ user }) => user),
    );
    return world;
  };

  it('loses no acknowledged message and stores no clientMessageId twice', async () => {
    const stored = await storedWorld();
    const { acked, lost, twice } = lostAndTwice(
      stored,
      everyone().map(({ client }) => client),
    );
    expect(acked).toBeGreaterThan(50);
    expect(lost).toEqual([]);
    expect(twice).toEqual([]);
    expect(storedGaps(stored)).toEqual([]);
  }, 30_000);

  it('gives every client exactly the stored history of its conversations, by id and position', async () => {
    const stored = await storedWorld();
    await eventually(
      async () => {
        expect(everyone().flatMap(({ client }) => client.problems)).toEqual([]);
        expect(
          everyone()
            .filter(({ client }) => !client.settled)
            .map(({ user }) => user.name),
        ).toEqual([]);
        expect(everyone().flatMap(({ user, client }) => viewMismatches(stored, user, client))).toEqual([]);
      },
      20_000,
      200,
    );
  }, 30_000);

  it('brings every message to the witness that stayed connected to A through the Redis restart', async () => {
    const stored = await storedWorld();
    expect(witness.client.connectedTo).toBe(cluster.a.url);
    expect(witness.client.counts.connects, 'the witness reconnected after Redis stopped').toBe(
      witnessConnectsAtRedisStop,
    );
    const received = [...witness.client.logs.values()].reduce((n, log) => n + log.entries().length, 0);
    expect(received).toBeGreaterThan(0);
    await eventually(async () => expect(viewMismatches(stored, witness.user, witness.client)).toEqual([]), 10_000, 200);
  }, 30_000);
});
