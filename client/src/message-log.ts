import { mergeMessage } from './chat-message.js';
import type { ChatMessage, MessageView } from './public-types.js';

export type PutResult = { readonly message: ChatMessage; readonly change: 'added' | 'changed' | 'unchanged' };

/**
 * The stored messages of one conversation, by id and by position. `floor` is
 * the position up to which history is deliberately not held (older pages not
 * loaded); `contiguous` is the highest position held with nothing missing
 * above the floor: a catch-up asks for what comes after it. Positions up to
 * `start` do not exist for this reader (a group member sees only what came
 * after joining), so nothing is missing there.
 */
export class MessageLog {
  private readonly byId = new Map<string, ChatMessage>();
  private readonly idBySeq = new Map<number, string>();
  private floorSeq: number;
  private contiguousSeq: number;
  private highestSeq = 0;
  private startSeq = 0;
  private sorted: ChatMessage[] | null = null;

  constructor(
    readonly conversationId: string,
    private readonly toChatMessage: (view: MessageView) => ChatMessage,
    floor: number,
  ) {
    this.floorSeq = floor;
    this.contiguousSeq = floor;
  }

  get floor(): number {
    return this.floorSeq;
  }

  get start(): number {
    return this.startSeq;
  }

  get contiguous(): number {
    return this.contiguousSeq;
  }

  /** Positions above `contiguous` are held: something in between is missing. */
  get hasHole(): boolean {
    return this.highestSeq > this.contiguousSeq;
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): ChatMessage | undefined {
    return this.byId.get(id);
  }

  /** Adds a message or merges a new sighting of one held (same id). */
  put(view: MessageView, reactionsCurrent = false): PutResult {
    const held = this.byId.get(view.id);
    if (held) {
      const merged = mergeMessage(held, view, reactionsCurrent);
      if (merged === held) return { message: held, change: 'unchanged' };
      this.replace(merged);
      return { message: merged, change: 'changed' };
    }
    const message = this.toChatMessage(view);
    this.byId.set(message.id, message);
    this.idBySeq.set(message.seq, message.id);
    this.highestSeq = Math.max(this.highestSeq, message.seq);
    this.sorted = null;
    this.advance();
    return { message, change: 'added' };
  }

  /** Replaces a held message by a changed copy of itself. */
  replace(message: ChatMessage): void {
    this.byId.set(message.id, message);
    this.sorted = null;
  }

  /** Older history down to `seq` + 1 is now held (a page was loaded below the floor). */
  lowerFloor(seq: number): void {
    if (seq >= this.floorSeq) return;
    this.floorSeq = seq <= this.startSeq ? 0 : seq;
    this.contiguousSeq = Math.max(this.floorSeq, this.startSeq);
    this.advance();
  }

  /** The oldest page is held; it begins at `firstSeq` (undefined: it is empty). */
  reachedStart(firstSeq: number | undefined): void {
    this.lowerFloor(0);
    if (firstSeq !== undefined) this.startsAfter(firstSeq - 1);
  }

  /** Positions up to `seq` do not exist for this reader: the server's history begins after them. */
  startsAfter(seq: number): void {
    if (seq <= this.startSeq) return;
    this.startSeq = seq;
    if (this.floorSeq <= seq) this.floorSeq = 0;
    this.contiguousSeq = Math.max(this.contiguousSeq, seq);
    this.advance();
  }

  /** Held messages by position. */
  list(): readonly ChatMessage[] {
    this.sorted ??= [...this.byId.values()].sort((a, b) => a.seq - b.seq);
    return this.sorted;
  }

  private advance(): void {
    while (this.idBySeq.has(this.contiguousSeq + 1)) this.contiguousSeq += 1;
  }
}
