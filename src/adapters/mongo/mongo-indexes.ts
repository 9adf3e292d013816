import { MongoServerError, type IndexDescription } from 'mongodb';
import { COLLECTIONS } from './collection-names.js';
import type { MongoDatabase } from './mongo-database.js';

/**
 * Every index the repositories rely on. Only shapes FerretDB v1 accepts as
 * well (see FERRETDB.md): no collation, no partial filters, no TTL; optional
 * unique keys are single-field sparse indexes on fields that exist only when set.
 */
const INDEXES: Record<string, IndexDescription[]> = {
  [COLLECTIONS.users]: [
    { key: { email: 1 }, name: 'email_unique', unique: true },
    { key: { usernameLower: 1 }, name: 'username_lower_unique', unique: true },
    { key: { isActive: 1 }, name: 'is_active' },
  ],
  [COLLECTIONS.sessions]: [
    { key: { tokenHash: 1 }, name: 'token_hash_unique', unique: true },
    { key: { familyId: 1 }, name: 'family_id' },
    { key: { userId: 1 }, name: 'user_id' },
  ],
  [COLLECTIONS.conversations]: [
    // Sparse: a group has no participantKey (unique without sparse, every group would hold the key null).
    { key: { participantKey: 1 }, name: 'participant_key_sparse_unique', unique: true, sparse: true },
    { key: { participants: 1, lastActivityAt: -1 }, name: 'participants_last_activity' },
  ],
  [COLLECTIONS.memberships]: [
    { key: { conversationId: 1, userId: 1 }, name: 'conversation_user_unique', unique: true },
    { key: { userId: 1, leftAt: 1 }, name: 'user_left_at' },
  ],
  [COLLECTIONS.messages]: [
    { key: { conversationId: 1, seq: 1 }, name: 'conversation_seq_unique', unique: true },
    { key: { receiverId: 1, readAt: 1, conversationId: 1 }, name: 'receiver_unread' },
    { key: { senderClientKey: 1 }, name: 'sender_client_key_unique', unique: true, sparse: true },
    { key: { autoMessageId: 1 }, name: 'auto_message_id_unique', unique: true, sparse: true },
  ],
  [COLLECTIONS.changes]: [
    { key: { conversationId: 1, pos: 1 }, name: 'conversation_pos_unique', unique: true },
    { key: { at: 1 }, name: 'at' },
  ],
  [COLLECTIONS.reactions]: [{ key: { messageId: 1, at: 1 }, name: 'message_at' }],
  [COLLECTIONS.blocks]: [{ key: { blockerId: 1, at: 1 }, name: 'blocker_at' }],
  [COLLECTIONS.autoMessages]: [
    { key: { planKey: 1 }, name: 'plan_key_unique', unique: true },
    { key: { planDay: 1, sendAt: 1 }, name: 'plan_day_send_at' },
    { key: { status: 1, sendAt: 1 }, name: 'status_send_at' },
    { key: { status: 1, leaseUntil: 1 }, name: 'status_lease_until' },
  ],
};

/**
 * Indexes replaced by one of another shape on the same key, dropped before it
 * is made (a server refuses a second index on one key with other options).
 */
const REPLACED: Record<string, string[]> = {
  [COLLECTIONS.conversations]: ['participant_key_unique'],
};

/** Error codes of a drop with nothing to drop: no such collection, no such index. */
const NOTHING_TO_DROP = new Set([26, 27]);

const dropReplaced = async (db: MongoDatabase): Promise<void> => {
  for (const [collection, names] of Object.entries(REPLACED)) {
    for (const name of names) {
      try {
        await db.collection(collection).dropIndex(name);
      } catch (error) {
        if (!(error instanceof MongoServerError && NOTHING_TO_DROP.has(Number(error.code)))) throw error;
      }
    }
  }
};

/**
 * Creates every index (idempotent); run at every start, before serving. One
 * index per command: FerretDB v1 drops the connection (a server-side panic)
 * when one createIndexes command lists several indexes that already exist.
 */
export const ensureIndexes = async (db: MongoDatabase): Promise<void> => {
  await dropReplaced(db);
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    for (const index of indexes) await db.collection(collection).createIndexes([index]);
  }
};
