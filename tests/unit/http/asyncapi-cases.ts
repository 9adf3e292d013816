import type { ClientEventName } from '../../../src/adapters/http/asyncapi/event-doc-types.js';
import { MAX_CONTENT_LENGTH } from '../../../src/domain/message.js';

const ID = '665f1c30b9d3e4f5a6b7c8db';
const OTHER_ID = '665f1c2ab9d3e4f5a6b7c8da';

export interface InvalidCase {
  readonly payload: unknown;
  /** False when the codec lets it through and the use case refuses it (both answer VALIDATION_FAILED). */
  readonly codecRefuses: boolean;
}

export interface EventCases {
  /** Besides the catalog's example: payloads the schema accepts, which must decode. */
  readonly valid: readonly unknown[];
  /** Payloads the schema refuses, which the server must refuse with VALIDATION_FAILED. */
  readonly invalid: readonly InvalidCase[];
}

const conversationCases: EventCases = {
  valid: [{ conversationId: ID }],
  invalid: [
    { payload: {}, codecRefuses: true },
    { payload: { conversationId: 'not-an-id' }, codecRefuses: true },
    { payload: { conversationId: ID.toUpperCase() }, codecRefuses: true },
    { payload: { conversationId: 42 }, codecRefuses: true },
    { payload: 'just a string', codecRefuses: true },
  ],
};

/** Payload cases for every client event; the compiler makes a new event bring its own. */
export const CLIENT_EVENT_CASES: { readonly [E in ClientEventName]: EventCases } = {
  join_room: conversationCases,
  leave_room: conversationCases,
  typing_start: conversationCases,
  typing_stop: conversationCases,
  send_message: {
    valid: [
      { receiverId: OTHER_ID, content: 'hi' },
      { conversationId: ID, content: 'x'.repeat(MAX_CONTENT_LENGTH), clientMessageId: 'A_b-9' },
      { receiverId: OTHER_ID, content: '  padded  ', clientMessageId: 'x'.repeat(64) },
    ],
    invalid: [
      { payload: { receiverId: OTHER_ID }, codecRefuses: true },
      { payload: { receiverId: OTHER_ID, content: '' }, codecRefuses: true },
      { payload: { receiverId: OTHER_ID, content: '   ' }, codecRefuses: true },
      { payload: { receiverId: OTHER_ID, content: 'x'.repeat(MAX_CONTENT_LENGTH + 1) }, codecRefuses: true },
      { payload: { receiverId: OTHER_ID, content: 'hi', clientMessageId: 'has space' }, codecRefuses: true },
      { payload: { receiverId: OTHER_ID, content: 'hi', clientMessageId: 'x'.repeat(65) }, codecRefuses: true },
      { payload: { receiverId: 'bob', content: 'hi' }, codecRefuses: true },
      { payload: { content: 'to nobody' }, codecRefuses: false },
      { payload: { receiverId: OTHER_ID, conversationId: ID, content: 'to both' }, codecRefuses: false },
    ],
  },
  message_read: {
    valid: [{ messageId: ID }],
    invalid: [
      { payload: {}, codecRefuses: true },
      { payload: { messageId: 'nope' }, codecRefuses: true },
      { payload: null, codecRefuses: true },
    ],
  },
};
