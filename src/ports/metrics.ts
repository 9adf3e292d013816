import type { MessageType } from '../domain/message.js';

export type CounterName =
  | 'auto_messages_planned'
  | 'auto_messages_queued'
  | 'auto_messages_sent'
  | 'auto_messages_retried'
  | 'auto_messages_dead_lettered'
  | 'messages_sent';

export interface Metrics {
  increment(name: CounterName, by?: number): void;
  /** A message reached its receiver: `seconds` from announcing it to the receiver's acknowledgement. */
  observeDelivery(messageType: MessageType, seconds: number): void;
  /** A client's socket event was answered: `outcome` is `ok`, or the error code it was refused with. */
  countSocketEvent(event: string, outcome: string): void;
}
