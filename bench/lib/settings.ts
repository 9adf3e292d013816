import type { AuthSettings } from '../scenarios/auth-costs.js';
import type { ConnectionSettings } from '../scenarios/connections.js';
import type { RelaySettings } from '../scenarios/relay.js';
import type { RestSettings } from '../scenarios/rest-send.js';
import type { RoundTripSettings } from '../scenarios/round-trips.js';
import type { FloodSettings } from '../scenarios/socket-flood.js';

export interface ModeSettings {
  /** The whole run stops (children killed, partial report written) at this point. */
  readonly deadlineMs: number;
  readonly relay: RelaySettings;
  /** Each relay system's share of the time. */
  readonly relayBudgetMs: number;
  readonly rest: RestSettings;
  readonly connections: ConnectionSettings;
  readonly auto: {
    /** Items on the embedded default and for the amqplib baseline. */
    readonly items: number;
    /** Items on the real services (bounded: FerretDB's claims are slow, see BENCHMARKS.md). */
    readonly itemsReal: number;
    readonly timeoutMs: number;
  };
  readonly auth: AuthSettings;
  readonly flood: FloodSettings;
  readonly roundTrips: RoundTripSettings;
}

const FULL: ModeSettings = {
  deadlineMs: 14.5 * 60_000,
  relay: {
    pairs: 800,
    loadProcesses: 2,
    rates: [
      25, 50, 100, 250, 500, 1000, 2000, 3000, 4000, 6000, 8000, 10000, 12000, 16000, 20000, 25000, 30000, 40000, 50000,
      60000,
    ],
    startRate: 1000,
    slowPairs: 50,
    warmupMs: 1000,
    measureMs: 3000,
    drainMs: 1500,
    p99LimitMs: 100,
    minDeliveredRatio: 0.99,
  },
  relayBudgetMs: 100_000,
  rest: { connections: 20, warmupSeconds: 2, durationSeconds: 10, pairs: 20 },
  connections: { sockets: 10_000, users: 500, loadProcesses: 4, concurrency: 50, timeoutMs: 120_000, settleMs: 2000 },
  auto: { items: 100_000, itemsReal: 500, timeoutMs: 180_000 },
  auth: { bcryptCost: 12, sequentialLogins: 10, concurrency: 4, concurrentMs: 5000, verifyIterations: 20_000 },
  flood: {
    sockets: 20,
    pollIntervalMs: 20,
    probeTimeoutMs: 5000,
    idleMs: 5000,
    floodMs: 5000,
    drainMs: 5000,
    maxEvents: 1_000_000,
    inFlightPerSocket: 32,
    settleMs: 1000,
  },
  roundTrips: { operations: 200, pairs: 10, idleMs: 2000, settleTimeoutMs: 5000 },
};

const QUICK: ModeSettings = {
  deadlineMs: 345_000,
  relay: {
    pairs: 500,
    loadProcesses: 2,
    rates: [25, 50, 100, 250, 1000, 2000, 4000, 6000, 8000, 16000, 30000],
    startRate: 1000,
    slowPairs: 50,
    warmupMs: 500,
    measureMs: 1500,
    drainMs: 1000,
    p99LimitMs: 100,
    minDeliveredRatio: 0.99,
  },
  relayBudgetMs: 35_000,
  rest: { connections: 20, warmupSeconds: 1, durationSeconds: 3, pairs: 10 },
  connections: { sockets: 2_000, users: 100, loadProcesses: 2, concurrency: 50, timeoutMs: 30_000, settleMs: 1000 },
  auto: { items: 10_000, itemsReal: 200, timeoutMs: 30_000 },
  auth: { bcryptCost: 12, sequentialLogins: 3, concurrency: 4, concurrentMs: 1500, verifyIterations: 5_000 },
  flood: {
    sockets: 20,
    pollIntervalMs: 20,
    probeTimeoutMs: 5000,
    idleMs: 2000,
    floodMs: 2000,
    drainMs: 3000,
    maxEvents: 400_000,
    inFlightPerSocket: 32,
    settleMs: 500,
  },
  roundTrips: { operations: 50, pairs: 5, idleMs: 1000, settleTimeoutMs: 3000 },
};

export const settingsFor = (quick: boolean): ModeSettings => (quick ? QUICK : FULL);
