import type { ValidateFunction } from 'ajv';
import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document.js';
import type { ServerEventName } from '../../../src/ports/realtime-events.js';
import { createAjv } from '../../unit/http/openapi-response-validator.js';

const component = (name: string) => ({ $ref: `openapi-components#/$defs/${name}` });
const id = { type: 'string', pattern: '^[0-9a-f]{24}$' };
const dateTime = { type: 'string', format: 'date-time' };
const text = { type: 'string' };
const closed = (properties: Record<string, object>) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

/** Messages and conversations in socket payloads are the REST shapes: the OpenAPI components. */
const cursor = { type: 'string', pattern: '^[0-9a-f]{24}:[1-9][0-9]*$' };
const messagePayload = closed({ message: component('Message'), conversation: component('Conversation'), cursor });

const SCHEMAS: Record<ServerEventName, object> = {
  message_received: messagePayload,
  message_sent: messagePayload,
  message_delivered: closed({ messageId: id, conversationId: id, deliveredAt: dateTime, userId: id, cursor }),
  message_read: closed({ messageId: id, conversationId: id, readerId: id, readAt: dateTime, cursor }),
  message_deleted: closed({ messageId: id, conversationId: id, cursor }),
  message_edited: closed({ message: component('Message'), cursor }),
  message_reaction: closed({
    messageId: id,
    conversationId: id,
    emoji: text,
    userId: id,
    added: { type: 'boolean' },
    cursor,
  }),
  new_message_notification: closed({ conversationId: id, senderId: id, senderUsername: text, preview: text }),
  user_online: closed({ userId: id, username: text, timestamp: dateTime }),
  user_offline: closed({ userId: id, lastSeen: dateTime }),
  user_typing: closed({ conversationId: id, userId: id, isTyping: { type: 'boolean' } }),
  session_ended: closed({ reason: { type: 'string', enum: ['logout', 'revoked', 'credentials_changed'] } }),
  resync: closed({ reason: { type: 'string', enum: ['fan_out_restored'] } }),
  error: closed({ code: text, message: text }),
  conversation_created: closed({ conversation: component('Conversation'), cursor }),
  conversation_updated: closed({ conversation: component('Conversation'), cursor }),
  member_added: closed({
    conversationId: id,
    userId: id,
    addedBy: id,
    conversation: component('Conversation'),
    cursor,
  }),
  member_removed: closed({ conversationId: id, userId: id, removedBy: id, cursor }),
};

const ajv = createAjv(openApiDocument);
const compiled = new Map<string, ValidateFunction>();

/** Why a server event's payload breaks its documented shape, or null when it conforms. */
export const eventPayloadProblems = (event: string, payload: unknown): string | null => {
  const schema = SCHEMAS[event as ServerEventName];
  if (!schema) return `unknown server event ${event}`;
  let validate = compiled.get(event);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(event, validate);
  }
  return validate(payload) ? null : JSON.stringify(validate.errors);
};
