import { randomUUID } from 'node:crypto';
import { afterEach, describe } from 'vitest';
import { RedisSessionRevocations } from '../../src/adapters/redis/redis-session-revocations.js';
import {
  connectSocketIoRedisFanOut,
  type SocketIoRedisFanOut,
} from '../../src/adapters/redis/socket-io-redis-fan-out.js';
import { RecordingLogger } from '../support/recording-logger.js';
import { useService } from '../support/services/use-service.js';
import { describeSessionRevocationsContract } from './session-revocations-contract.js';

const redis = useService('redis');
const opened: SocketIoRedisFanOut[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((fanOut) => fanOut.close()));
});

describe.skipIf(redis.skip)('RedisSessionRevocations', () => {
  // Two processes: each its own fan-out connections, one key prefix.
  describeSessionRevocationsContract('redis, two processes', async (keepMs) => {
    const prefix = `test:${randomUUID()}:`;
    const logger = new RecordingLogger();
    const fanOuts = await Promise.all([1, 2].map(() => connectSocketIoRedisFanOut(redis.url!, prefix, logger)));
    opened.push(...fanOuts);
    const [a, b] = await Promise.all(
      fanOuts.map((fanOut) => RedisSessionRevocations.connect(fanOut.bus, keepMs, logger)),
    );
    return [a!, b!];
  });
});
