import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { emitEvent, serveCommands } from '../lib/child-side.js';
import { openSocket } from './open-sockets.js';

export interface FloodConnectArgs {
  readonly url: string;
  /** One user's access token: every socket is that user's. */
  readonly token: string;
  readonly sockets: number;
}

export interface FloodConnectResult {
  readonly connected: number;
  /** Refused with `connect_error` `too_many_connections` (the per-user cap). */
  readonly refused: number;
  /** Refused for any other reason. */
  readonly failed: number;
  readonly firstError: string | null;
  readonly ms: number;
}

export interface FloodArgs {
  /** `send_message` goes to this user... */
  readonly receiverId: string;
  /** ...and `typing_start` to the conversation the two share. */
  readonly conversationId: string;
  /** No event is sent after this long. */
  readonly durationMs: number;
  /** Nor after this many in all. */
  readonly maxEvents: number;
  /** Events each socket keeps unanswered: it sends the next as soon as one is answered. */
  readonly inFlightPerSocket: number;
  /** Longest wait, after the last send, for the answers still out. */
  readonly drainMs: number;
}

export interface FloodResult {
  readonly sockets: number;
  readonly sent: number;
  /** Answered `{ok: true}`. */
  readonly accepted: number;
  /** Answered `{ok: false, error: {code: 'RATE_LIMITED'}}`. */
  readonly rateLimited: number;
  /** Other negative answers, by error code. */
  readonly otherRefusals: Record<string, number>;
  /** Never answered within the drain (or lost with a socket the server dropped). */
  readonly unanswered: number;
  /** Sockets the server disconnected during the flood. */
  readonly disconnected: number;
  /** From the first event to the last one sent. */
  readonly sendMs: number;
  /** From the first event to the last answer (or the end of the drain). */
  readonly wallMs: number;
  /** CPU this process used, ms. */
  readonly cpuMs: number;
}

interface AckResponse {
  readonly ok?: boolean;
  readonly error?: { readonly code?: string };
}

const TOO_MANY_CONNECTIONS = 'too_many_connections';

let sockets: Socket[] = [];

/** Opens the user's sockets one after another, so the cap refuses exactly the ones beyond it. */
const connect = async ({ url, token, sockets: count }: FloodConnectArgs): Promise<FloodConnectResult> => {
  const started = performance.now();
  let refused = 0;
  let failed = 0;
  let firstError: string | null = null;
  for (let i = 0; i < count; i += 1) {
    try {
      sockets.push(await openSocket(url, { token }));
    } catch (error) {
      const message = (error as Error).message;
      if (message === TOO_MANY_CONNECTIONS) refused += 1;
      else {
        failed += 1;
        firstError ??= message;
      }
    }
  }
  return {
    connected: sockets.filter((s) => s.connected).length,
    refused,
    failed,
    firstError,
    ms: performance.now() - started,
  };
};

/**
 * Every connected socket sends as fast as the server answers: `inFlightPerSocket`
 * events at once, the next one as each answer comes back, alternating
 * `send_message` and `typing_start`, until the duration or the count runs out.
 */
const flood = async (args: FloodArgs): Promise<FloodResult> => {
  const { receiverId, conversationId, durationMs, maxEvents, inFlightPerSocket, drainMs } = args;
  const live = sockets.filter((s) => s.connected);
  if (live.length === 0) throw new Error('no socket connected');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const sendUntil = started + durationMs;
  let sent = 0;
  let lastSentAt = started;
  let accepted = 0;
  let rateLimited = 0;
  let inFlight = 0;
  let disconnected = 0;
  const otherRefusals: Record<string, number> = {};

  const sending = (): boolean => sent < maxEvents && performance.now() < sendUntil;

  const pump = (socket: Socket, state: { inFlight: number; k: number }): void => {
    while (state.inFlight < inFlightPerSocket && socket.connected && sending()) {
      state.inFlight += 1;
      inFlight += 1;
      sent += 1;
      state.k += 1;
      lastSentAt = performance.now();
      const onAck = (response: AckResponse): void => {
        state.inFlight -= 1;
        inFlight -= 1;
        if (response?.ok) accepted += 1;
        else if (response?.error?.code === 'RATE_LIMITED') rateLimited += 1;
        else {
          const code = response?.error?.code ?? 'no code';
          otherRefusals[code] = (otherRefusals[code] ?? 0) + 1;
        }
        pump(socket, state);
      };
      if (state.k % 2 === 1) socket.emit('send_message', { receiverId, content: `flood ${sent}` }, onAck);
      else socket.emit('typing_start', { conversationId }, onAck);
    }
  };

  const states = live.map((socket) => {
    const state = { inFlight: 0, k: 0 };
    // Answers to a dropped socket never come: stop waiting for them.
    const onDisconnect = (): void => {
      disconnected += 1;
      inFlight -= state.inFlight;
      state.inFlight = 0;
    };
    socket.once('disconnect', onDisconnect);
    return { socket, state, onDisconnect };
  });
  for (const { socket, state } of states) pump(socket, state);

  while (true) {
    const now = performance.now();
    if (inFlight <= 0 && (!sending() || live.every((s) => !s.connected))) break;
    if (now >= sendUntil + drainMs) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const wallMs = performance.now() - started;
  for (const { socket, onDisconnect } of states) socket.off('disconnect', onDisconnect);
  const cpu = process.cpuUsage(cpuBefore);
  const answered = accepted + rateLimited + Object.values(otherRefusals).reduce((a, b) => a + b, 0);
  return {
    sockets: live.length,
    sent,
    accepted,
    rateLimited,
    otherRefusals,
    unanswered: sent - answered,
    disconnected,
    sendMs: lastSentAt - started,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
};

const close = () => {
  for (const socket of sockets) socket.disconnect();
  sockets = [];
};

serveCommands({ connect, flood, close, stop: close });
emitEvent('ready', { pid: process.pid });
