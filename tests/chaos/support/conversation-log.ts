import type { WireMessage } from './wire-message.js';

/** What one client has of one conversation: message ids by position, and how far it holds them without a hole. */
export class ConversationLog {
  private readonly idsBySeq = new Map<number, string>();
  private readonly seqsById = new Map<string, number>();
  private contiguousSeq = 0;

  constructor(
    readonly conversationId: string,
    /** Where a contradiction goes (two ids at one position): the suite fails on any. */
    private readonly report: (problem: string) => void,
  ) {}

  /** The highest position p such that 1..p are all held. */
  get contiguous(): number {
    return this.contiguousSeq;
  }

  /** Records a message; true when it lies beyond a hole (the client missed something). */
  add(message: WireMessage): boolean {
    const held = this.idsBySeq.get(message.seq);
    const heldAt = this.seqsById.get(message.id);
    if (held !== undefined && held !== message.id) {
      this.report(`conversation ${this.conversationId} position ${message.seq}: ${held} and ${message.id}`);
    }
    if (heldAt !== undefined && heldAt !== message.seq) {
      this.report(
        `conversation ${this.conversationId} message ${message.id} at positions ${heldAt} and ${message.seq}`,
      );
    }
    if (held === undefined && heldAt === undefined) {
      this.idsBySeq.set(message.seq, message.id);
      this.seqsById.set(message.id, message.seq);
    }
    while (this.idsBySeq.has(this.contiguousSeq + 1)) this.contiguousSeq += 1;
    return message.seq > this.contiguousSeq + 1;
  }

  /** [seq, id] pairs, by position. */
  entries(): Array<[number, string]> {
    return [...this.idsBySeq.entries()].sort((a, b) => a[0] - b[0]);
  }
}
