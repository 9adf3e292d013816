import type { Socket } from 'socket.io-client';
import { openSocket, openSockets } from '../load/open-sockets.js';
import { getJson, logIn, postJson, registerUsers } from '../lib/api-client.js';
import { countedWindow, idleRates, settledCounters, type CountedWindow } from '../lib/counted-window.js';
import { startAppServer } from '../lib/servers.js';
import type { Target } from '../lib/targets.js';

export interface RoundTripSettings {
  /** Times each operation runs. */
  readonly operations: number;
  /** Sender/receiver pairs the sends and history pages cycle through. */
  readonly pairs: number;
  /** How long the idle app is watched for background round trips first. */
  readonly idleMs: number;
  /** Longest wait for the counters to stop moving after a batch. */
  readonly settleTimeoutMs: number;
}

export const OPERATIONS = ['restSend', 'socketSend', 'history', 'socketConnect', 'login'] as const;
export type OperationId = (typeof OPERATIONS)[number];

export interface RoundTripRun {
  readonly system: Target['id'];
  readonly label: string;
  /** Background round trips per second of the idle app, by series (taken off each operation's count). */
  readonly idlePerSecond: Record<string, number>;
  readonly operations: Partial<Record<OperationId, CountedWindow>>;
}

/** One api process, no presence heartbeat within the run: only the operations move the counters. */
const QUIET_APP_ENV: Record<string, string> = {
  ROLES: 'api',
  PRESENCE_HEARTBEAT_MS: '600000',
  SOCKET_EVENTS_PER_USER: '1000000',
};

/** Runs `count` calls of `work` one after another: two sends racing for a position in one conversation would add retries. */
const inTurn = async (count: number, work: (i: number) => Promise<unknown>): Promise<void> => {
  for (let i = 0; i < count; i += 1) await work(i);
};

const sendOverSocket = (socket: Socket, receiverId: string, content: string): Promise<void> =>
  new Promise((resolve, reject) => {
    socket
      .timeout(30_000)
      .emit('send_message', { receiverId, content }, (error: Error | null, ack?: { ok?: boolean; error?: unknown }) => {
        if (error) reject(error);
        else if (!ack?.ok) reject(new Error(`send_message refused: ${JSON.stringify(ack?.error)}`));
        else resolve();
      });
  });

/**
 * Round trips per operation: on an otherwise idle app, each operation runs
 * `operations` times, one after another, and the app's own counters (MongoDB commands, Redis
 * round trips, in-memory store calls) say what it cost. Sends go to a
 * conversation that exists, to a receiver with no socket open; a connect is
 * the user's first socket, counted until the work it sets off is done.
 */
export const runRoundTrips = async (
  target: Target,
  settings: RoundTripSettings,
  log: (line: string) => void,
): Promise<RoundTripRun> => {
  const { operations: runs, settleTimeoutMs } = settings;
  const server = await startAppServer(target, 'rtt', QUIET_APP_ENV);
  const url = server.url;
  const sockets: Socket[] = [];
  try {
    const people = await registerUsers(url, 2 * settings.pairs, 'rtt');
    const joiners = await registerUsers(url, runs, 'rttjoin');
    const pairs = Array.from({ length: settings.pairs }, (_, i) => ({
      sender: people[2 * i]!,
      receiver: people[2 * i + 1]!,
    }));
    const pair = (i: number) => pairs[i % pairs.length]!;
    const conversationIds = await Promise.all(
      pairs.map(async ({ sender, receiver }) => {
        const sent = await postJson<{ conversation: { id: string } }>(
          `${url}/api/messages/send`,
          { receiverId: receiver.id, content: 'the first message' },
          sender.accessToken,
        );
        return sent.conversation.id;
      }),
    );
    const idle = await idleRates(url, settings.idleMs);
    const operations: RoundTripRun['operations'] = {};
    const count = async (operation: OperationId, work: (i: number) => Promise<unknown>) => {
      const window = await countedWindow({ baseUrl: url, runs, idle, settleTimeoutMs }, () => inTurn(runs, work));
      operations[operation] = window;
      const { mongo, redis, store } = window.perRun;
      log(
        `    ${operation}: per operation ${mongo} MongoDB commands, ${redis} Redis round trips, ${store} store calls ` +
          `(${runs} in ${(window.ms / 1000).toFixed(1)} s)`,
      );
    };

    await count('login', (i) => logIn(url, people[i % people.length]!.email));
    await count('restSend', (i) =>
      postJson(
        `${url}/api/messages/send`,
        { receiverId: pair(i).receiver.id, content: `rest ${i}` },
        pair(i).sender.accessToken,
      ),
    );
    await count('history', (i) =>
      getJson(
        `${url}/api/conversations/${conversationIds[i % pairs.length]}/messages?limit=50`,
        pair(i).sender.accessToken,
      ),
    );
    const senders = await openSockets(
      url,
      pairs.map(({ sender }) => ({ token: sender.accessToken })),
      4,
    );
    sockets.push(...senders);
    await settledCounters(url, settleTimeoutMs);
    await count('socketSend', (i) => sendOverSocket(senders[i % senders.length]!, pair(i).receiver.id, `socket ${i}`));
    await count('socketConnect', async (i) => {
      sockets.push(await openSocket(url, { token: joiners[i]!.accessToken }));
    });
    return {
      system: target.id,
      label: target.label,
      idlePerSecond: Object.fromEntries([...idle].map(([series, rate]) => [series, Math.round(rate * 1000) / 1000])),
      operations,
    };
  } finally {
    for (const socket of sockets) socket.close();
    await server.child.stop();
  }
};
