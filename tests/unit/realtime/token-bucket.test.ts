import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../src/adapters/realtime/token-bucket.js';
import { conversationRoom, userRoom } from '../../../src/adapters/realtime/rooms.js';

describe('TokenBucket', () => {
  it('allows a burst, then refills at its rate up to its capacity', () => {
    let now = 0;
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 3 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.retryAfterSeconds()).toBe(1);

    now += 500;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);

    now += 60_000;
    expect(Array.from({ length: 4 }, () => bucket.take())).toEqual([true, true, true, false]);
  });
});

describe('rooms', () => {
  it('name a user and a conversation room', () => {
    expect(userRoom('u1')).toBe('user:u1');
    expect(conversationRoom('c1')).toBe('conversation:c1');
  });
});
