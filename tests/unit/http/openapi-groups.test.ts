import { describe, expect, it } from 'vitest';
import { exampleConversation, exampleMessage } from '../../../src/adapters/http/asyncapi/event-examples.js';
import { CAROL, DAVE, GROUP_ID, exampleGroup } from '../../../src/adapters/http/asyncapi/group-event-examples.js';
import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document.js';
import { createAjv, createResponseValidator } from './openapi-response-validator.js';

const validator = createResponseValidator(openApiDocument);
const ajv = createAjv(openApiDocument);
const ok = (data: unknown) => ({ success: true, data });
const conforms = (method: string, path: string, status: number, data: unknown) =>
  validator.validate(method, path, status, ok(data));
const body = (name: string) => ajv.compile({ $ref: `openapi-components#/$defs/${name}` });

const groupSummary = { ...exampleGroup, otherParticipant: null, unreadCount: 2, muted: false, mutedUntil: null };
const groupMessage = { ...exampleMessage, conversationId: GROUP_ID, receiverId: null };

describe('the OpenAPI document on group conversations', () => {
  it('accepts the shapes a group answers with', () => {
    expect(conforms('post', '/api/conversations', 201, { conversation: exampleGroup })).toBeNull();
    expect(conforms('post', '/api/conversations', 200, { conversation: exampleConversation })).toBeNull();
    expect(conforms('put', '/api/conversations/{conversationId}', 200, { conversation: exampleGroup })).toBeNull();
    const grown = { ...exampleGroup, participants: [...exampleGroup.participants, DAVE.id] };
    expect(
      conforms('post', '/api/conversations/{conversationId}/members', 200, { conversation: grown, added: [DAVE.id] }),
    ).toBeNull();
    const left = { ...exampleGroup, participants: [], ownerId: null };
    expect(
      conforms('delete', '/api/conversations/{conversationId}/members/{userId}', 200, { conversation: left }),
    ).toBeNull();
    expect(conforms('get', '/api/conversations/{conversationId}', 200, { conversation: groupSummary })).toBeNull();
    const page = { messages: [groupMessage], hasMore: false, nextBefore: null, nextAfter: groupMessage.id };
    expect(conforms('get', '/api/conversations/{conversationId}/messages', 200, page)).toBeNull();
  });

  it('refuses drift: an unknown kind, a missing `added`, a group summary without its fields', () => {
    expect(
      conforms('post', '/api/conversations', 201, { conversation: { ...exampleGroup, kind: 'team' } }),
    ).not.toBeNull();
    expect(
      conforms('post', '/api/conversations/{conversationId}/members', 200, { conversation: exampleGroup }),
    ).not.toBeNull();
    const { title: _title, ...untitled } = groupSummary;
    expect(conforms('get', '/api/conversations/{conversationId}', 200, { conversation: untitled })).not.toBeNull();
  });

  it('lists member changes and per-member deliveries in the change feed', () => {
    const at = '2026-01-03T09:00:00.000Z';
    const changes = [
      {
        cursor: `${GROUP_ID}:3`,
        type: 'member_added',
        conversationId: GROUP_ID,
        at,
        data: { conversation: exampleGroup, userId: DAVE.id },
      },
      {
        cursor: `${GROUP_ID}:4`,
        type: 'member_removed',
        conversationId: GROUP_ID,
        at,
        data: { conversation: exampleGroup, userId: CAROL.id },
      },
      {
        cursor: `${GROUP_ID}:5`,
        type: 'message_delivered',
        conversationId: GROUP_ID,
        at,
        data: { message: groupMessage, userId: CAROL.id },
      },
    ];
    expect(conforms('get', '/api/sync', 200, { changes, nextCursor: `${GROUP_ID}:5`, hasMore: false })).toBeNull();
  });

  it('takes a member id or `me` in the path, and nothing else', () => {
    const operation = openApiDocument.paths['/api/conversations/{conversationId}/members/{userId}']!.delete as {
      parameters: Array<{ name: string; schema: object }>;
    };
    const member = ajv.compile(operation.parameters.find((p) => p.name === 'userId')!.schema);
    expect([DAVE.id, 'me'].map((value) => member(value))).toEqual([true, true]);
    expect(['you', 'ME', `${DAVE.id}x`, ''].some((value) => member(value))).toBe(false);
  });

  it('describes the request bodies: one user and no title, or members with a title; distinct ids; a visible title', () => {
    const create = body('CreateConversationRequest');
    expect(create({ participantIds: [DAVE.id] })).toBe(true);
    expect(create({ participantIds: [DAVE.id, CAROL.id], title: 'Engines' })).toBe(true);
    expect(create({ participantIds: [] })).toBe(false);
    expect(create({ participantIds: [DAVE.id, DAVE.id], title: 'Engines' })).toBe(false);
    expect(create({ participantIds: [DAVE.id, CAROL.id], title: '   ' })).toBe(false);
    expect(create({ participantIds: [DAVE.id, CAROL.id], title: 'x'.repeat(101) })).toBe(false);
    expect(body('RenameConversationRequest')({ title: 'Looms' })).toBe(true);
    expect(body('AddMembersRequest')({ userIds: [] })).toBe(false);
  });
});
