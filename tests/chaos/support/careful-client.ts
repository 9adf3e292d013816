import { randomUUID } from 'node:crypto';
import { Manager, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../src/ports/realtime-events.js';
import { ConversationLog } from './conversation-log.js';
import { HistoryCatchUp } from './history-catch-up.js';
import { ATTEMPT_TIMEOUT_MS, backoffMs, Refused, sleep } from './retrying.js';
import { attemptSend, type OutgoingMessage } from './send-attempt.js';
import { readWireMessage, type WireMessage } from './wire-message.js';

export interface CarefulClientOptions {
  readonly name: string;
  readonly userId: string;
  readonly token: string;
  /** Base URLs of the app processes; the socket connects to the first. */
  readonly urls: readonly string[];
  /** Reconnect to each process in turn (true) or always to the first (false). */
  readonly failover: boolean;
}

export interface AckedSend {
  readonly clientMessageId: string;
  readonly receiverId: string;
  readonly message: WireMessage;
  /** When the client made the message (ms since the epoch). */
  readonly createdAt: number;
  readonly ackedAt: number;
  readonly attempts: number;
}

interface Pending extends OutgoingMessage {
  readonly createdAt: number;
}

const GAP_GRACE_MS = 300;

/**
 * A chat client with the habits the contract asks for: every send keyed by a
 * clientMessageId and retried (socket or REST, either process) until
 * acknowledged; every message kept by position per conversation, and a
 * catch-up from the last contiguous position on each (re)connect, `resync`
 * and gap.
 */
export class CarefulClient {
  readonly acked: AckedSend[] = [];
  /** Contract violations and refusals seen by this client; the suite expects none. */
  readonly problems: string[] = [];
  readonly logs = new Map<string, ConversationLog>();
  readonly counts = { connects: 0, disconnects: 0, resyncs: 0, gaps: 0, catchUps: 0 };
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly ports: string[];
  private readonly outbox: Pending[] = [];
  private readonly catchUp: HistoryCatchUp;
  private pumping = false;
  private closed = false;
  private connectedPort = '';
  private lastSendFailure: string | null = null;

  constructor(private readonly options: CarefulClientOptions) {
    const first = new URL(options.urls[0]!);
    this.ports = options.urls.map((url) => new URL(url).port);
    const manager = new Manager<ServerToClientEvents, ClientToServerEvents>({
      hostname: first.hostname,
      port: first.port,
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 1_000,
      timeout: ATTEMPT_TIMEOUT_MS,
      autoConnect: false,
    });
    if (options.failover) {
      manager.on('reconnect_attempt', (attempt) => {
        manager.opts.port = this.ports[attempt % this.ports.length];
      });
    }
    this.socket = manager.socket('/', { auth: { token: options.token } });
    this.catchUp = new HistoryCatchUp({
      urls: options.urls,
      token: options.token,
      logFor: (conversationId) => this.logFor(conversationId),
      allLogs: () => this.logs.values(),
      recordFromHistory: (raw) => this.record(raw, { fromHistory: true }),
      problem: (description) => this.problems.push(`${options.name}: ${description}`),
      started: () => (this.counts.catchUps += 1),
      isClosed: () => this.closed,
    });
    this.listen();
  }

  /** Connects and resolves on the first connection. */
  async start(): Promise<void> {
    const connected = new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
    this.socket.connect();
    await connected;
  }

  /** The base URL of the process the socket is connected to, or null while it is not. */
  get connectedTo(): string | null {
    if (!this.socket.connected) return null;
    return this.options.urls.find((url) => new URL(url).port === this.connectedPort) ?? null;
  }

  /** Queues a new message to `receiverId`; it is sent, and retried, in order. */
  send(receiverId: string): void {
    this.outbox.push({ clientMessageId: randomUUID(), receiverId, createdAt: Date.now() });
    void this.pump();
  }

  get unsent(): number {
    return this.outbox.length;
  }

  /** Why the message at the head of the outbox is not acknowledged yet (null when nothing is stuck). */
  get stuckOn(): string | null {
    return this.outbox.length > 0 ? this.lastSendFailure : null;
  }

  /** Nothing left to send and no catch-up running or wanted. */
  get settled(): boolean {
    return this.outbox.length === 0 && this.catchUp.idle;
  }

  close(): void {
    this.closed = true;
    this.socket.io.reconnection(false);
    this.socket.disconnect();
  }

  private listen(): void {
    const socket = this.socket;
    socket.on('connect', () => {
      this.counts.connects += 1;
      this.connectedPort = String(socket.io.opts.port);
      this.catchUp.request();
    });
    socket.on('disconnect', (reason) => {
      this.counts.disconnects += 1;
      // The server closed it on purpose: socket.io does not reconnect by itself then.
      if (reason === 'io server disconnect') this.reconnectLater();
    });
    socket.on('connect_error', () => {
      if (!socket.active) this.reconnectLater();
    });
    // Payloads are checked, not trusted: `record` reads them as unknown.
    socket.on('message_received', (payload, ack) => {
      ack?.({ received: true });
      this.record((payload as { message?: unknown } | undefined)?.message);
    });
    socket.on('message_sent', (payload) => this.record((payload as { message?: unknown } | undefined)?.message));
    socket.on('resync', () => {
      this.counts.resyncs += 1;
      this.catchUp.request();
    });
  }

  private reconnectLater(): void {
    if (this.closed) return;
    setTimeout(() => {
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, 500);
  }

  /** Keeps a message; one beyond a hole asks for a catch-up, unless it came from one (a stored hole stays a hole). */
  private record(raw: unknown, options: { fromHistory?: boolean } = {}): WireMessage | null {
    const message = readWireMessage(raw);
    if (typeof message === 'string') {
      this.problems.push(`${this.options.name}: ${message}`);
      return null;
    }
    const log = this.logFor(message.conversationId);
    if (log.add(message) && !options.fromHistory) {
      // Events from two processes may cross: only a hole still open after a moment is a gap.
      setTimeout(() => {
        if (log.contiguous + 1 >= message.seq || this.closed) return;
        this.counts.gaps += 1;
        this.catchUp.request(message.conversationId);
      }, GAP_GRACE_MS);
    }
    return message;
  }

  private logFor(conversationId: string): ConversationLog {
    let log = this.logs.get(conversationId);
    if (!log) {
      log = new ConversationLog(conversationId, (problem) => this.problems.push(`${this.options.name}: ${problem}`));
      this.logs.set(conversationId, log);
    }
    return log;
  }

  // ---- sending ----

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.outbox.length > 0 && !this.closed) {
        await this.deliver(this.outbox[0]!);
        this.outbox.shift();
      }
    } finally {
      this.pumping = false;
    }
  }

  private async deliver(item: Pending): Promise<void> {
    for (let attempt = 0; !this.closed; attempt += 1) {
      try {
        const stored = await attemptSend(
          { socket: this.socket, urls: this.options.urls, token: this.options.token },
          item,
          attempt,
        );
        const message = this.record(stored);
        if (message) {
          this.acked.push({ ...item, message, ackedAt: Date.now(), attempts: attempt + 1 });
        }
        return;
      } catch (error) {
        if (error instanceof Refused) {
          this.problems.push(`${this.options.name}: send ${item.clientMessageId} refused: ${error.message}`);
          return;
        }
        this.lastSendFailure = `attempt ${attempt + 1}: ${(error as Error).message}`;
      }
      await sleep(backoffMs(attempt));
    }
  }
}
