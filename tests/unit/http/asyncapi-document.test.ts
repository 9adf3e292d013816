import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asyncApiDocument,
  clientPayloadSchema,
  type AsyncApiDocument,
} from '../../../src/adapters/http/asyncapi/asyncapi-document.js';
import { schemaOfCodec } from '../../../src/adapters/http/asyncapi/codec-schema.js';
import { clientEvents } from '../../../src/adapters/http/asyncapi/client-events.js';
import type {
  ClientEventDoc,
  ClientEventName,
  ServerEventDoc,
} from '../../../src/adapters/http/asyncapi/event-doc-types.js';
import { serverEvents } from '../../../src/adapters/http/asyncapi/server-events.js';
import { requestSchemas } from '../../../src/adapters/http/openapi/request-schemas.js';
import { DEFAULT_MAX_PAYLOAD_BYTES } from '../../../src/adapters/realtime/create-socket-server.js';
import { IdString } from '../../../src/application/shared/codecs.js';
import { startApp, type RunningApp } from '../../../src/bootstrap/app.js';
import { realtimeLimitsOf } from '../../../src/bootstrap/realtime-limits.js';
import type { ServerEventName } from '../../../src/ports/realtime-events.js';
import { testConfig } from '../../support/build-core.js';
import { CLIENT_EVENT_CASES } from './asyncapi-cases.js';
import { componentsOf, createMessageValidator } from './asyncapi-validator.js';

/** Limits unlike the defaults, to see the served document state this deployment's own. */
const ENV = {
  PORT: '0',
  HOST: '127.0.0.1',
  ROLES: 'api',
  SOCKETS_PER_USER: '7',
  SOCKET_EVENTS_PER_USER: '12',
  SOCKET_EVENTS_WINDOW_SECONDS: '3',
};

const clientEntries = () => Object.entries(clientEvents) as Array<[ClientEventName, ClientEventDoc<ClientEventName>]>;
const serverEntries = () => Object.entries(serverEvents) as Array<[ServerEventName, ServerEventDoc<ServerEventName>]>;

describe('AsyncAPI document', () => {
  let app: RunningApp;
  let served: AsyncApiDocument;

  beforeAll(async () => {
    app = await startApp(testConfig(ENV));
    const res = await fetch(`${app.url}/api-docs/asyncapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    served = (await res.json()) as AsyncApiDocument;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('is served by the composed app with this deployment’s limits and Socket.IO frame size', () => {
    const expected = asyncApiDocument(realtimeLimitsOf(testConfig(ENV), DEFAULT_MAX_PAYLOAD_BYTES));
    expect(served).toEqual(JSON.parse(JSON.stringify(expected)));
    const description = (served.info as { description: string }).description;
    expect(description).toContain('| sockets per user | 7 (`SOCKETS_PER_USER`)');
    expect(description).toContain('12 per 3 s');
    expect(description).toContain(`${DEFAULT_MAX_PAYLOAD_BYTES} bytes (Socket.IO \`maxHttpBufferSize\`)`);
  });

  it('parses with @asyncapi/parser without an error or a warning', async () => {
    const { document, diagnostics } = await new Parser().parse(structuredClone(served) as never);
    const at = (severity: DiagnosticSeverity) =>
      diagnostics.filter((d) => d.severity === severity).map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
    expect(at(DiagnosticSeverity.Error)).toEqual([]);
    expect(at(DiagnosticSeverity.Warning)).toEqual([]);
    // The one hint left says 3.1 exists: the document is AsyncAPI 3.0 on purpose.
    expect(diagnostics.map((d) => d.code)).toEqual(['asyncapi-latest-version']);

    expect(document).toBeDefined();
    const operations = new Map(
      document!
        .operations()
        .all()
        .map((op) => [op.id(), op]),
    );
    for (const [event] of serverEntries()) {
      const op = operations.get(`server.${event}`);
      expect(op?.action(), event).toBe('send');
      expect(
        op
          ?.channels()
          .all()
          .map((c) => c.address()),
      ).toEqual([event]);
      expect(
        op
          ?.messages()
          .all()
          .map((m) => m.name()),
      ).toEqual([event]);
    }
    for (const [event] of clientEntries()) {
      const op = operations.get(`client.${event}`);
      expect(op?.action(), event).toBe('receive');
      expect(
        op
          ?.messages()
          .all()
          .map((m) => m.name()),
      ).toEqual([event]);
      expect(
        op
          ?.reply()
          ?.messages()
          .all()
          .map((m) => m.name()),
      ).toEqual([`${event} ack`]);
    }
    expect(operations.get('server.message_received')?.reply()?.messages().all()).toHaveLength(1);
    expect(operations.size).toBe(serverEntries().length + clientEntries().length);
  });

  it('documents the handshake, the acks, the limits and catch-up in its description', () => {
    const description = (served.info as { description: string }).description;
    for (const needle of [
      'auth: { token }',
      '`unauthorized`',
      '`too_many_connections`',
      '`RATE_LIMITED`',
      'refused events in a row',
      '{ok: false, error: {code, message}}',
      'after=<last seq>',
      '`resync`',
      'same `clientMessageId`',
    ]) {
      expect(description).toContain(needle);
    }
  });

  it('has an example for every message, each valid against its payload schema, which refuses an unknown field', () => {
    const validator = createMessageValidator(served);
    const messages = Object.entries(componentsOf(served).messages);
    expect(messages.length).toBe(serverEntries().length + 2 * clientEntries().length + 1);
    for (const [key, message] of messages) {
      expect(message.examples?.length, key).toBeGreaterThan(0);
      for (const { payload } of message.examples ?? []) {
        expect(validator.problems(key, payload), key).toBeNull();
        if (typeof payload === 'object' && payload !== null) {
          expect(validator.problems(key, { ...payload, surprise: 1 }), `${key} with an unknown field`).not.toBeNull();
        }
      }
    }
  });

  it('reuses the OpenAPI schemas for messages and conversations, nullable fields as JSON Schema null', () => {
    const { schemas } = componentsOf(served);
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['Message', 'Conversation']));
    const message = schemas.Message as { properties: Record<string, { type?: unknown; nullable?: unknown }> };
    expect(message.properties.readAt?.type).toEqual(['string', 'null']);
    expect(JSON.stringify(schemas)).not.toContain('"nullable"');
  });

  it('accepts exactly what the codecs decode for the valid cases, and refuses the invalid ones', () => {
    const validator = createMessageValidator(served);
    for (const [event, doc] of clientEntries()) {
      const cases = CLIENT_EVENT_CASES[event];
      for (const payload of [doc.example, ...cases.valid]) {
        expect(validator.problems(`client.${event}`, payload), `${event} ${JSON.stringify(payload)}`).toBeNull();
        expect(E.isRight(doc.codec.decode(payload)), `${event} decodes ${JSON.stringify(payload)}`).toBe(true);
      }
      for (const { payload, codecRefuses } of cases.invalid) {
        const label = `${event} ${JSON.stringify(payload)}`;
        expect(validator.problems(`client.${event}`, payload), label).not.toBeNull();
        if (codecRefuses) expect(E.isLeft(doc.codec.decode(payload)), label).toBe(true);
      }
    }
  });

  it('derives client payload schemas from the codecs: fields, required ones, and send_message as the REST body', () => {
    expect(clientPayloadSchema('join_room')).toMatchObject({ required: ['conversationId'] });
    const send = clientPayloadSchema('send_message') as { required: string[]; properties: object };
    expect(send.required).toEqual(['content']);
    // The REST body is one of two shapes (to a user, into a conversation); the socket payload takes the fields of both.
    const restFields = new Set(
      ['SendToUserRequest', 'SendToConversationRequest'].flatMap((name) =>
        Object.keys((requestSchemas[name] as { properties: object }).properties),
      ),
    );
    expect(Object.keys(send.properties).sort()).toEqual([...restFields].sort());
    expect(() => schemaOfCodec(t.type({ conversationId: IdString, note: t.string }))).toThrow(
      /no JSON Schema for the string codec of field note/,
    );
    expect(() => schemaOfCodec(IdString)).toThrow(/not an object codec/);
  });

  it('cannot leave an event of the typed maps out of the catalog (the compiler refuses)', () => {
    const { error: _error, ...withoutError } = serverEvents;
    // @ts-expect-error: every server event needs an entry
    withoutError satisfies { [E in ServerEventName]: ServerEventDoc<E> };
    const { join_room: _joinRoom, ...withoutJoinRoom } = clientEvents;
    // @ts-expect-error: every client event needs an entry
    withoutJoinRoom satisfies { [E in ClientEventName]: ClientEventDoc<E> };
    expect(Object.keys(withoutError)).not.toContain('error');
  });
});
