/** What the chaos clients read of a message, from an event, an ack or a history page. */
export interface WireMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly senderId: string;
  readonly receiverId: string;
  readonly clientMessageId: string | null;
  /** Position in the conversation: 1, 2, 3, … */
  readonly seq: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The message in a payload, or a description of what is wrong with it (a careful client trusts no shape). */
export const readWireMessage = (value: unknown): WireMessage | string => {
  if (!isRecord(value)) return `not a message: ${JSON.stringify(value)}`;
  const { id, conversationId, senderId, receiverId, clientMessageId, seq } = value;
  if (typeof id !== 'string' || typeof conversationId !== 'string')
    return `message without ids: ${JSON.stringify(value)}`;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1)
    return `message ${id} has no position (seq: ${String(seq)})`;
  return {
    id,
    conversationId,
    senderId: String(senderId),
    receiverId: String(receiverId),
    clientMessageId: typeof clientMessageId === 'string' ? clientMessageId : null,
    seq,
  };
};
