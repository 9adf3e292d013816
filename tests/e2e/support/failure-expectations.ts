import { expect } from 'vitest';
import type { ApiResponse } from './api-client.js';
import { fetchConversations, fetchUnread } from './chat-requests.js';
import { registerUser, type TestUser } from './register-user.js';
import type { E2eApp } from './start-e2e-app.js';

/** A well-formed id that names nothing. */
export const UNKNOWN_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';

export const expectFailure = (res: ApiResponse<unknown>, status: number, code: string, what = ''): void => {
  expect(res.status, `${what} ${res.text}`).toBe(status);
  expect(res.body.success, what).toBe(false);
  expect(res.body.code, what).toBe(code);
};

/** Neither user has any conversation or unread message. */
export const expectNothingSent = async (app: E2eApp, ...users: TestUser[]): Promise<void> => {
  for (const user of users) {
    expect(await fetchConversations(app, user)).toEqual([]);
    expect((await fetchUnread(app, user)).unreadCount).toBe(0);
  }
};

export const totalUsers = async (app: E2eApp, viewer: TestUser): Promise<number> =>
  (await app.api<{ totalUsers: number }>('GET', '/api/user/online-stats', { token: viewer.accessToken })).body.data
    .totalUsers;

/** Alice and Bob, registered at once. */
export const registeredPair = async (app: E2eApp): Promise<[TestUser, TestUser]> =>
  Promise.all([registerUser(app, 'alice'), registerUser(app, 'bob')]);
