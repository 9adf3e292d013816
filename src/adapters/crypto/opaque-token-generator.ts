import { createHash, randomBytes } from 'node:crypto';
import type { OpaqueTokenGenerator } from '../../ports/token-service.js';

const TOKEN_BYTES = 32;

/** Refresh tokens: 256 random bits, base64url; stored only as their SHA-256 (hex). */
export class RandomOpaqueTokenGenerator implements OpaqueTokenGenerator {
  generate(): string {
    return randomBytes(TOKEN_BYTES).toString('base64url');
  }

  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
