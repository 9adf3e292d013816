import type * as t from 'io-ts';
import type { ClientToServerEvents, ServerEventName, ServerEventPayload } from '../../../ports/realtime-events.js';
import type { Schema } from '../openapi/schema-builders.js';
import type { AckErrorCode } from './socket-error-codes.js';

export type ClientEventName = keyof ClientToServerEvents;
export type ClientEventPayload<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];
/** What the server's ack carries when the event succeeded (`ok: true` and the data). */
export type AckSuccess<E extends ClientEventName> = Extract<
  Parameters<NonNullable<Parameters<ClientToServerEvents[E]>[1]>>[0],
  { ok: true }
>;

/** An event the server emits. */
export interface ServerEventDoc<E extends ServerEventName> {
  readonly summary: string;
  readonly description: string;
  /** Which sockets get it. */
  readonly recipients: string;
  readonly payload: Schema;
  readonly example: ServerEventPayload<E>;
  /** The acknowledgement the server asks the client for, when it asks for one. */
  readonly reply?: { readonly summary: string; readonly payload: Schema; readonly example: unknown };
}

/** An event a client emits, with an optional ack callback. */
export interface ClientEventDoc<E extends ClientEventName> {
  readonly summary: string;
  readonly description: string;
  /** The io-ts codec the server decodes the payload with; the payload schema is derived from it. */
  readonly codec: t.Decoder<unknown, unknown>;
  readonly fieldDescriptions: Readonly<Record<string, string>>;
  /** Rules the use case checks beyond the codec, as JSON Schema merged into the payload schema. */
  readonly payloadRules?: Schema;
  readonly example: ClientEventPayload<E>;
  readonly ack: { readonly data: Readonly<Record<string, Schema>>; readonly example: AckSuccess<E> };
  /** Codes this event's own failures carry; those every event can answer are in EVERY_EVENT_ERRORS. */
  readonly errors: readonly AckErrorCode[];
}
