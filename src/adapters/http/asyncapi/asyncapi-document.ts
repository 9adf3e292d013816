import type { ServerEventName } from '../../../ports/realtime-events.js';
import { componentSchemas } from '../openapi/component-schemas.js';
import { object, type Schema } from '../openapi/schema-builders.js';
import { DOCS_PATH } from '../swagger-ui.js';
import { schemaOfCodec } from './codec-schema.js';
import { clientEvents } from './client-events.js';
import type { ClientEventDoc, ClientEventName, ServerEventDoc } from './event-doc-types.js';
import { serverEvents } from './server-events.js';
import { EVERY_EVENT_ERRORS, ackError } from './socket-error-codes.js';
import { referencedComponents, toJsonSchema } from './json-schema.js';
import { limitTable } from './limit-rows.js';
import type { RealtimeLimits } from './realtime-limits.js';

export const ASYNCAPI_PATH = `${DOCS_PATH}/asyncapi.json`;

/** An AsyncAPI 3.0 document as a plain JSON object. */
export type AsyncApiDocument = { readonly asyncapi: string } & Readonly<Record<string, unknown>>;

/** The keys of each event's messages and operations: the direction first, since `message_read` goes both ways. */
export const serverMessageKey = (event: string): string => `server.${event}`;
export const clientMessageKey = (event: string): string => `client.${event}`;
const ackKey = (messageKey: string): string => `${messageKey}.ack`;

/** Every event name, once: a channel per Socket.IO event. */
const eventNames = (): string[] => [...new Set([...Object.keys(serverEvents), ...Object.keys(clientEvents)])].sort();

const clientPayload = (doc: ClientEventDoc<ClientEventName>): Schema => ({
  ...schemaOfCodec(doc.codec, doc.fieldDescriptions),
  ...doc.payloadRules,
});

/** `{ok: true, ...data}` or `{ok: false, error}` with the codes this event can fail with. */
export const ackSchema = (doc: ClientEventDoc<ClientEventName>): Schema => ({
  oneOf: [
    object({ ok: { type: 'boolean', enum: [true] }, ...doc.ack.data }),
    object({
      ok: { type: 'boolean', enum: [false] },
      error: ackError([...doc.errors, ...EVERY_EVENT_ERRORS]),
    }),
  ],
});

/** The payload schema of a client event, as documented (derived from its codec). */
export const clientPayloadSchema = (event: ClientEventName): Schema =>
  clientPayload(clientEvents[event] as ClientEventDoc<ClientEventName>);

const message = (
  name: string,
  title: string,
  summary: string,
  payload: Schema,
  example: unknown,
  description?: string,
) => ({
  name,
  title,
  summary,
  ...(description === undefined ? {} : { description }),
  contentType: 'application/json',
  payload: toJsonSchema(payload),
  examples: [{ name: 'example', payload: example }],
});

const DESCRIPTION = (
  limits: RealtimeLimits,
): string => `Socket.IO events of the chat backend, on the same origin as the REST API (OpenAPI: \`${DOCS_PATH}/openapi.json\`).

Each channel is one Socket.IO event name on the default namespace \`/\`. Operations are written from the server's side: \`send\` is an event the server emits to clients, \`receive\` one that clients emit to the server; a \`reply\` is the Socket.IO acknowledgement of that emit.

## Handshake

Connect with the \`accessToken\` of \`POST /api/auth/login\`, \`/register\` or \`/refresh\`: \`io(origin, { auth: { token } })\`, or an \`Authorization: Bearer <token>\` header. A refused connection gets \`connect_error\`, with the reason in \`err.message\` and the code in \`err.data.code\`; Socket.IO clients do not retry a refused handshake by themselves:

${[
  '| `err.message` | `err.data.code` | what to do |',
  '|---|---|---|',
  '| `unauthorized` | `UNAUTHORIZED` | the token is missing, invalid or expired, or its session ended: refresh it (`POST /api/auth/refresh`) and connect again; log in again when the refresh fails |',
  '| `too_many_connections` | `RATE_LIMITED` | the user has `SOCKETS_PER_USER` sockets open: close one |',
  '| `server shutting down` | `SERVICE_UNAVAILABLE` | connect again after a pause |',
  '| `A required service is unavailable; try again shortly` | `SERVICE_UNAVAILABLE` | connect again with backoff |',
  '| `Internal error` | `INTERNAL` | connect again with backoff |',
].join('\n')}

A connected socket is disconnected by the server when its access token expires (after \`error {code: "UNAUTHORIZED", message: "token expired"}\`) and when its session ends (after \`session_ended\`). Socket.IO clients do not reconnect after a disconnect by the server: refresh the token and call \`connect()\` (after \`session_ended\`, log in again).

## Acknowledgements and errors

Every client event takes an optional ack callback, answered \`{ok: true, ...data}\` or \`{ok: false, error: {code, message}}\`. Without a callback a failure arrives as an \`error\` event instead. Codes: \`VALIDATION_FAILED\` and \`NOT_FOUND\` and \`FORBIDDEN\` (fix the request; retrying will not help), \`RATE_LIMITED\` (wait for the next window), \`SERVICE_UNAVAILABLE\` and \`INTERNAL\` (retry with backoff). \`message_received\` asks the client for an ack: call it to confirm delivery.

## Limits

${limitTable(limits)}

## Positions, catch-up and retries

Every message carries \`seq\`, its position in its conversation: 1, 2, 3, … with no hole and no reuse, whichever server process stored it. Keep the last position seen per conversation. A jump (a \`seq\` more than one past the last), any reconnect, and \`resync\` mean: fetch \`GET /api/conversations/{conversationId}/messages?after=<last seq>\` (repeat with the last \`seq\` of each page while \`hasMore\`), and \`GET /api/conversations\` for conversations whose \`lastMessage.seq\` is past yours or that you do not know yet. Events and fetched pages can carry the same message: deduplicate by \`id\`.

Give every send a \`clientMessageId\` and keep it until an ack with \`ok: true\` (or a 2xx from \`POST /api/messages/send\`) arrives; on a timeout, a disconnect, \`RATE_LIMITED\`, \`SERVICE_UNAVAILABLE\` or \`INTERNAL\`, send again with the same \`clientMessageId\`, over the socket or REST: the server stores the message once and answers every retry with it.`;

/** The AsyncAPI 3.0 document of the Socket.IO API, from the event catalog and the deployment's limits. */
export const asyncApiDocument = (limits: RealtimeLimits): AsyncApiDocument => {
  const messages: Record<string, unknown> = {};
  const channels: Record<string, { address: string; title: string; messages: Record<string, { $ref: string }> }> = {};
  const operations: Record<string, unknown> = {};
  for (const event of eventNames()) channels[event] = { address: event, title: event, messages: {} };

  const addMessage = (event: string, key: string, body: unknown): { $ref: string } => {
    messages[key] = body;
    channels[event]!.messages[key] = { $ref: `#/components/messages/${key}` };
    return { $ref: `#/channels/${event}/messages/${key}` };
  };
  const channel = (event: string) => ({ $ref: `#/channels/${event}` });

  for (const [event, doc] of Object.entries(serverEvents) as Array<
    [ServerEventName, ServerEventDoc<ServerEventName>]
  >) {
    const key = serverMessageKey(event);
    const sent = addMessage(event, key, message(event, event, doc.summary, doc.payload, doc.example, doc.description));
    const reply = doc.reply
      ? addMessage(
          event,
          ackKey(clientMessageKey(event)),
          message(`${event} ack`, `${event} acknowledgement`, doc.reply.summary, doc.reply.payload, doc.reply.example),
        )
      : undefined;
    operations[key] = {
      action: 'send',
      channel: channel(event),
      title: `Server emits ${event}`,
      summary: doc.summary,
      description: `**Who receives it:** ${doc.recipients}.\n\n${doc.description}`,
      messages: [sent],
      ...(reply ? { reply: { channel: channel(event), messages: [reply] } } : {}),
    };
  }

  for (const [event, doc] of Object.entries(clientEvents) as Array<
    [ClientEventName, ClientEventDoc<ClientEventName>]
  >) {
    const key = clientMessageKey(event);
    const received = addMessage(event, key, message(event, event, doc.summary, clientPayload(doc), doc.example));
    const ack = addMessage(
      event,
      ackKey(serverMessageKey(event)),
      message(`${event} ack`, `${event} acknowledgement`, `The answer to ${event}`, ackSchema(doc), doc.ack.example),
    );
    const errors = [...doc.errors, ...EVERY_EVENT_ERRORS].map((code) => `\`${code}\``).join(', ');
    operations[key] = {
      action: 'receive',
      channel: channel(event),
      title: `Client emits ${event}`,
      summary: doc.summary,
      description: `${doc.description}\n\n**Errors:** ${errors}.`,
      messages: [received],
      reply: { channel: channel(event), messages: [ack] },
    };
  }

  // Messages and conversations in events are the REST shapes: the OpenAPI components, and only those used.
  const schemas = Object.fromEntries(
    referencedComponents([messages], componentSchemas).map((name) => [name, toJsonSchema(componentSchemas[name]!)]),
  );

  return {
    asyncapi: '3.0.0',
    id: 'urn:chat-backend:realtime',
    info: { title: 'Chat backend realtime API', version: '1.0.0', description: DESCRIPTION(limits) },
    defaultContentType: 'application/json',
    servers: {
      api: {
        host: '{host}',
        protocol: 'ws',
        pathname: '/socket.io',
        title: 'The REST API’s origin',
        summary: 'Socket.IO 4 over WebSocket (or HTTP long-polling), at the origin of the REST API',
        description:
          'The Socket.IO protocol (revision 5, Engine.IO 4), not bare WebSocket: use a Socket.IO client, e.g. `io("http://localhost:3000", { auth: { token } })`. Use `wss` (an `https` origin) wherever TLS ends in front of the server.',
        variables: { host: { default: 'localhost:3000', description: 'The host and port of the REST API' } },
        security: [{ $ref: '#/components/securitySchemes/accessToken' }],
      },
    },
    channels,
    operations,
    components: {
      schemas,
      messages,
      securitySchemes: {
        accessToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The access token of `POST /api/auth/login` (or `/register`, `/refresh`), in the handshake as `auth.token` (bare or `Bearer <token>`), or as an `Authorization: Bearer <token>` header.',
        },
      },
    },
  };
};
