export { ChatClient } from './chat-client.js';
export type { ChatClientOptions } from './chat-client-options.js';
export { ChatApiError } from './chat-api-error.js';
export type { GroupActions } from './group-conversations.js';
export { memoryStorage, localStorageStorage, type KeyValueStorage } from './key-value-storage.js';
export type {
  ChatMessage,
  ClientEvents,
  ConnectionState,
  ConversationState,
  MessageStatus,
  MessageView,
  SendFailure,
  SendTarget,
  SessionEndReason,
  UserListItem,
  UserView,
} from './public-types.js';
export type { WebSocketConstructor } from './web-socket-transports.js';
