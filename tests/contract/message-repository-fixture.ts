import { beforeEach } from 'vitest';
import type { Message, MessageDraft } from '../../src/domain/message.js';
import type { MessageRepository } from '../../src/ports/message-repository.js';
import { at, idSequence, T0 } from './contract-ids.js';

/** Each call gives an empty repository. */
export type MessageRepositoryFactory = () => Promise<MessageRepository>;

export const ALICE = 'aaaaaaaaaaaaaaaaaaaaaaaa';
export const BOB = 'bbbbbbbbbbbbbbbbbbbbbbbb';
export const CAROL = 'cccccccccccccccccccccccc';

export const idsOf = (messages: readonly Message[]): string[] => messages.map((message) => message.id);

/** What every case of the contract works with: before each, an empty repository and a conversation of its own. */
export interface MessageContractFixture {
  readonly repository: MessageRepository;
  readonly conversationId: string;
  nextId(): string;
  /** A message from Alice to Bob in the conversation, not yet stored. */
  aMessage(overrides?: Partial<MessageDraft>): MessageDraft;
  stored(overrides?: Partial<MessageDraft>): Promise<Message>;
  /** `count` messages, a second apart from T0. */
  storedMany(count: number, overrides?: Partial<MessageDraft>): Promise<Message[]>;
}

/** The fixture of the enclosing describe, renewed before each of its tests. */
export const messageContractFixture = (factory: MessageRepositoryFactory): MessageContractFixture => {
  let repository: MessageRepository;
  let nextId: () => string;
  let conversationId: string;

  beforeEach(async () => {
    repository = await factory();
    nextId = idSequence();
    conversationId = nextId();
  });

  const aMessage = (overrides: Partial<MessageDraft> = {}): MessageDraft => ({
    id: nextId(),
    conversationId,
    senderId: ALICE,
    receiverId: BOB,
    content: 'hello',
    messageType: 'text',
    clientMessageId: null,
    autoMessageId: null,
    createdAt: new Date(T0),
    deliveredAt: null,
    readAt: null,
    deletedAt: null,
    editedAt: null,
    ...overrides,
  });

  const stored = async (overrides: Partial<MessageDraft> = {}): Promise<Message> => {
    const result = await repository.insert(aMessage(overrides));
    if ('duplicate' in result) throw new Error(`unexpected duplicate ${result.duplicate}`);
    return result;
  };

  const storedMany = async (count: number, overrides: Partial<MessageDraft> = {}): Promise<Message[]> => {
    const messages: Message[] = [];
    for (let i = 0; i < count; i += 1)
      messages.push(await stored({ content: `m${i}`, createdAt: at(i), ...overrides }));
    return messages;
  };

  return {
    get repository() {
      return repository;
    },
    get conversationId() {
      return conversationId;
    },
    nextId: () => nextId(),
    aMessage,
    stored,
    storedMany,
  };
};
