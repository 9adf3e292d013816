import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MessageType } from '../../domain/message.js';
import type { CounterName, Metrics } from '../../ports/metrics.js';
import type { RedisRoundTripKind, RoundTripMeter } from '../../ports/round-trip-meter.js';
import { ScrapedGauges, type ScrapedSources } from './scraped-gauges.js';
import { TalliedCounter, type TallyCell } from './tallied-counter.js';

/** Help text per counter; a Record so the compiler flags a CounterName without a counter. */
const COUNTER_HELP: Record<CounterName, string> = {
  auto_messages_planned: 'Automated messages planned',
  auto_messages_queued: 'Automated messages published to the queue',
  auto_messages_sent: 'Automated messages delivered as messages',
  auto_messages_retried: 'Automated message deliveries that failed and will be retried',
  auto_messages_dead_lettered: 'Automated messages that exhausted their attempts',
  messages_sent: 'Messages sent by users',
};

export interface PrometheusMetricsOptions {
  /** Process metrics (CPU, memory, event loop, GC); on by default. */
  readonly defaultMetrics?: boolean;
}

/** Longest wait for one gauge's source in a scrape (see ScrapedGauges). */
export const SCRAPED_SOURCE_TIMEOUT_MS = 2000;

/** Metrics on a private registry, so several apps in one process never share or clash. */
export class PrometheusMetrics implements Metrics, RoundTripMeter {
  readonly registry = new Registry();
  private readonly counters: Record<CounterName, Counter>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly deliveryDuration: Histogram<'type'>;
  private readonly socketConnections: Gauge;
  private readonly socketEvents: TalliedCounter;
  private readonly mongoCommands: TalliedCounter;
  private readonly redisRoundTrips: TalliedCounter;
  private readonly storeCalls: TalliedCounter;
  private scraped: ScrapedGauges | undefined;
  /** Above 0 while an operator read starts: what it asks of the services is not counted. */
  private uncountedStarts = 0;

  constructor(options: PrometheusMetricsOptions = {}) {
    const registers = [this.registry];
    this.counters = Object.fromEntries(
      Object.entries(COUNTER_HELP).map(([name, help]) => [
        name,
        new Counter({ name: `chat_${name}_total`, help, registers }),
      ]),
    ) as Record<CounterName, Counter>;
    this.httpDuration = new Histogram({
      name: 'chat_http_request_duration_seconds',
      help: 'HTTP request duration by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.deliveryDuration = new Histogram({
      name: 'chat_message_delivery_seconds',
      help: "Seconds from announcing a message to its receiver's acknowledgement (what the sender's delivered mark waits for), by message type; measured in the process that announced it, for messages a receiver's socket acknowledged",
      labelNames: ['type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.socketConnections = new Gauge({
      name: 'chat_socket_connections',
      help: 'Socket.IO connections open in this process',
      registers,
    });
    this.socketEvents = new TalliedCounter({
      name: 'chat_socket_events_total',
      help: 'Socket events received from clients, by event name and outcome: ok, or the error code it was refused with (VALIDATION_FAILED, RATE_LIMITED, FORBIDDEN, ...)',
      labelNames: ['event', 'outcome'],
      registers,
    });
    this.mongoCommands = new TalliedCounter({
      name: 'chat_mongodb_commands_total',
      help: 'Commands sent to MongoDB, each one network round trip, by command name and collection',
      labelNames: ['command', 'collection'],
      registers,
    });
    this.redisRoundTrips = new TalliedCounter({
      name: 'chat_redis_round_trips_total',
      help: 'Network round trips to Redis: kind="command" is one command, kind="batch" one MULTI or pipeline of several',
      labelNames: ['kind', 'command'],
      registers,
    });
    this.storeCalls = new TalliedCounter({
      name: 'chat_store_port_calls_total',
      help: 'Calls of the in-memory stores (embedded default): no network, but what would be a round trip on a real service',
      labelNames: ['port', 'method'],
      registers,
    });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  increment(name: CounterName, by = 1): void {
    this.counters[name].inc(by);
  }

  observeDelivery(messageType: MessageType, seconds: number): void {
    this.deliveryDuration.observe({ type: messageType }, Math.max(0, seconds));
  }

  countSocketEvent(event: string, outcome: string): void {
    this.socketEvents.cell(event, outcome).count += 1;
  }

  /** Reads these sources into the operator gauges at every render (once; later calls are ignored). */
  readOnScrape(sources: ScrapedSources, timeoutMs = SCRAPED_SOURCE_TIMEOUT_MS): void {
    this.scraped ??= new ScrapedGauges(sources, {
      registers: [this.registry],
      timeoutMs,
      startUncounted: (start) => this.startUncounted(start),
    });
  }

  /** `route` is the route template (`/api/messages/:messageId`), never the raw path, to bound label values. */
  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  mongoCommand(command: string, collection: string): void {
    if (this.uncountedStarts === 0) this.mongoCommands.cell(command, collection).count += 1;
  }

  redisRoundTrip(kind: RedisRoundTripKind, command: string): void {
    if (this.uncountedStarts === 0) this.redisRoundTrips.cell(kind, command).count += 1;
  }

  storeCallCounter(port: string, method: string): () => void {
    let cell: TallyCell | undefined;
    return () => {
      if (this.uncountedStarts === 0) (cell ??= this.storeCalls.cell(port, method)).count += 1;
    };
  }

  setSocketConnections(count: number): void {
    this.socketConnections.set(count);
  }

  async render(): Promise<string> {
    await this.scraped?.refresh();
    return this.registry.metrics();
  }

  /**
   * Runs `start`, leaving uncounted the round trips it starts before it
   * returns: a store call or a Redis command is counted as it is made, so a
   * scrape's own reads never move the counters it reports. (MongoDB counts
   * later, when the command goes out: its operator reads carry a mark.)
   */
  private startUncounted<T>(start: () => T): T {
    this.uncountedStarts += 1;
    try {
      return start();
    } finally {
      this.uncountedStarts -= 1;
    }
  }
}
