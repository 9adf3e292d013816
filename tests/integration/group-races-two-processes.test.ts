import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess } from '../chaos/support/app-process.js';
import { appProcessEnv, registerChaosUser, type ChaosUser } from '../chaos/support/chaos-cluster.js';
import { restCall } from '../chaos/support/rest-call.js';
import { freePort } from '../support/services/free-port.js';
import { useService } from '../support/services/use-service.js';

const mongo = useService('mongo');
const redis = useService('redis');
const rabbitmq = useService('rabbitmq');
const skip = mongo.skip || redis.skip || rabbitmq.skip;

const ROUNDS = 6;
const RACE_TIMEOUT_MS = 180_000;

interface Summary {
  readonly id: string;
  readonly participants: string[];
}

/*
 * Two app processes on one MongoDB, Redis and RabbitMQ, driven over HTTP: the
 * same direct conversation asked for on both at once, and the same member
 * added on both at once. Whatever each process read before writing, there is
 * one conversation per pair and one membership per member, and exactly one of
 * the two answers says it added the member.
 */
describe.skipIf(skip)('groups and direct conversations raced across two app processes', () => {
  const id = randomBytes(4).toString('hex');
  const database = `races2p_${id}`;
  let apps: [AppProcess, AppProcess];

  beforeAll(async () => {
    const env = appProcessEnv(
      { mongo: mongo.url!, redis: redis.url!, rabbitmq: rabbitmq.url! },
      { MONGODB_DB: database, REDIS_KEY_PREFIX: `races2p:${id}:`, RABBITMQ_QUEUE: `races2p.${id}` },
    );
    // One environment for both: the same JWT secret, so a token from one process is good on the other.
    apps = [new AppProcess('A', await freePort(), env), new AppProcess('B', await freePort(), env)];
    await Promise.all(apps.map((app) => app.start(120_000)));
  }, 180_000);

  afterAll(async () => {
    await Promise.all((apps ?? []).map((app) => app.kill()));
    if (!mongo.url) return;
    const client = await MongoClient.connect(mongo.url);
    await client
      .db(database)
      .dropDatabase()
      .finally(() => client.close());
  }, 60_000);

  const call = async (app: AppProcess, user: ChaosUser, method: string, path: string, body?: unknown) => {
    const reply = await restCall(app.url, method, path, { token: user.token, body, timeoutMs: 30_000 });
    return { status: reply.status, data: reply.body?.data, text: JSON.stringify(reply.body) };
  };

  /** The answer's status, with its body in the failure message. */
  const expectStatus = (answer: { status: number; text: string }, status: number, what: string): void => {
    expect(answer.status, `${what}: ${answer.text}`).toBe(status);
  };

  /** The user's conversation list as each process answers it. */
  const listsOf = (user: ChaosUser): Promise<Summary[][]> =>
    Promise.all(
      apps.map(async (app) => {
        const answer = await call(app, user, 'GET', '/api/conversations?limit=50');
        expectStatus(answer, 200, `${app.name}: conversations of ${user.name}`);
        return answer.data.conversations as Summary[];
      }),
    );

  /** Two fresh users, the first registered on A and the second on B, each with no conversation on either process. */
  const freshPair = async (round: number): Promise<[ChaosUser, ChaosUser]> => {
    const pair = await Promise.all([
      registerChaosUser(apps[0].url, `alice${round}`),
      registerChaosUser(apps[1].url, `bob${round}`),
    ]);
    // Also opens a connection to each process, so the racing requests below leave at the same moment.
    for (const user of pair) expect(await listsOf(user)).toEqual([[], []]);
    return pair;
  };

  /** Each user's list on each process names exactly the one conversation. */
  const expectOnlyConversation = async (users: readonly ChaosUser[], conversationId: string): Promise<void> => {
    for (const user of users) {
      for (const list of await listsOf(user)) expect(list.map((c) => c.id)).toEqual([conversationId]);
    }
  };

  const expectNoCrash = (): void => {
    expect(apps.flatMap((app) => app.crashes)).toEqual([]);
  };

  it(
    'leaves one direct conversation when each of a pair asks for it on another process at once',
    async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const [alice, bob] = await freshPair(round);
        const answers = await Promise.all([
          call(apps[0], alice, 'POST', '/api/conversations', { participantIds: [bob.id] }),
          call(apps[1], bob, 'POST', '/api/conversations', { participantIds: [alice.id] }),
        ]);
        answers.forEach((answer, i) => expectStatus(answer, 200, `round ${round}, ${apps[i]!.name}`));

        const ids = answers.map((answer) => answer.data.conversation.id as string);
        expect(new Set(ids).size, `round ${round}: ${ids.join(' ≠ ')}`).toBe(1);
        expect([...answers[0]!.data.conversation.participants].sort()).toEqual([alice.id, bob.id].sort());
        await expectOnlyConversation([alice, bob], ids[0]!);
      }
      expectNoCrash();
    },
    RACE_TIMEOUT_MS,
  );

  it(
    'puts both first messages of a pair, sent on two processes at once, in one conversation',
    async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const [alice, bob] = await freshPair(ROUNDS + round);
        const answers = await Promise.all([
          call(apps[0], alice, 'POST', '/api/messages/send', { receiverId: bob.id, content: `hi bob ${round}` }),
          call(apps[1], bob, 'POST', '/api/messages/send', { receiverId: alice.id, content: `hi alice ${round}` }),
        ]);
        answers.forEach((answer, i) => expectStatus(answer, 201, `round ${round}, ${apps[i]!.name}`));

        const ids = answers.flatMap((answer) => [
          answer.data.conversation.id as string,
          answer.data.message.conversationId as string,
        ]);
        expect(new Set(ids).size, `round ${round}: ${ids.join(', ')}`).toBe(1);
        await expectOnlyConversation([alice, bob], ids[0]!);
        const history = await call(apps[round % 2]!, alice, 'GET', `/api/conversations/${ids[0]}/messages`);
        expectStatus(history, 200, `round ${round}: history`);
        expect(history.data.messages.map((m: { content: string }) => m.content).sort()).toEqual(
          [`hi alice ${round}`, `hi bob ${round}`].sort(),
        );
      }
      expectNoCrash();
    },
    RACE_TIMEOUT_MS,
  );

  it(
    'leaves one membership, and one answer saying it added the member, when the owner adds them on both at once',
    async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const [owner, amy, zack, dave] = await Promise.all(
          ['owner', 'amy', 'zack', 'dave'].map((name, i) => registerChaosUser(apps[i % 2]!.url, `${name}${round}`)),
        );
        const created = await call(apps[round % 2]!, owner!, 'POST', '/api/conversations', {
          participantIds: [amy!.id, zack!.id],
          title: `race ${round}`,
        });
        expectStatus(created, 201, `round ${round}: create group`);
        const groupId = created.data.conversation.id as string;
        const path = `/api/conversations/${groupId}/members`;
        // Both processes must already know the group (and have a connection open) before the race.
        for (const app of apps) {
          expectStatus(await call(app, owner!, 'GET', `/api/conversations/${groupId}`), 200, `${app.name} group`);
        }

        const answers = await Promise.all(apps.map((app) => call(app, owner!, 'POST', path, { userIds: [dave!.id] })));
        answers.forEach((answer, i) => expectStatus(answer, 200, `round ${round}, ${apps[i]!.name}`));
        const added = answers.map((answer) => answer.data.added as string[]);
        expect(
          [...added].sort((x, y) => x.length - y.length),
          `round ${round}`,
        ).toEqual([[], [dave!.id]]);

        const expected = [owner!.id, amy!.id, zack!.id, dave!.id].sort();
        for (const app of apps) {
          const seen = await call(app, owner!, 'GET', `/api/conversations/${groupId}`);
          expectStatus(seen, 200, `round ${round}: ${app.name} details`);
          expect([...seen.data.conversation.participants].sort(), `round ${round}, ${app.name}`).toEqual(expected);
        }
        for (const list of await listsOf(dave!)) expect(list.map((c) => c.id)).toEqual([groupId]);
      }
      expectNoCrash();
    },
    RACE_TIMEOUT_MS,
  );
});
