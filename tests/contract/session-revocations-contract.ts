import { describe, expect, it } from 'vitest';
import type { SessionEndReason, SessionRevocations } from '../../src/ports/session-revocations.js';
import { eventually } from '../support/eventually.js';

/** Two processes' views of one deployment (the same one twice where there is a single process). */
export type SessionRevocationsFactory = (keepMs: number) => Promise<[SessionRevocations, SessionRevocations]>;

const listen = (revocations: SessionRevocations) => {
  const heard: Array<[readonly string[], SessionEndReason]> = [];
  revocations.onEnded((ids, reason) => heard.push([ids, reason]));
  return heard;
};

export const describeSessionRevocationsContract = (name: string, factory: SessionRevocationsFactory): void => {
  describe(`SessionRevocations contract: ${name}`, () => {
    it('ends a session on every process: each refuses it and tells its listeners once', async () => {
      const [here, there] = await factory(60_000);
      const heardHere = listen(here);
      const heardThere = here === there ? heardHere : listen(there);
      await here.end(['family-1', 'family-2'], 'logout');

      expect(here.isEnded('family-1')).toBe(true);
      await eventually(async () => expect(there.isEnded('family-2')).toBe(true));
      await eventually(async () => expect(heardThere).toEqual([[['family-1', 'family-2'], 'logout']]));
      expect(heardHere).toEqual([[['family-1', 'family-2'], 'logout']]);
      expect(here.isEnded('family-3')).toBe(false);
    });

    it('tells listeners only of sessions not known to have ended', async () => {
      const [here] = await factory(60_000);
      const heard = listen(here);
      here.remember(['old-1']);
      here.remember(['old-1', 'old-2']);
      await here.end(['old-2', 'new-1'], 'revoked');
      expect(heard).toEqual([
        [['old-1'], 'revoked'],
        [['old-2'], 'revoked'],
        [['new-1'], 'revoked'],
      ]);
    });

    it('forgets a session once no access token of it can be valid any more', async () => {
      const [here] = await factory(50);
      await here.end(['short'], 'logout');
      expect(here.isEnded('short')).toBe(true);
      await eventually(async () => expect(here.isEnded('short')).toBe(false));
    });
  });
};
