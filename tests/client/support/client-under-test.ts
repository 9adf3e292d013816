import { randomBytes } from 'node:crypto';
import { afterAll, expect } from 'vitest';
import { ChatClient, type ChatClientOptions, type ChatMessage } from '../../../client/src/index.js';
import { storedHistory } from '../../chaos/support/stored-history.js';
import type { WireMessage } from '../../chaos/support/wire-message.js';
import { uniqueName } from '../../e2e/support/register-user.js';
import { eventually } from '../../support/eventually.js';

/** A ChatClient with everything a test asserts on recorded. */
export interface ClientUnderTest {
  readonly client: ChatClient;
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly baseUrl: string;
  /** How often each message key came as `message` (the first sight): 1 each, always. */
  readonly firstSights: Map<string, number>;
  /** Every `message` event, in order. */
  readonly seen: ChatMessage[];
  readonly counts: { online: number; endedSessions: number; recovered: number };
  /** The refresh tokens this client presented, in order. */
  readonly refreshTokensSent: string[];
  /** Send requests over REST that got no answer. */
  readonly failedRestSends: { count: number };
}

export const watchClient = (
  baseUrl: string,
  options: Partial<ChatClientOptions> = {},
): Omit<ClientUnderTest, 'id' | 'email' | 'password'> => {
  const refreshTokensSent: string[] = [];
  const failedRestSends = { count: 0 };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    if (path === '/api/auth/refresh') refreshTokensSent.push(JSON.parse(String(init?.body)).refreshToken);
    try {
      return await globalThis.fetch(input, init);
    } catch (error) {
      if (path === '/api/messages/send') failedRestSends.count += 1;
      throw error;
    }
  };
  const client = new ChatClient({ baseUrl, fetch, ...options });
  const firstSights = new Map<string, number>();
  const seen: ChatMessage[] = [];
  const counts = { online: 0, endedSessions: 0, recovered: 0 };
  client.on('message', (m) => {
    firstSights.set(m.key, (firstSights.get(m.key) ?? 0) + 1);
    seen.push(m);
  });
  client.on('connection', (state) => {
    if (state === 'online') counts.online += 1;
  });
  client.on('session_ended', () => (counts.endedSessions += 1));
  client.on('recovered', () => (counts.recovered += 1));
  return { client, baseUrl, firstSights, seen, counts, refreshTokensSent, failedRestSends };
};

/** Registers a new user through a ChatClient and waits until its socket is online. */
export const connectNewUser = async (
  baseUrl: string,
  name: string,
  options: Partial<ChatClientOptions> = {},
): Promise<ClientUnderTest> => {
  const watched = watchClient(baseUrl, options);
  const username = uniqueName(name);
  const email = `${username.toLowerCase()}@example.com`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const user = await watched.client.register({ username, email, password });
  await eventually(async () => expect(watched.client.connectionState).toBe('online'), 20_000);
  return { ...watched, id: user.id, email, password };
};

/** For one test file: `connect` (as connectNewUser) and `keep` hold clients that are closed after its tests. */
export const clientsClosedAfterAll = () => {
  const clients: Array<Pick<ClientUnderTest, 'client'>> = [];
  afterAll(() => {
    for (const { client } of clients) client.close();
  });
  const keep = <T extends Pick<ClientUnderTest, 'client'>>(cut: T): T => {
    clients.push(cut);
    return cut;
  };
  const connect = async (...args: Parameters<typeof connectNewUser>) => keep(await connectNewUser(...args));
  return { connect, keep };
};

/** An access token of the user's own, from a REST login. */
export const loginToken = async (baseUrl: string, user: Pick<ClientUnderTest, 'email' | 'password'>) => {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  return ((await response.json()) as { data: { accessToken: string } }).data.accessToken;
};

/** The conversation's history as the server stores it, read over REST with a login of its own. */
export const serverHistory = async (
  baseUrl: string,
  user: Pick<ClientUnderTest, 'email' | 'password'>,
  conversationId: string,
): Promise<WireMessage[]> => storedHistory(baseUrl, await loginToken(baseUrl, user), conversationId);

const positions = (messages: ReadonlyArray<{ id: string; seq: number }>) => messages.map((m) => `${m.seq}:${m.id}`);

/** The client holds exactly the server's history of the conversation: no gap, no repeat, nothing pending. */
export const expectSameAsServer = async (
  cut: ClientUnderTest,
  conversationId: string,
  timeoutMs = 15_000,
): Promise<void> => {
  const history = await serverHistory(cut.baseUrl, cut, conversationId);
  await eventually(
    async () => expect(positions(cut.client.messages(conversationId))).toEqual(positions(history)),
    timeoutMs,
  );
};

/** Every message key was announced as new exactly once. */
export const expectEachSeenOnce = (cut: ClientUnderTest): void => {
  expect([...cut.firstSights].filter(([, n]) => n !== 1)).toEqual([]);
  const ids = cut.seen.filter((m) => m.id !== '').map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
};
