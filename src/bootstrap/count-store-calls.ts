import { countedPort } from '../adapters/metrics/counted-port.js';
import type { RoundTripMeter } from '../ports/round-trip-meter.js';
import type { Infrastructure } from './infrastructure.js';

/** The embedded default's stores, each call counted in `meter` (`chat_store_port_calls_total`). */
export const countStoreCalls = (infrastructure: Infrastructure, meter: RoundTripMeter): Infrastructure => {
  const counted = <T extends object>(port: string, target: T): T => countedPort(port, target, meter);
  const { rateLimiters } = infrastructure;
  return {
    ...infrastructure,
    users: counted('users', infrastructure.users),
    sessions: counted('sessions', infrastructure.sessions),
    conversations: counted('conversations', infrastructure.conversations),
    messages: counted('messages', infrastructure.messages),
    changes: counted('changes', infrastructure.changes),
    reactions: counted('reactions', infrastructure.reactions),
    blocks: counted('blocks', infrastructure.blocks),
    autoMessages: counted('autoMessages', infrastructure.autoMessages),
    presence: counted('presence', infrastructure.presence),
    rateLimiters: (rule) => counted(`rateLimiters.${rule.name}`, rateLimiters(rule)),
    sessionRevocations: counted('sessionRevocations', infrastructure.sessionRevocations),
  };
};
