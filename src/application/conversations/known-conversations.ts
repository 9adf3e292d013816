import { participantKeyOf, type Conversation } from '../../domain/conversation.js';

/** How many conversations a process remembers; the oldest remembered go first. */
const REMEMBERED_CONVERSATIONS = 20_000;

type Participants = Conversation['participants'];

/**
 * Which direct conversation a pair has, and who is in it, as this
 * process has seen them. A direct conversation's id and participants never
 * change once it exists, so what is remembered is never stale, only perhaps
 * forgotten; a send to someone already talked with loads no conversation.
 */
export class KnownConversations {
  private readonly idByPair = new Map<string, string>();
  private readonly participantsById = new Map<string, Participants>();

  idOf(participantA: string, participantB: string): string | undefined {
    return this.idByPair.get(participantKeyOf(participantA, participantB));
  }

  participantsOf(conversationId: string): Participants | undefined {
    return this.participantsById.get(conversationId);
  }

  /** Only direct conversations: a group's members change, so they are read at each use. */
  remember({ id, kind, participants }: Pick<Conversation, 'id' | 'kind' | 'participants'>): void {
    if (kind !== 'direct' || this.participantsById.has(id)) return;
    this.participantsById.set(id, participants);
    this.idByPair.set(participantKeyOf(participants[0]!, participants[1]!), id);
    if (this.participantsById.size > REMEMBERED_CONVERSATIONS) this.forgetOldest();
  }

  private forgetOldest(): void {
    const oldest = this.participantsById.entries().next().value;
    if (!oldest) return;
    const [id, participants] = oldest;
    this.participantsById.delete(id);
    this.idByPair.delete(participantKeyOf(participants[0]!, participants[1]!));
  }
}
