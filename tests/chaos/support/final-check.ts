import type { CarefulClient } from './careful-client.js';
import type { ChaosUser } from './chaos-cluster.js';
import { listConversationIds, storedHistory } from './stored-history.js';
import type { WireMessage } from './wire-message.js';

/** What the servers hold at the end, read back over REST. */
export interface StoredWorld {
  readonly histories: ReadonlyMap<string, readonly WireMessage[]>;
  readonly conversationsOf: ReadonlyMap<string, readonly string[]>;
}

export const readStoredWorld = async (url: string, users: readonly ChaosUser[]): Promise<StoredWorld> => {
  const histories = new Map<string, WireMessage[]>();
  const conversationsOf = new Map<string, string[]>();
  for (const user of users) {
    const ids = await listConversationIds(url, user.token);
    conversationsOf.set(user.id, ids);
    for (const id of ids) if (!histories.has(id)) histories.set(id, await storedHistory(url, user.token, id));
  }
  return { histories, conversationsOf };
};

/** Positions that are not exactly 1..n in a stored history. */
export const storedGaps = (world: StoredWorld): string[] =>
  [...world.histories].flatMap(([id, messages]) => {
    const bad = messages.findIndex((m, i) => m.seq !== i + 1);
    return bad < 0 ? [] : [`${id}: position ${messages[bad]!.seq} at index ${bad}`];
  });

const senderKey = (senderId: string, clientMessageId: string): string => `${senderId}/${clientMessageId}`;

/** Acknowledged sends missing from the stored history, and client ids stored more than once. */
export const lostAndTwice = (world: StoredWorld, clients: readonly CarefulClient[]) => {
  const stored = new Map<string, WireMessage[]>();
  for (const message of [...world.histories.values()].flat()) {
    if (message.clientMessageId === null) continue;
    const key = senderKey(message.senderId, message.clientMessageId);
    stored.set(key, [...(stored.get(key) ?? []), message]);
  }
  const acked = clients.flatMap((client) => client.acked);
  const lost = acked
    .filter(
      (send) =>
        !stored.get(senderKey(send.message.senderId, send.clientMessageId))?.some((m) => m.id === send.message.id),
    )
    .map((send) => `${send.clientMessageId} (acked as ${send.message.id} at position ${send.message.seq})`);
  const twice = [...stored]
    .filter(([, messages]) => messages.length > 1)
    .map(([key, messages]) => `${key}: ${messages.map((m) => m.id).join(', ')}`);
  return { acked: acked.length, stored: [...world.histories.values()].flat().length, lost, twice };
};

const describeDifference = (held: ReadonlyArray<[number, string]>, stored: readonly WireMessage[]): string => {
  const storedIds = new Map(stored.map((m) => [m.seq, m.id]));
  const heldIds = new Map(held);
  const missing = stored.filter((m) => heldIds.get(m.seq) !== m.id).map((m) => m.seq);
  const extra = held.filter(([seq, id]) => storedIds.get(seq) !== id).map(([seq]) => seq);
  return `missing positions [${missing.join(',')}], not stored [${extra.join(',')}] of ${stored.length}`;
};

/** Where a client's messages (live and caught up) differ from the stored history of the user's conversations. */
export const viewMismatches = (world: StoredWorld, user: ChaosUser, client: CarefulClient): string[] => {
  const own = world.conversationsOf.get(user.id) ?? [];
  const problems = [...client.logs.keys()]
    .filter((id) => !own.includes(id))
    .map((id) => `${user.name}: holds conversation ${id} it is not in`);
  for (const id of own) {
    const stored = world.histories.get(id) ?? [];
    const held = client.logs.get(id)?.entries() ?? [];
    const same =
      held.length === stored.length && held.every(([seq, mid], i) => stored[i]!.seq === seq && stored[i]!.id === mid);
    if (!same) problems.push(`${user.name} in ${id}: ${describeDifference(held, stored)}`);
  }
  return problems;
};
