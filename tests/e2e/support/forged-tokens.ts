import { decodeJwt, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { TEST_ENV } from '../../support/build-core.js';

const key = new TextEncoder().encode(TEST_ENV.JWT_SECRET);

/** The claims of a token the app issued. */
export const claimsOf = (token: string): JWTPayload => decodeJwt(token);

/** A token with these claims signed with the app's own secret (so only what the test changed is wrong). */
export const signedWithAppSecret = (claims: JWTPayload, alg: 'HS256' | 'HS512' = 'HS256'): Promise<string> =>
  new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);

/** `alg: none`, no signature. */
export const unsignedToken = (claims: JWTPayload): string => new UnsecuredJWT(claims).encode();

/** The original header and signature around a changed payload. */
export const tamperedToken = (token: string, changes: JWTPayload): string => {
  const [header, , signature] = token.split('.');
  const payload = Buffer.from(JSON.stringify({ ...claimsOf(token), ...changes })).toString('base64url');
  return `${header}.${payload}.${signature}`;
};
