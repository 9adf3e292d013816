/**
 * How long an access token lives, read from its JWT payload (not verified:
 * the server does that). The lifetime is `exp - iat`, counted from when the
 * client received the token, so a client clock that is off does not matter.
 */
export const accessTokenLifetimeMs = (token: string): number | null => {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const claims = JSON.parse(atob(base64)) as { exp?: unknown; iat?: unknown };
    if (typeof claims.exp !== 'number') return null;
    const issuedAt = typeof claims.iat === 'number' ? claims.iat : Date.now() / 1000;
    return Math.max(0, (claims.exp - issuedAt) * 1000);
  } catch {
    return null;
  }
};
