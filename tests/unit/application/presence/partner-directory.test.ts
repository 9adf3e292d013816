import { describe, expect, it } from 'vitest';
import { ControllableClock } from '../../../../src/adapters/clock/controllable-clock.js';
import { ObjectIdGenerator } from '../../../../src/adapters/ids/object-id-generator.js';
import { InMemoryConversationRepository } from '../../../../src/adapters/memory/in-memory-conversation-repository.js';
import type { ConversationRepository } from '../../../../src/ports/conversation-repository.js';
import { PartnerDirectory } from '../../../../src/application/presence/partner-directory.js';
import { partnerLearningConversations } from '../../../../src/application/presence/partner-learning-conversations.js';

const TTL_MS = 30_000;

/** The shared database: counts its partner reads, and can hold the next one until told to answer. */
class Database extends InMemoryConversationRepository {
  reads = 0;
  private hold: { reached: () => void; released: Promise<void> } | undefined;

  /** The next partner read waits, once it has read, until `release`; `reached` resolves when it waits. */
  holdNextRead(): { reached: Promise<void>; release: () => void } {
    let release = (): void => undefined;
    let reached = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const waiting = new Promise<void>((resolve) => (reached = resolve));
    this.hold = { reached, released };
    return { reached: waiting, release };
  }

  override async listPartnerIds(userId: string): Promise<string[]> {
    this.reads += 1;
    const partners = await super.listPartnerIds(userId);
    const hold = this.hold;
    this.hold = undefined;
    if (hold) {
      hold.reached();
      await hold.released;
    }
    return partners;
  }
}

/** One process: its own directory, and the repository it creates conversations through. */
const processOn = (database: Database, clock: ControllableClock, maxUsers = 100) => {
  const partners = new PartnerDirectory({ conversations: database, clock }, { ttlMs: TTL_MS, maxUsers });
  return { partners, conversations: partnerLearningConversations(database, partners) };
};

const setUp = () => {
  const clock = new ControllableClock('2026-11-24T10:00:00.000Z');
  const ids = new ObjectIdGenerator();
  const database = new Database();
  const converse = (through: ConversationRepository, a: string, b: string) =>
    through.findOrCreate(a, b, ids.next(), clock.now());
  return { clock, database, converse };
};

describe('PartnerDirectory', () => {
  it('reads a user’s partners once within the lifetime, and again after it', async () => {
    const { clock, database, converse } = setUp();
    const one = processOn(database, clock);
    await converse(one.conversations, 'alice', 'bob');

    expect(await one.partners.partnersOf('alice')).toEqual(['bob']);
    clock.advance(TTL_MS - 1);
    expect(await one.partners.partnersOf('alice')).toEqual(['bob']);
    expect(database.reads).toBe(1);

    clock.advance(1);
    expect(await one.partners.partnersOf('alice')).toEqual(['bob']);
    expect(database.reads).toBe(2);
  });

  it('knows a conversation made in this process at once, and one made in another after the lifetime, or when read fresh', async () => {
    const { clock, database, converse } = setUp();
    const here = processOn(database, clock);
    const elsewhere = processOn(database, clock);
    expect(await here.partners.partnersOf('alice')).toEqual([]);
    expect(await elsewhere.partners.partnersOf('alice')).toEqual([]);

    await converse(here.conversations, 'carol', 'alice');
    expect(await here.partners.partnersOf('alice')).toEqual(['carol']);
    expect(await elsewhere.partners.partnersOf('alice')).toEqual([]);
    expect(await elsewhere.partners.freshPartnersOf('alice')).toEqual(['carol']);

    await converse(here.conversations, 'alice', 'dave');
    clock.advance(TTL_MS);
    expect((await elsewhere.partners.partnersOf('alice')).sort()).toEqual(['carol', 'dave']);
  });

  it('keeps a partner learned while a read is in flight', async () => {
    const { clock, database, converse } = setUp();
    const one = processOn(database, clock);
    const held = database.holdNextRead();
    const reading = one.partners.partnersOf('alice');
    await held.reached;
    await converse(one.conversations, 'alice', 'bob');
    held.release();

    expect(await reading).toEqual(['bob']);
    expect(await one.partners.partnersOf('alice')).toEqual(['bob']);
    expect(database.reads).toBe(1);
  });

  it('lets no read that started earlier replace what a later one found', async () => {
    const { clock, database, converse } = setUp();
    const one = processOn(database, clock);
    const held = database.holdNextRead();
    const early = one.partners.freshPartnersOf('alice');
    await held.reached;
    // Made by another process: only a read that starts after it finds it.
    await converse(database, 'alice', 'bob');
    expect(await one.partners.freshPartnersOf('alice')).toEqual(['bob']);
    held.release();
    expect(await early).toEqual([]);

    expect(await one.partners.partnersOf('alice')).toEqual(['bob']);
  });

  it('forgets the users read longest ago beyond its bound', async () => {
    const { clock, database } = setUp();
    const one = processOn(database, clock, 2);
    for (const user of ['u1', 'u2', 'u3']) await one.partners.partnersOf(user);
    expect(database.reads).toBe(3);

    await one.partners.partnersOf('u3');
    await one.partners.partnersOf('u2');
    expect(database.reads).toBe(3);
    await one.partners.partnersOf('u1');
    expect(database.reads).toBe(4);
  });

  it('passes every other repository call through', async () => {
    const { clock, database, converse } = setUp();
    const one = processOn(database, clock);
    const made = await converse(one.conversations, 'alice', 'bob');
    expect(await one.conversations.findById(made.id)).toEqual(made);
    expect(await one.conversations.listIdsForUser('bob')).toEqual([made.id]);
  });
});
