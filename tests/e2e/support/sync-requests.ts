import type { ChangeView, SyncPage } from '../../../src/application/sync/sync-changes.js';
import type { MessageView } from '../../../src/domain/message.js';
import type { TestUser } from './register-user.js';
import type { E2eApp } from './start-e2e-app.js';

/** GET /api/sync, expecting 200. */
export const syncOnce = async (
  app: E2eApp,
  user: TestUser,
  query: { since?: string; limit?: number } = {},
): Promise<SyncPage> => {
  const search = new URLSearchParams(
    Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
  ).toString();
  const res = await app.api<SyncPage>('GET', `/api/sync${search ? `?${search}` : ''}`, { token: user.accessToken });
  if (res.status !== 200) throw new Error(`sync: expected 200, got ${res.status} ${res.text}`);
  return res.body.data;
};

/** Every change since `since`, following `nextCursor` while `hasMore`; with the cursor to continue from. */
export const syncAll = async (
  app: E2eApp,
  user: TestUser,
  since: string,
  limit?: number,
): Promise<{ changes: ChangeView[]; cursor: string }> => {
  const changes: ChangeView[] = [];
  let cursor = since;
  for (let pages = 0; pages < 1000; pages += 1) {
    const page = await syncOnce(app, user, { since: cursor, ...(limit ? { limit } : {}) });
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, cursor };
  }
  throw new Error('sync never ended');
};

/** The message a message change carries. */
export const messageOf = (change: ChangeView): MessageView => {
  if (!('message' in change.data)) throw new Error(`${change.type} carries no message`);
  return change.data.message;
};

/** PUT /api/messages/:id with new content; the response as it came. */
export const editMessage = (app: E2eApp, user: TestUser, messageId: string, content: string) =>
  app.api<{ message: MessageView; cursor: string | null }>('PUT', `/api/messages/${messageId}`, {
    token: user.accessToken,
    body: { content },
  });
