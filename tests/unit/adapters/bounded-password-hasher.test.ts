import { describe, expect, it } from 'vitest';
import { BoundedPasswordHasher } from '../../../src/adapters/crypto/bounded-password-hasher.js';
import type { PasswordHasher } from '../../../src/ports/password-hasher.js';

/** A hasher whose every call waits until the test lets it finish, recording how many run at once. */
const gatedHasher = () => {
  const gates: Array<() => void> = [];
  let running = { hash: 0, verify: 0 };
  let peak = { hash: 0, verify: 0 };
  const gated = async <T>(kind: 'hash' | 'verify', value: T): Promise<T> => {
    running = { ...running, [kind]: running[kind] + 1 };
    peak = { hash: Math.max(peak.hash, running.hash), verify: Math.max(peak.verify, running.verify) };
    await new Promise<void>((resolve) => gates.push(resolve));
    running = { ...running, [kind]: running[kind] - 1 };
    return value;
  };
  const inner: PasswordHasher = {
    hash: (password) => gated('hash', `hashed:${password}`),
    verify: (password, hash) => gated('verify', hash === `hashed:${password}`),
  };
  return {
    inner,
    releaseAll: () => gates.splice(0).forEach((open) => open()),
    waiting: () => gates.length,
    peak: () => peak,
  };
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await tick();
};

/** Opens every gate as calls reach it, until all of `work` has settled. */
const drain = async (gate: ReturnType<typeof gatedHasher>, work: Array<Promise<unknown>>): Promise<void> => {
  let settled = false;
  void Promise.allSettled(work).then(() => (settled = true));
  while (!settled) {
    gate.releaseAll();
    await tick();
  }
};

describe('BoundedPasswordHasher', () => {
  it('runs at most its hash slots at once and lets verifications past a queue of hashes', async () => {
    const gate = gatedHasher();
    const hasher = new BoundedPasswordHasher(gate.inner, { hashSlots: 1, verifySlots: 2, maxQueuedHashes: 10 });
    const hashes = Array.from({ length: 5 }, (_, i) => hasher.hash(`p${i}`));
    const login = hasher.verify('p0', 'hashed:p0');
    await until(() => gate.waiting() === 2);
    expect(gate.peak()).toEqual({ hash: 1, verify: 1 });

    await drain(gate, [login, ...hashes]);
    expect(await login).toBe(true);
    expect(await Promise.all(hashes)).toEqual(['hashed:p0', 'hashed:p1', 'hashed:p2', 'hashed:p3', 'hashed:p4']);
    expect(gate.peak().hash).toBe(1);
  });

  it('refuses a hash at once when too many wait, as an unavailable service', async () => {
    const gate = gatedHasher();
    const hasher = new BoundedPasswordHasher(gate.inner, { hashSlots: 1, maxQueuedHashes: 2 });
    const accepted = [hasher.hash('a'), hasher.hash('b'), hasher.hash('c')];
    await expect(hasher.hash('d')).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
    await drain(gate, accepted);
    expect(await Promise.all(accepted)).toEqual(['hashed:a', 'hashed:b', 'hashed:c']);
  });
});
