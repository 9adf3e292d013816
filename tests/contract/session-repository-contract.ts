import { beforeEach, describe, expect, it } from 'vitest';
import type { RefreshSession } from '../../src/domain/session.js';
import type { SessionRepository } from '../../src/ports/session-repository.js';
import { at, idSequence, T0 } from './contract-ids.js';

/** Each call gives an empty repository. */
export type SessionRepositoryFactory = () => Promise<SessionRepository>;

const HOUR = 3_600;

export const describeSessionRepositoryContract = (
  implementationName: string,
  factory: SessionRepositoryFactory,
): void => {
  describe(`SessionRepository contract: ${implementationName}`, () => {
    let repository: SessionRepository;
    let nextId: () => string;

    beforeEach(async () => {
      repository = await factory();
      nextId = idSequence();
    });

    const aSession = (overrides: Partial<RefreshSession> = {}): RefreshSession => {
      const id = nextId();
      return {
        id,
        userId: 'user-1',
        familyId: 'family-1',
        tokenHash: `hash-${id}`,
        createdAt: new Date(T0),
        expiresAt: at(HOUR),
        rotatedAt: null,
        revokedAt: null,
        ...overrides,
      };
    };

    const stored = async (overrides: Partial<RefreshSession> = {}): Promise<RefreshSession> => {
      const session = aSession(overrides);
      await repository.insert(session);
      return session;
    };

    it('stores a session and finds it by token hash', async () => {
      const session = await stored();
      expect(await repository.findByTokenHash(session.tokenHash)).toEqual(session);
      expect(await repository.findByTokenHash('unknown')).toBeNull();
    });

    it('claims a live token once: returns it as it was, and marks it rotated', async () => {
      const session = await stored();

      expect(await repository.claimForRotation(session.tokenHash, at(10))).toEqual(session);
      expect(await repository.findByTokenHash(session.tokenHash)).toEqual({ ...session, rotatedAt: at(10) });
      expect(await repository.claimForRotation(session.tokenHash, at(11))).toBeNull();
      expect(await repository.findByTokenHash(session.tokenHash)).toEqual({ ...session, rotatedAt: at(10) });
    });

    it('does not claim an unknown, revoked or expired token (expiry checked at `now`, exclusive)', async () => {
      const revoked = await stored({ revokedAt: at(1) });
      const expiring = await stored({ expiresAt: at(100) });

      expect(await repository.claimForRotation('unknown', at(2))).toBeNull();
      expect(await repository.claimForRotation(revoked.tokenHash, at(2))).toBeNull();
      expect(await repository.claimForRotation(expiring.tokenHash, at(100))).toBeNull();
      expect(await repository.claimForRotation(expiring.tokenHash, at(101))).toBeNull();
      expect((await repository.findByTokenHash(expiring.tokenHash))?.rotatedAt).toBeNull();
      expect(await repository.claimForRotation(expiring.tokenHash, at(99))).not.toBeNull();
    });

    it('lets exactly one of several concurrent claims of one token win', async () => {
      const session = await stored();
      const claims = await Promise.all(
        Array.from({ length: 5 }, () => repository.claimForRotation(session.tokenHash, at(10))),
      );
      expect(claims.filter((claim) => claim !== null)).toEqual([session]);
    });

    it('revokes a whole family, keeping the first revocation time, and nothing else', async () => {
      const first = await stored({ familyId: 'family-1', rotatedAt: at(5) });
      const second = await stored({ familyId: 'family-1' });
      const earlier = await stored({ familyId: 'family-1', revokedAt: at(1) });
      const other = await stored({ familyId: 'family-2' });

      await repository.revokeFamily('family-1', at(10));

      expect(await repository.findByTokenHash(first.tokenHash)).toEqual({ ...first, revokedAt: at(10) });
      expect(await repository.findByTokenHash(second.tokenHash)).toEqual({ ...second, revokedAt: at(10) });
      expect(await repository.findByTokenHash(earlier.tokenHash)).toEqual(earlier);
      expect(await repository.findByTokenHash(other.tokenHash)).toEqual(other);
      expect(await repository.claimForRotation(second.tokenHash, at(11))).toBeNull();
    });

    it('revokes every session of a user and nobody else', async () => {
      const mine = [await stored({ familyId: 'a' }), await stored({ familyId: 'b' })];
      const theirs = await stored({ userId: 'user-2', familyId: 'c' });

      await repository.revokeAllForUser('user-1', at(10));

      for (const session of mine) {
        expect((await repository.findByTokenHash(session.tokenHash))?.revokedAt).toEqual(at(10));
      }
      expect(await repository.findByTokenHash(theirs.tokenHash)).toEqual(theirs);
      expect(await repository.isFamilyActive('a', at(11))).toBe(false);
      expect(await repository.isFamilyActive('c', at(11))).toBe(true);
    });

    it('knows a family is active while it has a live token', async () => {
      expect(await repository.isFamilyActive('family-1', T0)).toBe(false);
      const first = await stored({ expiresAt: at(100) });
      expect(await repository.isFamilyActive('family-1', at(1))).toBe(true);

      await repository.claimForRotation(first.tokenHash, at(2));
      expect(await repository.isFamilyActive('family-1', at(2))).toBe(false);

      await stored({ expiresAt: at(200) });
      expect(await repository.isFamilyActive('family-1', at(3))).toBe(true);
      expect(await repository.isFamilyActive('family-1', at(200))).toBe(false);

      await repository.revokeFamily('family-1', at(4));
      expect(await repository.isFamilyActive('family-1', at(5))).toBe(false);
    });

    it('hands out copies: changing what it returned or was given does not change what it stores', async () => {
      const session = aSession();
      await repository.insert(session);
      (session.expiresAt as Date).setTime(0);
      const found = await repository.findByTokenHash(session.tokenHash);
      (found?.createdAt as Date).setTime(0);

      expect(await repository.findByTokenHash(session.tokenHash)).toMatchObject({ createdAt: T0, expiresAt: at(HOUR) });
    });
  });
};
