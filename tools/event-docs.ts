import * as E from 'fp-ts/lib/Either.js';
import { ackSchema, clientPayloadSchema } from '../src/adapters/http/asyncapi/asyncapi-document.js';
import { clientEvents } from '../src/adapters/http/asyncapi/client-events.js';
import type { ClientEventDoc, ClientEventName, ServerEventDoc } from '../src/adapters/http/asyncapi/event-doc-types.js';
import { serverEvents } from '../src/adapters/http/asyncapi/server-events.js';
import { limitTable, markdownTable } from '../src/adapters/http/asyncapi/limit-rows.js';
import type { RealtimeLimits } from '../src/adapters/http/asyncapi/realtime-limits.js';
import type { Schema } from '../src/adapters/http/openapi/schema-builders.js';
import { DEFAULT_MAX_PAYLOAD_BYTES } from '../src/adapters/realtime/create-socket-server.js';
import { decodeConfig } from '../src/bootstrap/config.js';
import { realtimeLimitsOf } from '../src/bootstrap/realtime-limits.js';
import type { ServerEventName } from '../src/ports/realtime-events.js';

const code = (text: string): string => `\`${text}\``;

/** A payload schema as a short shape: `{message: Message, conversation: Conversation}`, `{reason: logout/revoked}`. */
const shape = (schema: Schema): string => {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties === undefined) return 'any value';
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const fields = Object.entries(properties).map(([name, property]) => {
    const label = required.has(name) ? name : `${name}?`;
    const ref = typeof property.$ref === 'string' ? property.$ref.split('/').pop() : undefined;
    if (ref !== undefined) return `${label}: ${ref}`;
    // Short enums are the payload's meaning (a reason); long ones (error codes) are listed elsewhere.
    if (Array.isArray(property.enum) && property.enum.length <= 3) return `${label}: ${property.enum.join('/')}`;
    return label;
  });
  return `{${fields.join(', ')}}`;
};

/** A payload cell: its shape, and which fields it needs exactly one of. */
const payloadCell = (schema: Schema): string => {
  const exactlyOne = (schema.oneOf as Schema[] | undefined)?.flatMap((branch) => (branch.required as string[]) ?? []);
  return code(shape(schema)) + (exactlyOne ? ` (exactly one of ${exactlyOne.map(code).join(', ')})` : '');
};

/** The success of a client event's ack, with the codes of its own failures. */
const ackCell = (doc: ClientEventDoc<ClientEventName>): string =>
  `${code(shape((ackSchema(doc).oneOf as Schema[])[0]!))}; ${doc.errors.map(code).join(', ')}`;

const clientRows = (Object.entries(clientEvents) as Array<[ClientEventName, ClientEventDoc<ClientEventName>]>).map(
  ([event, doc]) => [
    code(event),
    'client → server',
    doc.summary,
    payloadCell(clientPayloadSchema(event)),
    ackCell(doc),
    'the server',
  ],
);

const serverRows = (Object.entries(serverEvents) as Array<[ServerEventName, ServerEventDoc<ServerEventName>]>).map(
  ([event, doc]) => [
    code(event),
    'server → client',
    doc.summary,
    payloadCell(doc.payload),
    doc.reply ? `the client acks: ${doc.reply.summary}` : '—',
    doc.recipients,
  ],
);

/** The README's table of every Socket.IO event, from the catalog the AsyncAPI document is made of. */
export const renderEventTable = (): string =>
  markdownTable(
    ['event', 'direction', 'what', 'payload', 'ack (success; own error codes)', 'who receives it'],
    [...clientRows, ...serverRows],
  );

/** The limits with the default configuration. */
export const defaultRealtimeLimits = (): RealtimeLimits => {
  const config = decodeConfig({});
  if (E.isLeft(config)) throw new Error(config.left.join('; '));
  return realtimeLimitsOf(config.right, DEFAULT_MAX_PAYLOAD_BYTES);
};

export const renderLimitTable = (): string => limitTable(defaultRealtimeLimits());

/** Replaces the table that has the same header line as `table` (up to the next blank line) with it. */
export const replaceTable = (markdown: string, table: string): string => {
  const header = table.slice(0, table.indexOf('\n'));
  const start = markdown.indexOf(header);
  const end = markdown.indexOf('\n\n', start);
  if (start < 0 || end < 0) throw new Error(`README.md has no table headed ${header}`);
  return `${markdown.slice(0, start)}${table}${markdown.slice(end)}`;
};
