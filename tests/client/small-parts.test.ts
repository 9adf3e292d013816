import { afterEach, describe, expect, it, vi } from 'vitest';
import { accessTokenLifetimeMs } from '../../client/src/access-token-lifetime.js';
import { backoffDelay } from '../../client/src/backoff.js';
import { ChangeCursor } from '../../client/src/change-cursor.js';
import { newClientMessageId } from '../../client/src/client-message-id.js';
import { TypingIndicator } from '../../client/src/typing-indicator.js';
import { fakeAccessToken } from './support/fake-auth-server.js';

describe('the access token lifetime', () => {
  it('is exp - iat from the JWT payload, and null for what is no JWT', () => {
    expect(accessTokenLifetimeMs(fakeAccessToken(1, 900))).toBe(900_000);
    expect(accessTokenLifetimeMs('not-a-token')).toBeNull();
    expect(accessTokenLifetimeMs('a.%%%.c')).toBeNull();
  });
});

describe('backoff', () => {
  it('grows, stays under its cap, and is jittered between half and all of it', () => {
    expect(backoffDelay(0, { baseMs: 100, maxMs: 1_000 }, () => 0)).toBe(50);
    expect(backoffDelay(0, { baseMs: 100, maxMs: 1_000 }, () => 1)).toBe(100);
    expect(backoffDelay(3, { baseMs: 100, maxMs: 1_000 }, () => 1)).toBe(800);
    expect(backoffDelay(50, { baseMs: 100, maxMs: 1_000 }, () => 1)).toBe(1_000);
  });
});

describe('client message ids', () => {
  it('are UUIDs the server accepts, also without crypto.randomUUID (plain http pages)', () => {
    const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientMessageId()).toMatch(pattern);
    const randomUUID = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 100 }, newClientMessageId));
      expect(ids.size).toBe(100);
      for (const id of ids) expect(id).toMatch(pattern);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});

describe('the typing indicator', () => {
  afterEach(() => vi.useRealTimers());

  it('starts once, renews while typing goes on, and stops after quiet or on send', () => {
    vi.useFakeTimers();
    const events: string[] = [];
    const typing = new TypingIndicator((event, id) => events.push(`${event} ${id}`), { idleMs: 3_000, renewMs: 2_000 });
    for (let i = 0; i < 10; i += 1) {
      typing.keystroke('c1');
      vi.advanceTimersByTime(300);
    }
    expect(events).toEqual(['typing_start c1', 'typing_start c1']);
    vi.advanceTimersByTime(3_000);
    expect(events.slice(2)).toEqual(['typing_stop c1']);
    typing.keystroke('c1');
    typing.stop('c1');
    vi.advanceTimersByTime(10_000);
    expect(events.slice(3)).toEqual(['typing_start c1', 'typing_stop c1']);
  });
});

describe('the change-feed cursor', () => {
  const A = 'a'.repeat(24);
  const B = 'b'.repeat(24);

  it('takes the server’s cursor and moves on only by the next change of a conversation', () => {
    const cursor = new ChangeCursor();
    cursor.advance(`${A}:1`);
    expect(cursor.ready).toBe(false);
    expect(cursor.reset(`${A}:4,${B}:2`)).toBe(true);
    cursor.advance(`${A}:5`);
    cursor.advance(`${B}:4`); // one was missed: the next sync brings it
    cursor.advance(`${'c'.repeat(24)}:1`);
    expect(cursor.format()).toBe(`${A}:5,${B}:2,${'c'.repeat(24)}:1`);
    expect(cursor.reset('garbage')).toBe(false);
    expect(cursor.reset('')).toBe(true);
    expect(cursor.format()).toBe('');
  });
});
