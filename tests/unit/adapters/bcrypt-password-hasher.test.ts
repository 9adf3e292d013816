import { describe, expect, it } from 'vitest';
import { BcryptPasswordHasher } from '../../../src/adapters/crypto/bcrypt-password-hasher.js';

describe('BcryptPasswordHasher', () => {
  const hasher = new BcryptPasswordHasher({ cost: 4 });

  it('verifies the password it hashed', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(await hasher.verify('correct horse battery', hash)).toBe(true);
  });

  it('rejects another password', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(await hasher.verify('correct horse battery!', hash)).toBe(false);
  });

  it('salts: the same password hashes differently, and never to itself', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password');
  });

  it('uses the configured cost', async () => {
    expect(await new BcryptPasswordHasher({ cost: 5 }).hash('whatever1')).toMatch(/^\$2[aby]\$05\$/);
  });

  it('answers false for a hash that is not bcrypt', async () => {
    expect(await hasher.verify('password1', 'not-a-hash')).toBe(false);
  });

  it('refuses a cost bcrypt does not accept', () => {
    expect(() => new BcryptPasswordHasher({ cost: 3 })).toThrow();
    expect(() => new BcryptPasswordHasher({ cost: 32 })).toThrow();
    expect(() => new BcryptPasswordHasher({ cost: 10.5 })).toThrow();
  });
});
