import { Gauge, type Registry } from 'prom-client';
import type { AutoMessageRepository } from '../../ports/auto-message-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { MessageQueue } from '../../ports/message-queue.js';
import type { PresenceStore } from '../../ports/presence-store.js';

/** What the gauges read at each scrape: state shared by every process, kept behind these ports. */
export interface ScrapedSources {
  readonly presence: Pick<PresenceStore, 'countOnline'>;
  readonly queue: Pick<MessageQueue, 'depth'>;
  readonly autoMessages: Pick<AutoMessageRepository, 'countByStatus'>;
  readonly clock: Clock;
}

export interface ScrapedGaugesOptions {
  readonly registers: Registry[];
  /** Longest wait for one source in a scrape: a slow service never holds /metrics up longer. */
  readonly timeoutMs: number;
  /** Starts a read so that the round trips it makes are not counted as the app's. */
  readonly startUncounted: <T>(start: () => T) => T;
}

interface Sample {
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** A gauge showing the samples it was last given: none after a failed read, so a stale value never passes for news. */
class GivenGauge extends Gauge {
  private samples: readonly Sample[] = [];

  give(samples: readonly Sample[]): void {
    this.samples = samples;
  }

  override async get() {
    return { ...(await super.get()), values: this.samples.map((sample) => ({ ...sample })) };
  }
}

/** One source read at most once at a time; a read still running is joined, not repeated. */
class BoundedRead {
  private running: Promise<readonly Sample[]> | undefined;

  constructor(
    readonly gauge: GivenGauge,
    private readonly read: () => Promise<readonly Sample[]>,
  ) {}

  /** The samples, or undefined when the read failed or took longer than `timeoutMs`. */
  async samples(options: ScrapedGaugesOptions): Promise<readonly Sample[] | undefined> {
    this.running ??= options.startUncounted(this.read).finally(() => (this.running = undefined));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), options.timeoutMs)));
    try {
      return await Promise.race([this.running.catch(() => undefined), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

const byLabel = (label: string, counts: object): Sample[] =>
  Object.entries(counts).map(([value, count]) => ({ labels: { [label]: value }, value: count as number }));

/**
 * Gauges of what an operator watches across the deployment (online users,
 * the auto-message queue, auto-message items by status), read from their
 * ports at each scrape. Every process reports the same numbers.
 */
export class ScrapedGauges {
  private readonly sourceUp: Gauge<'source'>;
  private readonly reads: Record<'presence' | 'queue' | 'auto_messages', BoundedRead>;

  constructor(
    sources: ScrapedSources,
    private readonly options: ScrapedGaugesOptions,
  ) {
    const { registers } = options;
    const gauge = (name: string, help: string, labelNames: string[] = []) =>
      new GivenGauge({ name, help, labelNames, registers });
    this.reads = {
      presence: new BoundedRead(
        gauge(
          'chat_online_users',
          'Users with at least one open connection, on every process (each process reports the same number: take max, not sum)',
        ),
        async () => [{ labels: {}, value: await sources.presence.countOnline(sources.clock.now()) }],
      ),
      queue: new BoundedRead(
        gauge(
          'chat_auto_queue_depth',
          'Messages in the auto-message queue by state: ready (for a worker), retrying (waiting out a backoff), dead (attempts exhausted); counted by the broker, the same in every process; those a worker is handling are in none',
          ['state'],
        ),
        async () => byLabel('state', await sources.queue.depth()),
      ),
      auto_messages: new BoundedRead(
        gauge(
          'chat_auto_message_items',
          'Automated-message items in the database by status: planned, queued (claimed and published), sent, dead (the same in every process)',
          ['status'],
        ),
        async () => byLabel('status', await sources.autoMessages.countByStatus()),
      ),
    };
    this.sourceUp = new Gauge({
      name: 'chat_metrics_source_up',
      help: `1 when this scrape read the source of a gauge in time (presence: chat_online_users, queue: chat_auto_queue_depth, auto_messages: chat_auto_message_items); 0 when the read failed or took over ${options.timeoutMs} ms, the gauge then absent`,
      labelNames: ['source'],
      registers,
    });
  }

  /** Reads every source (at once, each within the time bound) into its gauge. */
  async refresh(): Promise<void> {
    await Promise.all(
      Object.entries(this.reads).map(async ([source, read]) => {
        const samples = await read.samples(this.options);
        read.gauge.give(samples ?? []);
        this.sourceUp.set({ source }, samples ? 1 : 0);
      }),
    );
  }
}
