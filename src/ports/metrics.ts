export type CounterName =
  | 'auto_messages_planned'
  | 'auto_messages_queued'
  | 'auto_messages_sent'
  | 'auto_messages_retried'
  | 'auto_messages_dead_lettered'
  | 'messages_sent';

export interface Metrics {
  increment(name: CounterName, by?: number): void;
}
