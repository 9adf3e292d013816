import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MongoClient } from 'mongodb';
import { MongoAutoMessageRepository } from '../../src/adapters/mongo/mongo-auto-message-repository.js';
import { connectMongo, createMongoClient } from '../../src/adapters/mongo/mongo-connection.js';
import { MongoConversationRepository } from '../../src/adapters/mongo/mongo-conversation-repository.js';
import { RebuildableMongoDatabase } from '../../src/adapters/mongo/mongo-database.js';
import { MongoHealthIndicator } from '../../src/adapters/mongo/mongo-health-indicator.js';
import { ensureIndexes } from '../../src/adapters/mongo/mongo-indexes.js';
import { MongoMessageRepository } from '../../src/adapters/mongo/mongo-message-repository.js';
import { MongoSessionRepository } from '../../src/adapters/mongo/mongo-session-repository.js';
import { MongoUserRepository } from '../../src/adapters/mongo/mongo-user-repository.js';
import { MongoWatchdog } from '../../src/adapters/mongo/mongo-watchdog.js';
import { startApp, type RunningApp } from '../../src/bootstrap/app.js';
import type { User } from '../../src/domain/user.js';
import { idSequence, T0 } from '../contract/contract-ids.js';
import { testConfig } from '../support/build-core.js';
import { eventually } from '../support/eventually.js';
import { RecordingLogger } from '../support/recording-logger.js';
import { mongoLauncher } from '../support/services/mongo.js';
import type { LocalServer } from '../support/services/service-launcher.js';

const unavailable = await mongoLauncher.unavailableReason();
if (unavailable && process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${unavailable}`);
if (unavailable) console.warn(`[skipped] mongo restart: ${unavailable}`);

const STALL_MS = 1_500;
const RECOVERY_MS = 30_000;

interface DriverMonitor {
  s: { state: string };
  connection: { closed: boolean; socket: { destroy(): void; listenerCount(event: string): number } } | null;
  monitorId?: { toJSON(): { timeSinceLastCall: number } };
  requestCheck(): void;
}

const monitorOf = (client: MongoClient): DriverMonitor => {
  const servers = (client as unknown as { topology?: { s?: { servers?: Map<string, { monitor?: DriverMonitor }> } } })
    .topology?.s?.servers;
  const monitor = servers ? [...servers.values()][0]?.monitor : undefined;
  if (!monitor) throw new Error('the driver internals this test relies on changed: no server monitor found');
  return monitor;
};

/**
 * Forces the race the driver loses when the server goes away: a heartbeat
 * starts on the monitor's connection after its socket was destroyed (the
 * server closed it) but before the socket's 'close' event reached the
 * driver. The heartbeat's write then waits for a 'drain' that never comes,
 * and the monitor never checks the server again.
 */
const wedgeMonitor = async (client: MongoClient): Promise<void> => {
  await eventually(async () => {
    const monitor = monitorOf(client);
    expect(monitor.s.state).toBe('idle');
    expect(monitor.connection?.closed).toBe(false);
    // Past minHeartbeatFrequencyMS, so requestCheck runs the heartbeat at once.
    expect(monitor.monitorId?.toJSON().timeSinceLastCall).toBeGreaterThan(600);
  });
  const monitor = monitorOf(client);
  const socket = monitor.connection!.socket;
  socket.destroy();
  monitor.requestCheck();
  await eventually(async () => expect(monitor.connection?.closed).toBe(true));
  expect(monitor.s.state).toBe('monitoring');
  expect(socket.listenerCount('drain')).toBe(1);
};

// One dedicated server: stopping the shared one would break suites running beside this one.
describe.skipIf(unavailable !== null)('MongoDB stopped and started again', () => {
  const nextId = idSequence();
  let server: LocalServer;
  let database: RebuildableMongoDatabase;
  let logger: RecordingLogger;
  let watchdog: MongoWatchdog;
  let users: MongoUserRepository;
  let sessions: MongoSessionRepository;
  let conversations: MongoConversationRepository;
  let messages: MongoMessageRepository;
  let autoMessages: MongoAutoMessageRepository;
  let health: MongoHealthIndicator;

  const aUser = (): User => {
    const id = nextId();
    return {
      id,
      username: `u${id}`,
      usernameLower: `u${id}`,
      email: `u${id}@example.com`,
      passwordHash: 'hash',
      isActive: true,
      lastSeen: null,
      createdAt: new Date(T0),
      updatedAt: new Date(T0),
    };
  };

  /** Every repository reads and writes through whatever client the database has now. */
  const repositoriesWork = async (): Promise<void> => {
    const user = aUser();
    expect(await users.insert(user)).toEqual(user);
    expect(await users.findById(user.id)).toEqual(user);
    const other = nextId();
    const conversation = await conversations.findOrCreate(user.id, other, nextId(), new Date(T0));
    expect(await conversations.findByParticipants(other, user.id)).toEqual(conversation);
    const tokenHash = `hash-${nextId()}`;
    await sessions.insert({
      id: nextId(),
      userId: user.id,
      familyId: nextId(),
      tokenHash,
      createdAt: new Date(T0),
      expiresAt: new Date(T0.getTime() + 3_600_000),
      rotatedAt: null,
      revokedAt: null,
    });
    expect((await sessions.claimForRotation(tokenHash, new Date(T0)))?.tokenHash).toBe(tokenHash);
    expect(await messages.findById(nextId())).toBeNull();
    expect((await autoMessages.countByStatus()).sent).toBe(0);
    await health.check();
  };

  /**
   * Repository calls back to back, as a busy process makes them, until the
   * returned stop is called: calls are in flight when the server closes its
   * connections.
   */
  const underLoad = (): (() => Promise<void>) => {
    let running = true;
    const workers = Array.from({ length: 4 }, async () => {
      while (running) {
        const answered = await users.findById(nextId()).then(
          () => true,
          () => false,
        );
        await new Promise((resolve) => (answered ? setImmediate(resolve) : setTimeout(resolve, 20)));
      }
    });
    return async () => {
      running = false;
      await Promise.all(workers);
    };
  };

  beforeAll(async () => {
    server = await mongoLauncher.launch();
    const { client } = await connectMongo(server.url);
    database = new RebuildableMongoDatabase(() => createMongoClient(server.url), 'fault_restart', client);
    await ensureIndexes(database);
    logger = new RecordingLogger();
    watchdog = new MongoWatchdog(
      { probe: async () => void (await database.command({ ping: 1 })), rebuild: () => database.rebuild(), logger },
      { stallTimeoutMs: STALL_MS },
    );
    watchdog.start();
    users = new MongoUserRepository(database);
    sessions = new MongoSessionRepository(database);
    conversations = new MongoConversationRepository(database);
    messages = new MongoMessageRepository(database);
    autoMessages = new MongoAutoMessageRepository(database);
    health = new MongoHealthIndicator(database, 1_000);
  });

  afterEach(async () => {
    await server?.start();
  });

  afterAll(async () => {
    await watchdog?.stop();
    await database?.close();
    await server?.stop();
  });

  it('works while the server is up', async () => {
    await repositoriesWork();
    expect(watchdog.isLive()).toBe(true);
  });

  it('works again after a restart under load', { timeout: 60_000 }, async () => {
    const stopLoad = underLoad();
    await server.stop();
    await server.start();
    await eventually(repositoriesWork, RECOVERY_MS, 200);
    await stopLoad();
    await eventually(async () => expect(watchdog.isLive()).toBe(true), RECOVERY_MS);
  });

  it('rebuilds a client the driver wedged, and the repositories work again', { timeout: 120_000 }, async () => {
    await repositoriesWork();
    const wedged = database.client;
    let unknown = false;
    wedged.on('serverDescriptionChanged', (event) => {
      if (event.newDescription.type === 'Unknown') unknown = true;
    });
    await wedgeMonitor(wedged);
    const rebuildsBefore = logger.lines.filter((line) => line.level === 'warn').length;

    // Stuck for good once a call in flight fails on a closed connection and marks the server Unknown.
    for (let restarts = 0; restarts < 5 && !unknown; restarts += 1) {
      const stopLoad = underLoad();
      await server.stop();
      await server.start();
      await stopLoad();
    }
    expect(unknown).toBe(true);
    await eventually(repositoriesWork, RECOVERY_MS, 200);

    expect(database.client).not.toBe(wedged);
    expect(logger.lines.filter((line) => line.level === 'warn').length).toBeGreaterThan(rebuildsBefore);
    expect(logger.lines.find((line) => line.level === 'warn')).toMatchObject({
      message: 'mongodb answered nothing: rebuilding its client',
    });
  });

  it(
    'is not live while even a rebuilt client gets no answer, and live and working again once it does',
    {
      timeout: 60_000,
    },
    async () => {
      await server.stop();
      await eventually(async () => expect(watchdog.isLive()).toBe(false), RECOVERY_MS);
      expect(logger.lines.some((line) => line.level === 'error' && /not live/.test(line.message))).toBe(true);
      await expect(health.check()).rejects.toThrow();

      await server.start();
      await eventually(async () => expect(watchdog.isLive()).toBe(true), RECOVERY_MS);
      await eventually(repositoriesWork, RECOVERY_MS, 200);
      expect(JSON.stringify(logger.lines)).not.toMatch(/mongodb:\/\//);
    },
  );
});

describe.skipIf(unavailable !== null)('the app while MongoDB is away for longer than two stall windows', () => {
  let server: LocalServer;
  let app: RunningApp;
  const appLogger = new RecordingLogger();

  const status = async (path: string) => (await fetch(`${app.url}${path}`)).status;

  beforeAll(async () => {
    server = await mongoLauncher.launch();
    app = await startApp(
      testConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        ROLES: 'api',
        MONGODB_URI: server.url,
        MONGODB_DB: 'fault_liveness',
        MONGODB_STALL_TIMEOUT_MS: '1000',
      }),
      { logger: appLogger },
    );
  }, 120_000);

  afterAll(async () => {
    await server?.start();
    await app?.stop();
    await server?.stop();
  });

  it('answers 503 on /health/live until MongoDB answers again, then serves requests', { timeout: 90_000 }, async () => {
    expect(await status('/health/live')).toBe(200);
    await server.stop();
    await eventually(async () => expect(await status('/health/live')).toBe(503), RECOVERY_MS);
    expect(await status('/health/ready')).toBe(503);
    expect(appLogger.lines).toContainEqual(
      expect.objectContaining({ level: 'error', service: 'mongodb', url: server.url.split('/?')[0] }),
    );

    await server.start();
    await eventually(async () => expect(await status('/health/live')).toBe(200), RECOVERY_MS);
    await eventually(async () => expect(await status('/health/ready')).toBe(200), RECOVERY_MS);
    const registered = await fetch(`${app.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'back_again', email: 'back@example.com', password: 'password123' }),
    });
    expect(registered.status).toBe(201);
  });
});
