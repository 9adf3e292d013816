import type { AmqpBaselineRun, PipelineRun } from '../scenarios/auto-pipeline.js';
import type { AuthBaselines, LoginRun } from '../scenarios/auth-costs.js';
import type { ConnectionRun } from '../scenarios/connections.js';
import type { RelayRun } from '../scenarios/relay.js';
import type { RestRun } from '../scenarios/rest-send.js';
import type { RoundTripRun } from '../scenarios/round-trips.js';
import type { FloodRun } from '../scenarios/socket-flood.js';
import type { MachineInfo } from './machine.js';
import type { ServiceInfo } from './services.js';
import type { ModeSettings } from './settings.js';

export type ScenarioId = 'relay' | 'rest' | 'connections' | 'auth' | 'auto' | 'flood' | 'roundtrips';

export const SCENARIOS: readonly ScenarioId[] = ['relay', 'rest', 'connections', 'auth', 'auto', 'flood', 'roundtrips'];

export interface BenchResults {
  readonly mode: 'full' | 'quick';
  readonly command: string;
  readonly startedAt: string;
  finishedAt?: string;
  durationSeconds?: number;
  /** Set when the run was cut short (deadline, Ctrl-C). */
  aborted?: string;
  readonly machine: MachineInfo;
  readonly settings: ModeSettings;
  readonly only: readonly ScenarioId[];
  services: {
    readonly used: Partial<Record<'mongo' | 'redis' | 'rabbitmq', Omit<ServiceInfo, 'url'>>>;
    readonly missing: Partial<Record<'mongo' | 'redis' | 'rabbitmq', string>>;
    readonly realLabel?: string;
    readonly onFerretDb: boolean;
  } | null;
  readonly relay: RelayRun[];
  readonly rest: RestRun[];
  readonly connections: ConnectionRun[];
  readonly auth: { logins: LoginRun[]; baselines?: AuthBaselines };
  readonly auto: { runs: PipelineRun[]; baseline?: AmqpBaselineRun; baselineSkipped?: string };
  readonly flood: FloodRun[];
  readonly roundTrips: RoundTripRun[];
  readonly errors: Array<{ scenario: ScenarioId; system: string; message: string }>;
  /** Seconds each scenario took, summed over its systems. */
  readonly timings: Partial<Record<ScenarioId | 'services', number>>;
}
