import type { ConversationView } from '../../../src/domain/conversation.js';
import type { MessageView } from '../../../src/domain/message.js';
import type { PublicUserView } from '../../../src/domain/user.js';
import type { TestUser } from './register-user.js';
import type { E2eApp } from './start-e2e-app.js';

export interface Sent {
  readonly message: MessageView;
  readonly conversation: ConversationView;
  readonly cursor: string;
}

export interface HistorySlice {
  readonly messages: MessageView[];
  readonly hasMore: boolean;
  readonly nextBefore: string | null;
  readonly nextAfter: string | null;
}

export interface ConversationSummary extends ConversationView {
  readonly otherParticipant: PublicUserView | null;
  readonly unreadCount: number;
}

export interface UnreadCounts {
  readonly unreadCount: number;
  readonly conversations: ReadonlyArray<{ conversationId: string; unreadCount: number }>;
}

const expectStatus = (what: string, status: number, expected: number, text: string): void => {
  if (status !== expected) throw new Error(`${what}: expected ${expected}, got ${status} ${text}`);
};

/** POST /api/messages/send, expecting 201. */
export const sendMessage = async (
  app: E2eApp,
  from: TestUser,
  to: TestUser,
  content: string,
  extra: { clientMessageId?: string } = {},
): Promise<Sent> => {
  const res = await app.api<Sent>('POST', '/api/messages/send', {
    token: from.accessToken,
    body: { receiverId: to.id, content, ...extra },
  });
  expectStatus(`send ${from.username} → ${to.username}`, res.status, 201, res.text);
  return res.body.data;
};

/** GET /api/conversations/:id/messages with the given query. */
export const fetchHistory = async (
  app: E2eApp,
  user: TestUser,
  conversationId: string,
  query: Record<string, string | number> = {},
): Promise<HistorySlice> => {
  const search = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  const res = await app.api<HistorySlice>(
    'GET',
    `/api/conversations/${conversationId}/messages${search ? `?${search}` : ''}`,
    { token: user.accessToken },
  );
  expectStatus('history', res.status, 200, res.text);
  return res.body.data;
};

/** GET /api/messages/unread-count. */
export const fetchUnread = async (app: E2eApp, user: TestUser): Promise<UnreadCounts> => {
  const res = await app.api<UnreadCounts>('GET', '/api/messages/unread-count', { token: user.accessToken });
  expectStatus('unread-count', res.status, 200, res.text);
  return res.body.data;
};

/** GET /api/conversations (first page, up to 100). */
export const fetchConversations = async (app: E2eApp, user: TestUser): Promise<ConversationSummary[]> => {
  const res = await app.api<{ conversations: ConversationSummary[] }>('GET', '/api/conversations?limit=100', {
    token: user.accessToken,
  });
  expectStatus('conversations', res.status, 200, res.text);
  return res.body.data.conversations;
};

/** The user as others see it in GET /api/user/list. */
export const fetchPublicUser = async (app: E2eApp, viewer: TestUser, user: TestUser): Promise<PublicUserView> => {
  const res = await app.api<{ users: PublicUserView[] }>(
    'GET',
    `/api/user/list?search=${encodeURIComponent(user.username)}`,
    { token: viewer.accessToken },
  );
  expectStatus('user list', res.status, 200, res.text);
  const found = res.body.data.users.find((u) => u.id === user.id);
  if (!found) throw new Error(`${user.username} not in the user list`);
  return found;
};
