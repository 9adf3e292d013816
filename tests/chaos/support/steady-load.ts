import type { CarefulClient } from './careful-client.js';

export interface Sender {
  readonly client: CarefulClient;
  /** User ids it writes to, in turn. */
  readonly partners: readonly string[];
}

/** Each sender makes one message every `everyMs`, starting at a random offset; returns a stop function. */
export const startLoad = (senders: readonly Sender[], everyMs: number): (() => void) => {
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  for (const { client, partners } of senders) {
    let next = 0;
    const tick = (): void => {
      client.send(partners[next % partners.length]!);
      next += 1;
    };
    const offset = setTimeout(() => {
      if (stopped) return;
      tick();
      timers.push(setInterval(tick, everyMs));
    }, Math.random() * everyMs);
    timers.push(offset);
  }
  return () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
  };
};
