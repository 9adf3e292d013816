import { randomBytes } from 'node:crypto';
import type { SelfView } from '../../../src/domain/user.js';
import type { E2eApp } from './start-e2e-app.js';

export interface TestUser {
  readonly id: string;
  readonly username: string;
  readonly email: string;
  readonly password: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** A username no other test (or earlier run against the same database) uses: `prefix` plus a random suffix. */
export const uniqueName = (prefix: string): string => `${prefix.slice(0, 18)}_${randomBytes(5).toString('hex')}`;

/** Registers a fresh user named after `name` over REST. */
export const registerUser = async (app: E2eApp, name: string): Promise<TestUser> => {
  const username = uniqueName(name);
  const email = `${username.toLowerCase()}@example.com`;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const res = await app.api<{ user: SelfView; accessToken: string; refreshToken: string }>(
    'POST',
    '/api/auth/register',
    { body: { username, email, password } },
  );
  if (res.status !== 201) throw new Error(`register ${username}: ${res.status} ${res.text}`);
  const { user, accessToken, refreshToken } = res.body.data;
  return { id: user.id, username, email, password, accessToken, refreshToken };
};
