import type { HealthIndicator } from '../../ports/health-indicator.js';

/** What the indicator watches: the AMQP message queue's connection. */
export interface AmqpConnectionState {
  isConnected(): boolean;
}

/** Ready while the broker connection is up; the connection manager reconnects by itself after an outage. */
export class AmqpHealthIndicator implements HealthIndicator {
  constructor(
    private readonly connection: AmqpConnectionState,
    readonly name = 'rabbitmq',
  ) {}

  async check(): Promise<void> {
    if (!this.connection.isConnected()) throw new Error('RabbitMQ connection is down');
  }
}
