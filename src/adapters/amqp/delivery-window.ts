import type { Channel, ConsumeMessage } from 'amqplib';
import type { Logger } from '../../ports/logger.js';

export interface Delivery {
  readonly channel: Channel;
  readonly message: ConsumeMessage;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The deliveries of one consumer: at most `limit` handled at once, each settled on the channel that delivered
 * it. More than `limit` arrive only after a reconnect, while handlers from the old channel still run; those
 * wait here. A delivery from a channel that has closed is already back in the queue, so it is neither started
 * nor settled.
 */
export class DeliveryWindow {
  private readonly openChannels = new WeakSet<Channel>();
  private readonly waiting: Delivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly limit: number,
    private readonly handle: (delivery: Delivery) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  /** Deliveries of `channel` count as open until it closes. */
  track(channel: Channel): void {
    this.openChannels.add(channel);
    channel.once('close', () => this.openChannels.delete(channel));
  }

  isOpen(channel: Channel): boolean {
    return this.openChannels.has(channel);
  }

  offer(delivery: Delivery): void {
    if (this.closed) this.settle(delivery, 'requeue');
    else if (this.inFlight.size >= this.limit) this.waiting.push(delivery);
    else this.start(delivery);
  }

  settle({ channel, message }: Delivery, outcome: 'ack' | 'requeue'): void {
    // Acking on a newer channel would be a protocol error; a closed channel already returned the message.
    if (!this.isOpen(channel)) return;
    try {
      if (outcome === 'ack') channel.ack(message);
      else channel.nack(message, false, true);
    } catch (error) {
      this.logger.warn('could not settle a delivery; the broker will redeliver it', { reason: reasonOf(error) });
    }
  }

  /** From now on a delivery goes back to the broker at once, and no waiting one starts. */
  close(): void {
    this.closed = true;
  }

  /** Puts the waiting deliveries back and resolves once every running handler has finished. */
  async drain(): Promise<void> {
    for (const delivery of this.waiting.splice(0)) this.settle(delivery, 'requeue');
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private start(delivery: Delivery): void {
    const running = this.handle(delivery).finally(() => {
      this.inFlight.delete(running);
      this.startWaiting();
    });
    this.inFlight.add(running);
  }

  private startWaiting(): void {
    while (!this.closed && this.inFlight.size < this.limit) {
      const delivery = this.waiting.shift();
      if (!delivery) return;
      if (this.isOpen(delivery.channel)) this.start(delivery);
    }
  }
}
