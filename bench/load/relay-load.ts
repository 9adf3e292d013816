import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { emitEvent, serveCommands } from '../lib/child-side.js';
import { openSockets } from './open-sockets.js';

/** One sender and one receiver. `ours`: access tokens and the receiver's user id; `bare`: room names. */
export interface RelayPair {
  readonly senderAuth: Record<string, string>;
  readonly receiverAuth: Record<string, string>;
  /** Our receiverId, or the bare relay's room. */
  readonly target: string;
}

export interface ConnectArgs {
  readonly url: string;
  readonly mode: 'ours' | 'bare';
  readonly pairs: readonly RelayPair[];
}

export interface StepArgs {
  readonly stepId: number;
  /** This process's share of the offered rate, messages per second. */
  readonly rate: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  /** Longest wait after the last send for messages still travelling. */
  readonly drainMs: number;
}

export interface StepResult {
  /** Messages sent inside the measured window. */
  readonly sent: number;
  /** Of those, received by their receiver before the drain ended. */
  readonly delivered: number;
  /** Sender-to-receiver latency of each delivered message, ms, from its scheduled send time. */
  readonly latencies: number[];
  /** Negative acknowledgements (ours only), e.g. rate limited. */
  readonly rejected: number;
  readonly rejectSample: string | null;
  /** CPU this load process used during the step, ms. */
  readonly cpuMs: number;
  readonly wallMs: number;
}

interface Pair {
  readonly sender: Socket;
  readonly receiver: Socket;
  readonly target: string;
}

let mode: 'ours' | 'bare' = 'ours';
let pairs: Pair[] = [];
let onDelivered: (content: unknown) => void = () => undefined;

const connect = async ({ url, mode: m, pairs: specs }: ConnectArgs) => {
  mode = m;
  const started = performance.now();
  const auths = specs.flatMap((pair) => [pair.senderAuth, pair.receiverAuth]);
  const sockets = await openSockets(url, auths, 50);
  pairs = specs.map((spec, i) => ({
    sender: sockets[2 * i] as Socket,
    receiver: sockets[2 * i + 1] as Socket,
    target: spec.target,
  }));
  for (const { receiver } of pairs) {
    if (mode === 'ours') {
      // The receiver opens the conversation at its first message, as a chat window does: it then gets no notification.
      let viewing = false;
      type Received = { message?: { content?: unknown; conversationId?: unknown } };
      receiver.on('message_received', (payload: Received, ack?: (r: unknown) => void) => {
        ack?.({ received: true });
        onDelivered(payload?.message?.content);
        if (!viewing && typeof payload?.message?.conversationId === 'string') {
          viewing = true;
          receiver.emit('join_room', { conversationId: payload.message.conversationId });
        }
      });
    } else {
      receiver.on('message', (payload: { content?: unknown }) => onDelivered(payload?.content));
    }
  }
  return { sockets: sockets.length, ms: performance.now() - started };
};

/** Open loop: message k is due at start + k / rate whatever happened to earlier ones, and timed from then. */
const step = async (args: StepArgs): Promise<StepResult> => {
  const { stepId, rate, warmupMs, measureMs, drainMs } = args;
  if (pairs.length === 0) throw new Error('not connected');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const interval = 1000 / rate;
  const total = Math.floor(((warmupMs + measureMs) / 1000) * rate);
  const latencies: number[] = [];
  let sent = 0;
  let rejected = 0;
  let rejectSample: string | null = null;
  let delivered = 0;
  const prefix = `${stepId}:`;

  onDelivered = (content) => {
    if (typeof content !== 'string' || !content.startsWith(prefix)) return;
    const [, due, measured] = content.split(':');
    if (measured !== '1') return;
    delivered += 1;
    latencies.push(Math.round((performance.now() - Number(due)) * 100) / 100);
  };
  const onAck = (response: { ok?: boolean; error?: { code?: string; message?: string } }) => {
    if (response?.ok) return;
    rejected += 1;
    rejectSample ??= `${response?.error?.code ?? '?'}: ${response?.error?.message ?? ''}`;
  };

  await new Promise<void>((resolve) => {
    let k = 0;
    const tick = () => {
      const now = performance.now();
      while (k < total && started + k * interval <= now) {
        const due = started + k * interval;
        const measured = due >= measureFrom;
        if (measured) sent += 1;
        const pair = pairs[k % pairs.length] as Pair;
        const content = `${prefix}${due.toFixed(3)}:${measured ? 1 : 0}`;
        if (mode === 'ours') pair.sender.emit('send_message', { receiverId: pair.target, content }, onAck);
        else pair.sender.emit('relay', { to: pair.target, content });
        k += 1;
      }
      if (k < total) setTimeout(tick, Math.max(0, Math.min(5, started + k * interval - now)));
      else resolve();
    };
    tick();
  });
  const drainUntil = performance.now() + drainMs;
  while (delivered < sent && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 20));
  onDelivered = () => undefined;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    sent,
    delivered,
    latencies,
    rejected,
    rejectSample,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: performance.now() - started,
  };
};

const close = () => {
  for (const { sender, receiver } of pairs) {
    sender.disconnect();
    receiver.disconnect();
  }
  pairs = [];
};

serveCommands({ connect, step, close, stop: close });
emitEvent('ready', { pid: process.pid });
