import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { forbidden, notFound, validation, type AppError } from '../../domain/errors.js';
import { conversationView } from '../../domain/conversation.js';
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
import type { MessagePosting, Posted } from './message-posting.js';

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

    const receiverId = await this.resolveReceiver(caller.userId, input);
    if (E.isLeft(receiverId)) return receiverId;
    const [sender, receiver, blocked] = await Promise.all([
      this.deps.users.findById(caller.userId),
      this.deps.users.findById(receiverId.right),
      this.deps.blocks.isBlocked(receiverId.right, caller.userId),
    ]);
    if (!receiver || !receiver.isActive) return fail(notFound('Receiver not found'));
    if (!sender) return fail(notFound('Sender not found'));
    if (blocked) return fail(forbidden('You cannot send messages to this user'));

    // A retry (same clientMessageId) gets its original, announced again: the run that stored it may have died first.
    const posted = await this.deps.posting.post(
      {
        sender: { id: sender.id, username: sender.username },
        receiverId: receiver.id,
        content: input.content,
        messageType: 'text',
        ...(input.clientMessageId ? { clientMessageId: input.clientMessageId } : {}),
      },
      answeredConnection,
    );
    return ok(this.view(posted));
  }

  private async resolveReceiver(
    senderId: string,
    input: { receiverId?: string; conversationId?: string },
  ): Promise<E.Either<AppError, string>> {
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
      return ok(input.receiverId);
    }
    if (input.conversationId) {
      const participants = await this.participantsOf(input.conversationId);
      const receiverId = participants?.find((id) => id !== senderId);
      if (!participants?.includes(senderId) || receiverId === undefined)
        return fail(notFound('Conversation not found'));
      return ok(receiverId);
    }
    return fail(validation('Validation failed', [{ field: 'receiverId', message: 'is required' }]));
  }

  private async participantsOf(conversationId: string): Promise<readonly string[] | undefined> {
    const { known, conversations } = this.deps;
    const remembered = known.participantsOf(conversationId);
    if (remembered) return remembered;
    const conversation = await conversations.findById(conversationId);
    if (conversation) known.remember(conversation);
    return conversation?.participants;
  }

  private view({ message, conversation, created, cursor }: Posted): SentMessage {
    return { message: messageView(message), conversation: conversationView(conversation), created, cursor };
  }
}
