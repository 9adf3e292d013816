/**
 * The REST shapes the client uses, named once over the types generated from
 * the server's OpenAPI document (`npm run client:types`), so a change there
 * is a compile error here.
 */
import type { components, paths } from './generated/rest-api.js';

type Schemas = components['schemas'];

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type SuccessBody<Op> = Op extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;

/** The `data` of a path's success envelope. */
export type DataOf<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'delete'> =
  SuccessBody<paths[P][M]> extends { data: infer D } ? D : never;

/** The query parameters a path's operation takes. */
export type QueryOf<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'delete'> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

export type SelfUser = Schemas['SelfUser'];
export type PublicUser = Schemas['PublicUser'];
export type ConversationSummary = Schemas['ConversationSummary'];
export type Pagination = Schemas['Pagination'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
export type RegisterRequest = Schemas['RegisterRequest'];
export type LoginRequest = Schemas['LoginRequest'];
export type SendMessageRequest = Schemas['SendMessageRequest'];

export type AuthSessionData = DataOf<'/api/auth/login', 'post'>;
export type RefreshData = DataOf<'/api/auth/refresh', 'post'>;
export type MeData = DataOf<'/api/auth/me', 'get'>;
export type UserListData = DataOf<'/api/user/list', 'get'>;
export type UserListQuery = QueryOf<'/api/user/list', 'get'>;
export type SendData = DataOf<'/api/messages/send', 'post'>;
export type ConversationListData = DataOf<'/api/conversations', 'get'>;
export type ConversationData = DataOf<'/api/conversations/{conversationId}', 'get'>;
export type HistoryData = DataOf<'/api/conversations/{conversationId}/messages', 'get'>;
export type MarkReadData = DataOf<'/api/conversations/{conversationId}/mark-read', 'put'>;
export type SyncData = DataOf<'/api/sync', 'get'>;
export type ReactionData = DataOf<'/api/messages/{messageId}/reactions/{emoji}', 'put'>;
export type CreateConversationRequest = Schemas['CreateConversationRequest'];
export type ConversationChangeData = DataOf<'/api/conversations', 'post'>;
export type MembersAddedData = DataOf<'/api/conversations/{conversationId}/members', 'post'>;
export type BlockData = DataOf<'/api/users/{userId}/block', 'post'>;
export type ChangeView = SyncData['changes'][number];
