import { webcrypto } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import bcrypt from 'bcrypt';
import { jwtVerify } from 'jose';
import { SystemClock } from '../../src/adapters/clock/system-clock.js';
import { JoseTokenService } from '../../src/adapters/crypto/jose-token-service.js';
import { emitEvent, serveCommands } from '../lib/child-side.js';
import { BENCH_APP_ENV } from '../lib/targets.js';

export interface BcryptArgs {
  readonly cost: number;
  readonly sequential: number;
  readonly concurrency: number;
  readonly durationMs: number;
}

export interface BcryptResult {
  /** Each sequential compare, ms. */
  readonly sequentialMs: number[];
  /** Compares per second with `concurrency` in flight (libuv's thread pool runs them). */
  readonly perSecond: number;
}

export interface VerifyArgs {
  readonly iterations: number;
}

export interface VerifyResult {
  /** Our JoseTokenService.verifyAccessToken on tokens it has not seen (algorithm, issuer, audience, claims checked). */
  readonly oursFirstPerSecond: number;
  /** The same tokens again: the signature was checked once, only the expiry is. */
  readonly oursRepeatPerSecond: number;
  /** jose's jwtVerify with only the algorithm pinned, the key imported once, on the same tokens. */
  readonly rawPerSecond: number;
}

/** The baseline of login: bcrypt.compare alone, at the same cost. */
const compare = async ({ cost, sequential, concurrency, durationMs }: BcryptArgs): Promise<BcryptResult> => {
  const hash = await bcrypt.hash('bench password 1234', cost);
  await bcrypt.compare('bench password 1234', hash);
  const sequentialMs: number[] = [];
  for (let i = 0; i < sequential; i += 1) {
    const started = performance.now();
    await bcrypt.compare('bench password 1234', hash);
    sequentialMs.push(performance.now() - started);
  }
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() - started < durationMs) {
        await bcrypt.compare('bench password 1234', hash);
        done += 1;
      }
    }),
  );
  return { sequentialMs, perSecond: done / ((performance.now() - started) / 1000) };
};

/** Calls per second of `body` over every token. */
const perSecond = async (tokens: readonly string[], body: (token: string) => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  for (const token of tokens) await body(token);
  return tokens.length / ((performance.now() - started) / 1000);
};

const verify = async ({ iterations }: VerifyArgs): Promise<VerifyResult> => {
  const options = {
    secret: BENCH_APP_ENV.JWT_SECRET!,
    issuer: 'chat-backend',
    audience: 'chat-clients',
    accessTokenTtlSeconds: 3600,
  };
  const issuer = new JoseTokenService(options, new SystemClock());
  const tokens: string[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const userId = i.toString(16).padStart(24, '0');
    tokens.push((await issuer.issueAccessToken({ userId, username: `u${i}`, sessionId: `s${i}` })).token);
  }
  const key = await webcrypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(options.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const raw = (token: string) => jwtVerify(token, key, { algorithms: ['HS256'] });
  const warmup = tokens.slice(0, 500);
  await perSecond(warmup, raw);
  await perSecond(warmup, (token) => new JoseTokenService(options, new SystemClock()).verifyAccessToken(token));
  // A fresh service has seen none of the tokens.
  const service = new JoseTokenService(options, new SystemClock());
  const ours = async (token: string) => {
    if (!(await service.verifyAccessToken(token))) throw new Error('our verify failed');
  };
  const rawPerSecond = await perSecond(tokens, raw);
  const oursFirstPerSecond = await perSecond(tokens, ours);
  const oursRepeatPerSecond = await perSecond(tokens.slice(-5_000), ours);
  return { oursFirstPerSecond, oursRepeatPerSecond, rawPerSecond };
};

serveCommands({ compare, verify, stop: () => undefined });
emitEvent('ready', { pid: process.pid });
