import * as E from 'fp-ts/lib/Either.js';
import { ControllableClock } from '../../src/adapters/clock/controllable-clock.js';
import { SeededRandomSource } from '../../src/adapters/random/seeded-random-source.js';
import { BcryptPasswordHasher } from '../../src/adapters/crypto/bcrypt-password-hasher.js';
import { JoseTokenService } from '../../src/adapters/crypto/jose-token-service.js';
import { ObjectIdGenerator } from '../../src/adapters/ids/object-id-generator.js';
import { RandomOpaqueTokenGenerator } from '../../src/adapters/crypto/opaque-token-generator.js';
import { PrometheusMetrics } from '../../src/adapters/metrics/prometheus-metrics.js';
import type { Registered } from '../../src/application/auth/register-user.js';
import type { UseCases } from '../../src/application/use-cases.js';
import { decodeConfig, type Config } from '../../src/bootstrap/config.js';
import { buildContainer, resolveUseCases } from '../../src/bootstrap/container.js';
import type { Infrastructure } from '../../src/bootstrap/infrastructure.js';
import { memoryInfrastructure } from '../../src/bootstrap/memory-infrastructure.js';
import type { AccessClaims } from '../../src/ports/token-service.js';
import { RecordingNotifier } from './recording-notifier.js';
import { silentLogger } from './silent-logger.js';

export const TEST_ENV = {
  NODE_ENV: 'test',
  BCRYPT_COST: '4',
  JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256',
  LOG_TO_FILES: 'false',
  LOG_LEVEL: 'error',
  // Suites register many users from one address; the registration limit has its own tests.
  REGISTER_LIMIT_PER_IP: '100000',
} as const;

export const testConfig = (env: Record<string, string> = {}): Config => {
  const config = decodeConfig({ ...TEST_ENV, ...env });
  if (E.isLeft(config)) throw new Error(config.left.join('; '));
  return config.right;
};

export interface Core {
  readonly useCases: UseCases;
  readonly clock: ControllableClock;
  readonly notifier: RecordingNotifier;
  readonly infrastructure: Infrastructure;
  readonly metrics: PrometheusMetrics;
  readonly config: Config;
  /** Registers a user and returns its tokens and the claims its access token carries. */
  register(username: string): Promise<Registered & { claims: AccessClaims }>;
}

/**
 * The application core as composed in production (the same container), on
 * in-memory adapters, a controllable clock, a seeded random source and a
 * notifier that records what it was asked to emit.
 */
export const buildCore = (env: Record<string, string> = {}, infrastructure?: Infrastructure): Core => {
  const config = testConfig(env);
  const clock = new ControllableClock('2026-11-24T10:00:00.000Z');
  const infra = infrastructure ?? memoryInfrastructure(config, silentLogger);
  const notifier = new RecordingNotifier();
  const metrics = new PrometheusMetrics({ defaultMetrics: false });
  const tokens = new JoseTokenService(
    {
      secret: TEST_ENV.JWT_SECRET,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    },
    clock,
  );
  const container = buildContainer({
    config,
    logger: silentLogger,
    clock,
    ids: new ObjectIdGenerator(),
    random: new SeededRandomSource(42),
    hasher: new BcryptPasswordHasher({ cost: config.BCRYPT_COST }),
    tokens,
    opaqueTokens: new RandomOpaqueTokenGenerator(),
    metrics,
    notifier,
    infrastructure: infra,
  });
  const useCases = resolveUseCases(container);
  return {
    useCases,
    clock,
    notifier,
    infrastructure: infra,
    metrics,
    config,
    async register(username) {
      const result = await useCases.registerUser.execute(
        {
          username,
          email: `${username.toLowerCase()}@example.com`,
          password: 'correct horse battery',
        },
        '203.0.113.9',
      );
      if (E.isLeft(result)) throw new Error(`register ${username}: ${result.left.message}`);
      const claims = await tokens.verifyAccessToken(result.right.accessToken);
      if (!claims) throw new Error('fresh token did not verify');
      return { ...result.right, claims };
    },
  };
};

/** The Right of an Either, or a failed test naming the Left. */
export const right = <T>(result: E.Either<{ _tag: string; message: string }, T>): T => {
  if (E.isLeft(result)) throw new Error(`expected success, got ${result.left._tag}: ${result.left.message}`);
  return result.right;
};

/** The Left of an Either, or a failed test. */
export const left = <L, T>(result: E.Either<L, T>): L => {
  if (E.isRight(result)) throw new Error('expected a failure, got success');
  return result.left;
};
