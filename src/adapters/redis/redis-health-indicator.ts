import type { HealthIndicator } from '../../ports/health-indicator.js';
import type { RedisConnection } from './redis-connection.js';
import { withTimeout } from './with-timeout.js';

/** Ready when Redis answers PING within `timeoutMs`. */
export class RedisHealthIndicator implements HealthIndicator {
  readonly name = 'redis';

  constructor(
    private readonly redis: RedisConnection,
    private readonly timeoutMs = 1_000,
  ) {}

  async check(): Promise<void> {
    if (!this.redis.client.isReady) throw new Error('redis is not connected');
    const reply = await withTimeout(this.timeoutMs, 'PING', this.redis.client.ping());
    if (reply !== 'PONG') throw new Error(`redis answered PING with ${String(reply)}`);
  }
}
