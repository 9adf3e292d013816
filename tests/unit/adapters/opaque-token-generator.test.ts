import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RandomOpaqueTokenGenerator } from '../../../src/adapters/crypto/opaque-token-generator.js';

describe('RandomOpaqueTokenGenerator', () => {
  const generator = new RandomOpaqueTokenGenerator();

  it('makes 32 random bytes as base64url', () => {
    const token = generator.generate();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('never repeats a token', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generator.generate()));
    expect(tokens.size).toBe(1000);
  });

  it('hashes with SHA-256 as lower-case hex, deterministically', () => {
    const token = generator.generate();
    const hash = generator.hash(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(generator.hash(token)).toBe(hash);
    expect(generator.hash(generator.generate())).not.toBe(hash);
  });

  it('derives one successor per token under its key, and another under another key', () => {
    const keyed = new RandomOpaqueTokenGenerator({ successorKey: 'key-one' });
    const sameKey = new RandomOpaqueTokenGenerator({ successorKey: 'key-one' });
    const otherKey = new RandomOpaqueTokenGenerator({ successorKey: 'key-two' });
    const token = keyed.generate();
    const successor = keyed.successorOf(token);
    expect(successor).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sameKey.successorOf(token)).toBe(successor);
    expect(otherKey.successorOf(token)).not.toBe(successor);
    expect(keyed.successorOf(keyed.generate())).not.toBe(successor);
  });
});
