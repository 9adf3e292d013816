import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { forbidden, notFound, validation, type AppError } from '../../domain/errors.js';
import { conversationView, type Conversation } from '../../domain/conversation.js';
import { messageView } from '../../domain/message.js';
import type { BlockRepository } from '../../ports/block-repository.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { MessageEventPayload } from '../../ports/realtime-events.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { ClientMessageId, Content, IdString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { KnownConversations } from '../conversations/known-conversations.js';
import type { RecentUsers } from '../users/recent-users.js';
import type { Destination, MessagePosting, Posted } from './message-posting.js';

export const SendMessageInput = t.exact(
  t.intersection([
    t.type({ content: Content }),
    t.partial({ receiverId: IdString, conversationId: IdString, clientMessageId: ClientMessageId }),
  ]),
);

export interface SentMessage extends MessageEventPayload {
  /** False when `clientMessageId` matched an earlier message, which is returned instead. */
  readonly created: boolean;
}

/** Sends a text message to a user (`receiverId`) or into a conversation (`conversationId`). */
export class SendMessage {
  constructor(
    private readonly deps: {
      /** Both users of a send, read at most a few seconds ago. */
      users: RecentUsers;
      conversations: ConversationRepository;
      known: KnownConversations;
      blocks: BlockRepository;
      posting: MessagePosting;
    },
  ) {}

  /**
   * `answeredConnection`: the caller's connection that gets the result in its
   * reply (a socket that sent with an ack callback), so no `message_sent` too.
   */
  async execute(caller: AccessClaims, raw: unknown, answeredConnection?: string): Result<SentMessage> {
    const decoded = decodeInput(SendMessageInput, raw);
    if (E.isLeft(decoded)) return decoded;
    const input = decoded.right;

    const target = await this.resolveTarget(caller.userId, input);
    if (E.isLeft(target)) return target;
    const [destination, sender] = await Promise.all([
      'group' in target.right ? E.right(target.right) : this.directTo(caller, target.right),
      this.deps.users.findById(caller.userId),
    ]);
    if (E.isLeft(destination)) return destination;
    if (!sender) return fail(notFound('Sender not found'));

    // A retry (same clientMessageId) gets its original, announced again: the run that stored it may have died first.
    const posted = await this.deps.posting.post(
      {
        ...destination.right,
        sender: { id: sender.id, username: sender.username },
        content: input.content,
        messageType: 'text',
        ...(input.clientMessageId ? { clientMessageId: input.clientMessageId } : {}),
      },
      answeredConnection,
    );
    return ok(this.view(posted));
  }

  /** A direct send: to an active user who does not block the sender. */
  private async directTo(
    caller: AccessClaims,
    { receiverId }: { receiverId: string },
  ): Promise<E.Either<AppError, Destination>> {
    const [receiver, blocked] = await Promise.all([
      this.deps.users.findById(receiverId),
      this.deps.blocks.isBlocked(receiverId, caller.userId),
    ]);
    if (!receiver || !receiver.isActive) return fail(notFound('Receiver not found'));
    if (blocked) return fail(forbidden('You cannot send messages to this user'));
    return ok({ receiverId: receiver.id });
  }

  private async resolveTarget(
    senderId: string,
    input: { receiverId?: string; conversationId?: string },
  ): Promise<E.Either<AppError, Destination>> {
    if (input.receiverId && input.conversationId) {
      return fail(
        validation('Give receiverId or conversationId, not both', [
          { field: 'conversationId', message: 'give only one target' },
        ]),
      );
    }
    if (input.receiverId) {
      if (input.receiverId === senderId) {
        return fail(
          validation('You cannot send a message to yourself', [
            { field: 'receiverId', message: 'must be another user' },
          ]),
        );
      }
      return ok({ receiverId: input.receiverId });
    }
    if (input.conversationId) {
      const conversation = await this.conversationOf(input.conversationId);
      if (!conversation?.participants.includes(senderId)) return fail(notFound('Conversation not found'));
      if ('id' in conversation && conversation.kind === 'group') return ok({ group: conversation });
      return ok({ receiverId: conversation.participants.find((id) => id !== senderId) ?? senderId });
    }
    return fail(validation('Validation failed', [{ field: 'receiverId', message: 'is required' }]));
  }

  /** A direct conversation this process knows needs no read: its participants never change. A group is read each time. */
  private async conversationOf(
    conversationId: string,
  ): Promise<{ kind: 'direct'; participants: readonly string[] } | Conversation | null> {
    const { known, conversations } = this.deps;
    const remembered = known.participantsOf(conversationId);
    if (remembered) return { kind: 'direct', participants: remembered };
    const conversation = await conversations.findById(conversationId);
    if (conversation) known.remember(conversation);
    return conversation;
  }

  private view({ message, conversation, created, cursor }: Posted): SentMessage {
    return { message: messageView(message), conversation: conversationView(conversation), created, cursor };
  }
}
