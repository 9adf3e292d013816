import { OPERATIONS, type OperationId, type RoundTripRun } from '../../scenarios/round-trips.js';
import type { BenchResults } from '../results.js';
import { familyOf, type CounterFamily } from '../round-trip-counters.js';
import { table } from './figures.js';

const OPERATION_NAMES: Record<OperationId, string> = {
  restSend: 'REST send',
  socketSend: 'socket send, with ack',
  history: 'history page of 50',
  socketConnect: 'socket connect, handshake to `connect`',
  login: 'login',
};

const SYSTEM_NAMES: Record<RoundTripRun['system'], string> = {
  embedded: 'embedded',
  'memory-repos': 'Redis + RabbitMQ, in-memory repositories',
  real: 'real services',
  rabbitmq: 'RabbitMQ, in-memory repositories',
};

const FAMILY_NAMES: Record<CounterFamily, string> = {
  mongo: 'MongoDB commands',
  redis: 'Redis round trips',
  store: 'store calls',
};

const FAMILIES: readonly CounterFamily[] = ['mongo', 'redis', 'store'];

/** Up to two decimals, without trailing zeros. */
const count = (value: number | undefined): string =>
  value === undefined ? '–' : Number(value.toFixed(2)).toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The families a run moved at all (the embedded default moves store calls only). */
const familiesOf = (run: RoundTripRun): CounterFamily[] => {
  const moved = FAMILIES.filter((family) =>
    Object.values(run.operations).some((window) => (window?.perRun[family] ?? 0) !== 0),
  );
  return moved.length > 0 ? moved : ['store'];
};

/** `chat_mongodb_commands_total{command="find",collection="users"}` → `find users`, and alike. */
const seriesName = (series: string): string => {
  const labels = Object.fromEntries([...series.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  switch (familyOf(series)) {
    case 'mongo':
      return `${labels.command} ${labels.collection}`;
    case 'redis':
      return labels.kind === 'batch' ? `${labels.command} batch` : `${labels.command}`;
    default:
      return `${labels.port}.${labels.method}`;
  }
};

const breakdown = (run: RoundTripRun, operation: OperationId): string => {
  const series = Object.entries(run.operations[operation]?.bySeries ?? {}).sort(([, a], [, b]) => b - a);
  return series.length === 0 ? 'none' : series.map(([name, value]) => `${seriesName(name)} ${count(value)}`).join(', ');
};

/** Section 7: round trips per operation in each composition, and what each operation asked for. */
export const roundTripSection = (r: BenchResults): string => {
  const s = r.settings.roundTrips;
  const columns = r.roundTrips.flatMap((run) => familiesOf(run).map((family) => ({ run, family })));
  const parts = [
    '## 7. Round trips per operation',
    '',
    `On an otherwise idle app (api role only, no presence heartbeat within the run), each operation runs ${s.operations} ` +
      `times, one after another, over ${s.pairs} sender/receiver pairs, and the app's own counters on ` +
      '`/metrics` say what they cost: `chat_mongodb_commands_total` (each command one round trip), ' +
      '`chat_redis_round_trips_total` (a command, or a MULTI or pipeline, is one) and, for the stores kept in ' +
      'memory, `chat_store_port_calls_total` (no network: what would be a round trip on a real service). Counts are ' +
      "read once they stop moving, so work an operation sets off is in; the MongoDB watchdog's `ping` is left out, " +
      `and what moved while the app sat idle for ${s.idleMs / 1000} s first is taken off. Sends go to a ` +
      "conversation that exists, to a receiver with no socket open; a connect is the user's first socket; a login " +
      'has the right password.',
    '',
    table(
      ['per operation', ...columns.map(({ run, family }) => `${SYSTEM_NAMES[run.system]}: ${FAMILY_NAMES[family]}`)],
      OPERATIONS.map((operation) => [
        OPERATION_NAMES[operation],
        ...columns.map(({ run, family }) => count(run.operations[operation]?.perRun[family])),
      ]),
    ),
    '',
  ];
  for (const run of r.roundTrips) {
    const idle = Object.entries(run.idlePerSecond);
    parts.push(
      `**${run.label}**: what each operation asked for, per operation` +
        (idle.length > 0
          ? ` (idle background taken off: ${idle.map(([name, rate]) => `${seriesName(name)} ${count(rate)}/s`).join(', ')})`
          : '') +
        '.',
      '',
      table(
        ['operation', 'calls'],
        OPERATIONS.map((operation) => [OPERATION_NAMES[operation], breakdown(run, operation)]),
      ),
      '',
    );
  }
  return parts.join('\n');
};

const ISSUE_TARGETS: ReadonlyArray<{ operation: OperationId; most: number; what: string }> = [
  { operation: 'restSend', most: 3, what: 'a REST send at most 3 database round trips' },
  { operation: 'socketSend', most: 3, what: 'a socket send at most 3 database round trips' },
  { operation: 'socketConnect', most: 0, what: 'a socket connect no database round trip' },
];

/** The issue's round-trip targets, judged on the run with MongoDB. */
export const roundTripTargets = (r: BenchResults): string[] => {
  const run = r.roundTrips.find((x) => x.system === 'real');
  if (!run) return [];
  return ISSUE_TARGETS.map(({ operation, most, what }) => {
    const measured = run.operations[operation]?.perRun.mongo;
    const verdict = measured === undefined ? 'not measured' : measured <= most ? '**met**' : '**not met**';
    return `- ${run.label}: ${what}: ${verdict} (MongoDB commands per operation: ${count(measured)}).`;
  });
};
