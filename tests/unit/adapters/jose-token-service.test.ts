import { generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader, UnsecuredJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { ControllableClock } from '../../../src/adapters/clock/controllable-clock.js';
import { JoseTokenService, type JoseTokenServiceOptions } from '../../../src/adapters/crypto/jose-token-service.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const OPTIONS: JoseTokenServiceOptions = { secret: SECRET, issuer: 'chat-api', audience: 'chat-clients' };
const CLAIMS = { userId: '65f0a1b2c3d4e5f6a7b8c9d0', username: 'alice', sessionId: 'family-1' };
const START = new Date('2026-03-01T12:00:00.000Z');

/** A token with the right claims, signed however the attacker likes. */
const forge = (overrides: { iss?: string; aud?: string } = {}) =>
  new SignJWT({ username: CLAIMS.username, sid: CLAIMS.sessionId })
    .setSubject(CLAIMS.userId)
    .setIssuer(overrides.iss ?? OPTIONS.issuer)
    .setAudience(overrides.aud ?? OPTIONS.audience)
    .setIssuedAt(START)
    .setExpirationTime(new Date(START.getTime() + 60_000));

const secretBytes = (secret: string) => new TextEncoder().encode(secret);

describe('JoseTokenService', () => {
  let clock: ControllableClock;
  let service: JoseTokenService;

  beforeEach(() => {
    clock = new ControllableClock(START);
    service = new JoseTokenService(OPTIONS, clock);
  });

  it('issues a token that verifies back to its claims', async () => {
    const issued = await service.issueAccessToken(CLAIMS);
    expect(issued.expiresAt).toEqual(new Date(START.getTime() + 900_000));
    expect(await service.verifyAccessToken(issued.token)).toEqual({ ...CLAIMS, expiresAt: issued.expiresAt });
  });

  it('writes HS256, subject, issuer, audience, iat and exp from the clock', async () => {
    clock.advance(1_500);
    const { token } = await service.issueAccessToken(CLAIMS);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const nowSeconds = Math.floor(clock.now().getTime() / 1000);
    expect(decodeJwt(token)).toEqual({
      sub: CLAIMS.userId,
      username: CLAIMS.username,
      sid: CLAIMS.sessionId,
      iss: OPTIONS.issuer,
      aud: OPTIONS.audience,
      iat: nowSeconds,
      exp: nowSeconds + 900,
    });
  });

  it('honours the configured lifetime and expires tokens by the clock', async () => {
    const shortLived = new JoseTokenService({ ...OPTIONS, accessTokenTtlSeconds: 60 }, clock);
    const { token, expiresAt } = await shortLived.issueAccessToken(CLAIMS);
    expect(expiresAt).toEqual(new Date(START.getTime() + 60_000));
    clock.advance(59_000);
    expect(await shortLived.verifyAccessToken(token)).not.toBeNull();
    clock.advance(1_000);
    expect(await shortLived.verifyAccessToken(token)).toBeNull();
  });

  it('remembers a verified token by its exact text only: a copy with one byte changed is checked afresh', async () => {
    const { token } = await service.issueAccessToken(CLAIMS);
    expect(await service.verifyAccessToken(token)).not.toBeNull();
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(await service.verifyAccessToken(`${token.slice(0, -1)}${last}`)).toBeNull();
    expect(await service.verifyAccessToken(token)).not.toBeNull();
  });

  it('refuses missing, empty and garbage tokens', async () => {
    for (const garbage of ['', 'abc', 'a.b.c', '...', 'eyJhbGciOiJIUzI1NiJ9.e30.', `${'x'.repeat(5000)}`]) {
      expect(await service.verifyAccessToken(garbage)).toBeNull();
    }
    expect(await service.verifyAccessToken(undefined as unknown as string)).toBeNull();
  });

  it('refuses a tampered token', async () => {
    const { token } = await service.issueAccessToken(CLAIMS);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...decodeJwt(token), sub: 'ffffffffffffffffffffffff' }),
    ).toString('base64url');
    expect(await service.verifyAccessToken(`${header}.${forgedPayload}.${signature}`)).toBeNull();
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await service.verifyAccessToken(`${header}.${payload}.${flipped}`)).toBeNull();
  });

  it('refuses a token for another issuer or audience', async () => {
    const key = secretBytes(SECRET);
    const control = await forge().setProtectedHeader({ alg: 'HS256' }).sign(key);
    expect(await service.verifyAccessToken(control)).not.toBeNull();
    expect(
      await service.verifyAccessToken(await forge({ iss: 'evil' }).setProtectedHeader({ alg: 'HS256' }).sign(key)),
    ).toBeNull();
    expect(
      await service.verifyAccessToken(await forge({ aud: 'evil' }).setProtectedHeader({ alg: 'HS256' }).sign(key)),
    ).toBeNull();
    const otherIssuer = new JoseTokenService({ ...OPTIONS, issuer: 'other-api' }, clock);
    expect(await otherIssuer.verifyAccessToken((await service.issueAccessToken(CLAIMS)).token)).toBeNull();
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const unsigned = new UnsecuredJWT({ username: CLAIMS.username, sid: CLAIMS.sessionId })
      .setSubject(CLAIMS.userId)
      .setIssuer(OPTIONS.issuer)
      .setAudience(OPTIONS.audience)
      .setIssuedAt(START)
      .setExpirationTime(new Date(START.getTime() + 60_000))
      .encode();
    expect(decodeProtectedHeader(unsigned).alg).toBe('none');
    expect(await service.verifyAccessToken(unsigned)).toBeNull();
  });

  it('refuses a token signed with another algorithm, even with the same secret', async () => {
    const key = secretBytes(SECRET);
    expect(await service.verifyAccessToken(await forge().setProtectedHeader({ alg: 'HS512' }).sign(key))).toBeNull();
    const { privateKey } = await generateKeyPair('RS256');
    expect(
      await service.verifyAccessToken(await forge().setProtectedHeader({ alg: 'RS256' }).sign(privateKey)),
    ).toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const other = new JoseTokenService({ ...OPTIONS, secret: `${SECRET}-other` }, clock);
    expect(await service.verifyAccessToken((await other.issueAccessToken(CLAIMS)).token)).toBeNull();
  });

  it('refuses a token that lacks the session claim', async () => {
    const token = await new SignJWT({ username: CLAIMS.username })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(CLAIMS.userId)
      .setIssuer(OPTIONS.issuer)
      .setAudience(OPTIONS.audience)
      .setIssuedAt(START)
      .setExpirationTime(new Date(START.getTime() + 60_000))
      .sign(secretBytes(SECRET));
    expect(await service.verifyAccessToken(token)).toBeNull();
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => new JoseTokenService({ ...OPTIONS, secret: 'x'.repeat(31) }, clock)).toThrow(/32 bytes/);
    expect(() => new JoseTokenService({ ...OPTIONS, secret: 'x'.repeat(32) }, clock)).not.toThrow();
  });
});
