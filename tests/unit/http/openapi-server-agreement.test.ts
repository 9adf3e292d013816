import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document.js';
import { LogInInput } from '../../../src/application/auth/log-in.js';
import { LogOutInput } from '../../../src/application/auth/log-out.js';
import { RefreshInput } from '../../../src/application/auth/refresh-session.js';
import { RegisterInput } from '../../../src/application/auth/register-user.js';
import { HistoryQueryInput } from '../../../src/application/conversations/get-conversation-history.js';
import { ListConversationsQuery } from '../../../src/application/conversations/list-conversations.js';
import { MuteInput } from '../../../src/application/conversations/mute-conversation.js';
import { AddGroupMembersInput } from '../../../src/application/groups/add-group-members.js';
import { CreateConversationInput } from '../../../src/application/groups/create-conversation.js';
import { RenameGroupInput } from '../../../src/application/groups/rename-group.js';
import { EditMessageInput } from '../../../src/application/messages/edit-message.js';
import { SendMessageInput } from '../../../src/application/messages/send-message.js';
import { SyncQueryInput } from '../../../src/application/sync/sync-changes.js';
import { ListUsersQuery } from '../../../src/application/users/list-users.js';
import { UpdateProfileInput } from '../../../src/application/users/update-profile.js';
import { sendMessage } from '../../e2e/support/chat-requests.js';
import { registerUser } from '../../e2e/support/register-user.js';
import { startE2eApp } from '../../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../../e2e/support/use-e2e-app.js';
import { createAjv } from './openapi-response-validator.js';

type Schema = Record<string, unknown>;

const SOME_ID = '665f1c2ab9d3e4f5a6b7c8d9';

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly schema: Schema;
}

interface Operation {
  readonly operationId: string;
  readonly description?: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { content: Record<string, { schema: Schema; example: Record<string, unknown> }> };
}

/** The decoder each documented input meets on the server. */
const BODY_CODECS: Readonly<Record<string, t.Decoder<unknown, unknown>>> = {
  register: RegisterInput,
  logIn: LogInInput,
  refreshSession: RefreshInput,
  logOut: LogOutInput,
  updateProfile: UpdateProfileInput,
  sendMessage: SendMessageInput,
  editMessage: EditMessageInput,
  muteConversation: MuteInput,
  createConversation: CreateConversationInput,
  renameConversation: RenameGroupInput,
  addConversationMembers: AddGroupMembersInput,
};
const QUERY_CODECS: Readonly<Record<string, t.Decoder<unknown, unknown>>> = {
  listUsers: ListUsersQuery,
  listConversations: ListConversationsQuery,
  getConversationHistory: HistoryQueryInput,
  syncChanges: SyncQueryInput,
};

/** Where the server is stricter than JSON Schema can say, and the schema's description says so instead. */
const DESCRIBED_ONLY: Readonly<Record<string, string>> = {
  'register password': 'counted in UTF-8 bytes',
  'logIn password': 'counted in UTF-8 bytes',
};

const operations: Operation[] = Object.values(openApiDocument.paths).flatMap(
  (item) => Object.values(item) as unknown as Operation[],
);
const operation = (id: string): Operation => {
  const found = operations.find((op) => op.operationId === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
};

const ajv = createAjv(openApiDocument);
const component = (ref: unknown): Schema =>
  openApiDocument.components.schemas[String(ref).replace('#/components/schemas/', '')] as Schema;
const bodySchemaOf = (op: Operation): Schema => op.requestBody!.content['application/json']!.schema;
const bodyValidator = (op: Operation) =>
  ajv.compile({ $ref: String(bodySchemaOf(op).$ref).replace('#/components/schemas/', 'openapi-components#/$defs/') });

/** Query strings arrive as text: a value is checked as the type its parameter declares. */
const queryAccepted = (op: Operation, query: Record<string, string>): boolean =>
  Object.entries(query).every(([name, value]) => {
    const parameter = op.parameters?.find((p) => p.in === 'query' && p.name === name);
    if (!parameter) return false;
    const typed = parameter.schema.type === 'integer' ? Number(value) : value;
    return ajv.validate(parameter.schema, typed);
  });

const decodes = (codec: t.Decoder<unknown, unknown>, input: unknown): boolean => E.isRight(codec.decode(input));

/** Boundary strings of a string schema: the longest and shortest it allows, in one-, two- and four-byte characters. */
const stringBoundaries = (schema: Schema): string[] => {
  const values: string[] = [];
  for (const char of ['a', 'é', '😀']) {
    if (typeof schema.maxLength === 'number') values.push(char.repeat(schema.maxLength));
    if (typeof schema.minLength === 'number') values.push(char.repeat(schema.minLength));
  }
  return values;
};

describe('the OpenAPI document and the server agree on inputs', () => {
  it('has a server decoder for every documented body and query, and every body example decodes', () => {
    for (const op of operations) {
      if (op.requestBody) {
        expect(BODY_CODECS, op.operationId).toHaveProperty(op.operationId);
        const example = op.requestBody.content['application/json']!.example;
        expect(decodes(BODY_CODECS[op.operationId]!, example), op.operationId).toBe(true);
      }
      if (op.parameters?.some((p) => p.in === 'query'))
        expect(QUERY_CODECS, op.operationId).toHaveProperty(op.operationId);
    }
  });

  it('bounds every integer query parameter exactly where the server does', () => {
    for (const [id, codec] of Object.entries(QUERY_CODECS)) {
      for (const parameter of operation(id).parameters!.filter((p) => p.schema.type === 'integer')) {
        const { minimum, maximum } = parameter.schema as { minimum: number; maximum: number };
        const label = `${id} ${parameter.name}`;
        expect([minimum, maximum].every(Number.isInteger), `${label} is bounded`).toBe(true);
        for (const value of [minimum, maximum])
          expect(decodes(codec, { [parameter.name]: String(value) }), label).toBe(true);
        for (const value of [minimum - 1, maximum + 1]) {
          expect(decodes(codec, { [parameter.name]: String(value) }), label).toBe(false);
        }
      }
    }
  });

  it('never has the server refuse a boundary string the schema allows', () => {
    const checked: string[] = [];
    const check = (label: string, accepted: boolean, decoded: boolean) => {
      checked.push(label);
      if (accepted) expect(decoded, label).toBe(true);
    };
    for (const [id, codec] of Object.entries(QUERY_CODECS)) {
      const op = operation(id);
      for (const parameter of op.parameters!.filter((p) => p.in === 'query' && p.schema.type === 'string')) {
        for (const value of stringBoundaries(parameter.schema)) {
          const query = { [parameter.name]: value };
          check(`${id} ${parameter.name}`, queryAccepted(op, query), decodes(codec, query));
        }
      }
    }
    for (const [id, codec] of Object.entries(BODY_CODECS)) {
      const op = operation(id);
      const validate = bodyValidator(op);
      const example = op.requestBody!.content['application/json']!.example;
      const schema = component(bodySchemaOf(op).$ref);
      const branches = Array.isArray(schema.oneOf)
        ? (schema.oneOf as Schema[]).map((b) => component(b.$ref))
        : [schema];
      for (const branch of branches) {
        const properties = branch.properties as Record<string, Schema>;
        const required = (branch.required ?? []) as string[];
        // The example's fields of this branch, with an id for one it lacks (conversationId).
        const base = Object.fromEntries(
          Object.keys(properties)
            .filter((key) => key in example || required.includes(key))
            .map((key) => [key, example[key] ?? SOME_ID]),
        );
        for (const [name, property] of Object.entries(properties)) {
          if (property.type !== 'string' || DESCRIBED_ONLY[`${id} ${name}`]) continue;
          for (const value of stringBoundaries(property)) {
            const body = { ...base, [name]: value };
            check(`${id} ${name}`, validate(body), decodes(codec, body));
          }
        }
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining(['sendMessage content', 'listUsers search', 'refreshSession refreshToken']),
    );
  });

  describe('over HTTP', () => {
    const app = useE2eApp(startE2eApp);

    it('refuses with 400 what the document forbids, and says so where a schema cannot', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const { conversation } = await sendMessage(app(), alice, bob, 'hello');
      const cases: Array<{ id: string; path: string; body?: Record<string, unknown>; query?: Record<string, string> }> =
        [
          {
            id: 'register',
            path: '/api/auth/register',
            body: { username: 'no_mail', email: '', password: 'long enough' },
          },
          { id: 'logIn', path: '/api/auth/login', body: { email: alice.email, password: 'x'.repeat(73) } },
          {
            id: 'sendMessage',
            path: '/api/messages/send',
            body: { receiverId: bob.id, conversationId: conversation.id, content: 'to both' },
          },
          { id: 'sendMessage', path: '/api/messages/send', body: { receiverId: bob.id, content: ' \t\n ' } },
          { id: 'listUsers', path: '/api/user/list', query: { page: '100001' } },
          { id: 'listConversations', path: '/api/conversations', query: { limit: '101' } },
          {
            id: 'getConversationHistory',
            path: `/api/conversations/${conversation.id}/messages`,
            query: { before: '3', after: '1' },
          },
        ];
      for (const { id, path, body, query } of cases) {
        const op = operation(id);
        const label = `${id} ${JSON.stringify(body ?? query)}`;
        const forbidden =
          (body !== undefined && !bodyValidator(op)(body)) || (query !== undefined && !queryAccepted(op, query));
        // A rule across parameters is in the operation's description.
        if (!forbidden) expect(op.description, label).toMatch(/two of them together are a 400/);
        const search = query ? `?${new URLSearchParams(query).toString()}` : '';
        const res = await app().api(body ? 'POST' : 'GET', `${path}${search}`, {
          token: alice.accessToken,
          ...(body ? { body } : {}),
        });
        expect(res.status, label).toBe(400);
        expect(res.body.code, label).toBe('VALIDATION_FAILED');
      }
    });

    it('accepts what the document allows at its bounds', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const content = '😀'.repeat(1000);
      expect(bodyValidator(operation('sendMessage'))({ receiverId: bob.id, content })).toBe(true);
      expect((await sendMessage(app(), alice, bob, content)).message.content).toBe(content);
      const query = { page: '100000', limit: '100', search: '😀'.repeat(50) };
      expect(queryAccepted(operation('listUsers'), query)).toBe(true);
      const res = await app().api('GET', `/api/user/list?${new URLSearchParams(query).toString()}`, {
        token: alice.accessToken,
      });
      expect(res.status).toBe(200);
    });
  });
});
