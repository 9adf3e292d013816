import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { OpaqueTokenGenerator } from '../../ports/token-service.js';

const TOKEN_BYTES = 32;

/**
 * Refresh tokens: 256 random bits, base64url; stored only as their SHA-256
 * (hex). A successor is an HMAC of its predecessor under `successorKey`
 * (every process of a deployment must share it; without one, a random key
 * of this process).
 */
export class RandomOpaqueTokenGenerator implements OpaqueTokenGenerator {
  private readonly successorKey: Buffer;

  constructor(options: { successorKey?: string | Buffer } = {}) {
    this.successorKey = options.successorKey ? Buffer.from(options.successorKey) : randomBytes(TOKEN_BYTES);
  }

  generate(): string {
    return randomBytes(TOKEN_BYTES).toString('base64url');
  }

  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }

  successorOf(token: string): string {
    return createHmac('sha256', this.successorKey).update(token, 'utf8').digest('base64url');
  }
}
