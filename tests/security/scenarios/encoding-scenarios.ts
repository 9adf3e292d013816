import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { registerUser } from '../../e2e/support/register-user.js';
import type { StartE2eApp } from '../../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../../e2e/support/use-e2e-app.js';

const LOGIN = JSON.stringify({ email: 'nobody@example.com', password: 'password123' });
const GARBAGE = new TextEncoder().encode('this is not compressed');

/** Request bodies in encodings the server cannot or will not decode: a client error, never a 500. */
export const describeEncodingScenarios = (start: StartE2eApp): void => {
  describe('Content-Encoding of request bodies', () => {
    const app = useE2eApp(start);

    it.each([['x-custom'], ['compress'], ['gzip, br'], ['zstd']])(
      'answers 415 to an unsupported encoding (%s), before authentication',
      async (encoding) => {
        const res = await app().api('POST', '/api/auth/login', {
          rawBody: LOGIN,
          headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        });
        expect(res.status, res.text).toBe(415);
        expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      },
    );

    it.each([['gzip'], ['deflate'], ['br']])('answers 400 to a corrupt %s body', async (encoding) => {
      const res = await app().api('POST', '/api/auth/login', {
        rawBody: GARBAGE,
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      });
      expect(res.status, res.text).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it.each([
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const)('reads a well-formed %s body', async (encoding, compress) => {
      const alice = await registerUser(app(), 'alice');
      const res = await app().api('POST', '/api/auth/login', {
        rawBody: compress(JSON.stringify({ email: alice.email, password: alice.password })),
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      });
      expect(res.status, res.text).toBe(200);
    });
  });
};
