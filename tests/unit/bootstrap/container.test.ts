import { describe, expect, it } from 'vitest';
import { BcryptPasswordHasher } from '../../../src/adapters/crypto/bcrypt-password-hasher.js';
import { JoseTokenService } from '../../../src/adapters/crypto/jose-token-service.js';
import { RandomOpaqueTokenGenerator } from '../../../src/adapters/crypto/opaque-token-generator.js';
import { ObjectIdGenerator } from '../../../src/adapters/ids/object-id-generator.js';
import { SeededRandomSource } from '../../../src/adapters/random/seeded-random-source.js';
import {
  buildContainer,
  registerCached,
  resolveUseCases,
  SERVICE_REGISTRATIONS,
  USE_CASE_REGISTRATIONS,
  USE_CASE_TOKENS,
  type Registration,
} from '../../../src/bootstrap/container.js';
import {
  createChildContainer,
  TOKENS,
  type ContainerParts,
  type Dependencies,
} from '../../../src/bootstrap/container-ports.js';
import { buildCore, TEST_ENV } from '../../support/build-core.js';
import { silentLogger } from '../../support/silent-logger.js';

type TokenName = keyof typeof TOKENS;

/** What compose-system.ts hands the container, on the in-memory adapters of a test core. */
const containerParts = (): ContainerParts => {
  const { config, clock, notifier, metrics, infrastructure } = buildCore();
  const jwt = { secret: TEST_ENV.JWT_SECRET, issuer: 'container-test', audience: 'container-test' };
  return {
    config,
    clock,
    notifier,
    metrics,
    infrastructure,
    logger: silentLogger,
    ids: new ObjectIdGenerator(),
    random: new SeededRandomSource(7),
    hasher: new BcryptPasswordHasher({ cost: 4 }),
    tokens: new JoseTokenService({ ...jwt, accessTokenTtlSeconds: 60 }, clock),
    opaqueTokens: new RandomOpaqueTokenGenerator(),
  };
};

const registrations = Object.entries({ ...SERVICE_REGISTRATIONS, ...USE_CASE_REGISTRATIONS }) as Array<
  [string, Registration<unknown>]
>;

describe('the container', () => {
  it('resolves every use case and every token to something', () => {
    const container = buildContainer(containerParts());
    const useCases = resolveUseCases(container);
    for (const name of Object.keys(USE_CASE_TOKENS) as Array<keyof typeof USE_CASE_TOKENS>) {
      expect(useCases[name], name).toBeDefined();
    }
    for (const name of Object.keys(TOKENS) as TokenName[]) {
      expect(container.resolve(TOKENS[name]), name).toBeDefined();
    }
  });

  it('has every token a service or use case lists', () => {
    const container = buildContainer(containerParts());
    for (const [name, registration] of registrations) {
      for (const used of registration.uses)
        expect(container.isRegistered(TOKENS[used], true), `${name}: ${used}`).toBe(true);
    }
  });

  it('refuses a port given as undefined, naming it, instead of leaving its slot empty', () => {
    const parts = containerParts();
    for (const key of Object.keys(parts).filter((key) => key !== 'infrastructure')) {
      expect(() => buildContainer({ ...parts, [key]: undefined }), key).toThrow(`needs a ${key} port`);
    }
    // The infrastructure's ports under their token names; its other fields (health, close, ...) are no ports.
    const tokenOf: Record<string, string> = { sessionRevocations: 'revocations' };
    for (const key of Object.keys(parts.infrastructure)) {
      const port = tokenOf[key] ?? key;
      if (!(port in TOKENS)) continue;
      const infrastructure = { ...parts.infrastructure, [key]: undefined };
      expect(() => buildContainer({ ...parts, infrastructure }), key).toThrow(`needs a ${port} port`);
    }
  });

  it('fails to build a service or use case whose listed port is missing, naming the port', () => {
    const full = buildContainer(containerParts());
    for (const [name, registration] of registrations) {
      for (const missing of registration.uses) {
        const container = createChildContainer();
        for (const used of registration.uses.filter((used) => used !== missing)) {
          container.register(TOKENS[used], { useValue: full.resolve(TOKENS[used]) });
        }
        const token = Symbol(name);
        registerCached(container, token, registration);
        expect(() => container.resolve(token), `${name} without ${missing}`).toThrow(TOKENS[missing].description);
      }
    }
  });

  it('gives a factory the tokens it lists and nothing else', () => {
    const container = buildContainer(containerParts());
    const token = Symbol('probe');
    const probe: Registration<Partial<Dependencies>> = { uses: ['clock', 'users'], build: (deps) => deps };
    registerCached(container, token, probe);
    expect(Object.keys(container.resolve(token)).sort()).toEqual(['clock', 'users']);
  });
});
