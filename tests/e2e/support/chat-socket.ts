import { io, type Socket } from 'socket.io-client';
import { expect, onTestFinished } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../src/ports/realtime-events.js';
import { eventually } from '../../support/eventually.js';
import { EventLog } from './event-log.js';
import type { E2eApp } from './start-e2e-app.js';

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestClient {
  readonly socket: ChatSocket;
  /** What the socket received since it was created. */
  readonly events: EventLog;
}

export type ConnectError = Error & { data?: { code?: string } };

/**
 * A socket that has not connected yet, closed when the current test ends.
 * No reconnection: a test decides itself when a client comes back.
 */
export const createSocket = (
  app: E2eApp,
  auth: Record<string, unknown> = {},
  extraHeaders: Record<string, string> = {},
): ChatSocket => {
  const socket: ChatSocket = io(app.url, {
    auth,
    extraHeaders,
    autoConnect: false,
    reconnection: false,
    forceNew: true,
    transports: ['websocket'],
    timeout: 3_000,
  });
  onTestFinished(() => {
    socket.disconnect();
  });
  return socket;
};

/**
 * Connects an authenticated socket (token in `auth.token`) with an event log
 * attached from the start. The test fails if any event it received, awaited
 * or not, breaks its documented shape.
 */
export const connectSocket = async (app: E2eApp, token: string): Promise<TestClient> => {
  const socket = createSocket(app, { token });
  const events = new EventLog(socket);
  onTestFinished(() => {
    const problems = events.problems();
    if (problems.length > 0) throw new Error(`socket payloads off their schema:\n${problems.join('\n')}`);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(new Error(`socket refused: ${error.message}`)));
    socket.connect();
  });
  return { socket, events };
};

/** Confirms every message the socket receives, as a real client does (the receiver's side of message_delivered). */
export const acknowledgeReceipts = (client: TestClient): void => {
  client.socket.on('message_received', (_payload, ack) => ack?.({ received: true }));
};

/** The `connect_error` a socket with this handshake gets; fails when it connects instead. */
export const refusedConnection = (
  app: E2eApp,
  auth: Record<string, unknown> = {},
  extraHeaders: Record<string, string> = {},
): Promise<ConnectError> => {
  const socket = createSocket(app, auth, extraHeaders);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, expected connect_error')));
    socket.once('connect_error', (error) => resolve(error as ConnectError));
    socket.connect();
  });
};

/** The Socket.IO connections the app holds now, from its own gauge. */
const openSockets = async (app: E2eApp): Promise<number> => {
  const gauge = app.app.metrics.registry.getSingleMetric('chat_socket_connections');
  return (await gauge?.get())?.values[0]?.value ?? 0;
};

/** Closes the socket and waits until the app has seen it go. */
export const closeSocket = async (app: E2eApp, client: TestClient): Promise<void> => {
  const before = await openSockets(app);
  client.socket.disconnect();
  await eventually(async () => expect(await openSockets(app)).toBeLessThanOrEqual(before - 1));
};
