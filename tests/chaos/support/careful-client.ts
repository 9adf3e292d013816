import { randomUUID } from 'node:crypto';
import { Manager, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../src/ports/realtime-events.js';
import { ConversationLog } from './conversation-log.js';
import { isTransient, restCall } from './rest-call.js';
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

interface Pending {
  readonly clientMessageId: string;
  readonly receiverId: string;
  readonly createdAt: number;
}

/** A slow answer is not a failure: retrying it early only adds load to a server that is still working on it. */
const ATTEMPT_TIMEOUT_MS = 10_000;
const PAGE = 100;
const GAP_GRACE_MS = 300;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const backoffMs = (attempt: number): number => Math.min(2_000, 100 * 2 ** attempt);

/** A permanent refusal: retrying the same request cannot help. */
class Refused extends Error {}

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
  private pumping = false;
  private wanted = { all: false, conversations: new Set<string>() };
  private catchingUp: Promise<void> | null = null;
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
    return this.outbox.length === 0 && !this.catchUpWanted && this.catchingUp === null;
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
      this.requestCatchUp();
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
      this.requestCatchUp();
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
        this.requestCatchUp(message.conversationId);
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
        const stored = await this.attempt(item, attempt);
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

  /** One try over the socket (when connected, every other attempt) or REST on a process in turn; the stored message. */
  private async attempt(item: Pending, attempt: number): Promise<unknown> {
    const payload = {
      receiverId: item.receiverId,
      content: `m ${item.clientMessageId}`,
      clientMessageId: item.clientMessageId,
    };
    if (this.socket.connected && attempt % 2 === 0) {
      const ack = await this.socket.timeout(ATTEMPT_TIMEOUT_MS).emitWithAck('send_message', payload);
      if (ack?.ok) return ack.message;
      const code = String(ack?.error?.code);
      if (['SERVICE_UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED'].includes(code)) throw new Error(code);
      throw new Refused(`socket ack ${JSON.stringify(ack)}`);
    }
    const url = this.options.urls[Math.floor(attempt / 2) % this.options.urls.length]!;
    const reply = await restCall(url, 'POST', '/api/messages/send', {
      token: this.options.token,
      body: payload,
      timeoutMs: ATTEMPT_TIMEOUT_MS,
    });
    if (reply.status === 200 || reply.status === 201) return reply.body?.data?.message;
    if (isTransient(reply.status)) throw new Error(`status ${reply.status}`);
    throw new Refused(`POST /api/messages/send ${reply.status} ${JSON.stringify(reply.body)}`);
  }

  // ---- catching up ----

  /** Catches up every conversation (and lists them to find new ones), or just the one with a gap. */
  private requestCatchUp(conversationId?: string): void {
    if (conversationId === undefined) this.wanted.all = true;
    else this.wanted.conversations.add(conversationId);
    if (this.catchingUp || this.closed) return;
    this.catchingUp = this.catchUpWhileWanted().finally(() => {
      this.catchingUp = null;
      if (this.catchUpWanted) this.requestCatchUp();
    });
  }

  private get catchUpWanted(): boolean {
    return this.wanted.all || this.wanted.conversations.size > 0;
  }

  private async catchUpWhileWanted(): Promise<void> {
    while (this.catchUpWanted && !this.closed) {
      const all = this.wanted.all;
      const only = [...this.wanted.conversations];
      this.wanted = { all: false, conversations: new Set() };
      this.counts.catchUps += 1;
      for (let attempt = 0; !this.closed; attempt += 1) {
        try {
          await this.catchUpOnce(this.options.urls[attempt % this.options.urls.length]!, all ? null : only);
          break;
        } catch (error) {
          if (error instanceof Refused) {
            this.problems.push(`${this.options.name}: catch-up refused: ${error.message}`);
            return;
          }
        }
        await sleep(backoffMs(attempt));
      }
    }
  }

  private async get(url: string, path: string): Promise<any> {
    const reply = await restCall(url, 'GET', path, { token: this.options.token, timeoutMs: ATTEMPT_TIMEOUT_MS });
    if (reply.status === 200) return reply.body?.data;
    if (isTransient(reply.status)) throw new Error(`status ${reply.status}`);
    throw new Refused(`GET ${path} ${reply.status} ${JSON.stringify(reply.body)}`);
  }

  /** Fetches from the last contiguous position: the given conversations, or all after listing them (null). */
  private async catchUpOnce(url: string, only: readonly string[] | null): Promise<void> {
    if (only === null) {
      for (let page = 1; ; page += 1) {
        const data = await this.get(url, `/api/conversations?page=${page}&limit=${PAGE}`);
        for (const conversation of data.conversations as Array<{ id: string }>) this.logFor(conversation.id);
        if (!data.pagination.hasNext) break;
      }
    }
    const logs = only === null ? [...this.logs.values()] : only.map((id) => this.logFor(id));
    for (const log of logs) {
      let after = log.contiguous;
      for (;;) {
        const path = `/api/conversations/${log.conversationId}/messages?after=${after}&limit=${PAGE}`;
        const data = await this.get(url, path);
        for (const raw of data.messages as unknown[]) {
          const message = this.record(raw, { fromHistory: true });
          if (message) after = Math.max(after, message.seq);
        }
        if (!data.hasMore) break;
      }
    }
  }
}
