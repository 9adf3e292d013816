import { apiOperation } from './operation-builder.js';
import { body, limit, page, pathId, query } from './path-parameters.js';
import { ref, type Schema } from './schema-builders.js';

/** Accounts, sessions and other users. */
export const authPaths: Record<string, Record<string, Schema>> = {
  '/api/auth/register': {
    post: apiOperation('post', {
      operationId: 'register',
      tag: 'auth',
      summary: 'Create an account and log in',
      body: body('RegisterRequest'),
      success: { 201: { description: 'Registered and logged in', data: ref('AuthSession') } },
      failures: [409],
    }),
  },
  '/api/auth/login': {
    post: apiOperation('post', {
      operationId: 'logIn',
      tag: 'auth',
      summary: 'Log in with e-mail and password',
      description: 'Throttled per client IP and per account (429). One message for unknown e-mail and wrong password.',
      body: body('LoginRequest'),
      success: { 200: { description: 'Logged in', data: ref('AuthSession') } },
      failures: [401],
    }),
  },
  '/api/auth/refresh': {
    post: apiOperation('post', {
      operationId: 'refreshSession',
      tag: 'auth',
      summary: 'Exchange a refresh token for new tokens',
      description: 'The presented token stops working. Presenting an already-used one ends that whole session.',
      body: body('RefreshRequest'),
      success: { 200: { description: 'New tokens', data: ref('Tokens') } },
      failures: [401],
    }),
  },
  '/api/auth/logout': {
    post: apiOperation('post', {
      operationId: 'logOut',
      tag: 'auth',
      summary: 'End the current session (or every session with `all`)',
      auth: true,
      body: body('LogoutRequest', false),
      success: { 200: { description: 'Logged out', data: ref('LogoutResult') } },
    }),
  },
  '/api/auth/me': {
    get: apiOperation('get', {
      operationId: 'getCurrentUser',
      tag: 'auth',
      summary: 'The logged-in user',
      auth: true,
      success: { 200: { description: 'The caller’s account, and whom they block', data: ref('CurrentUser') } },
      failures: [404],
    }),
  },
  '/api/user/list': {
    get: apiOperation('get', {
      operationId: 'listUsers',
      tag: 'users',
      summary: 'List users, optionally searching by username',
      auth: true,
      parameters: [
        page,
        limit(10),
        query(
          'search',
          { type: 'string', maxLength: 50 },
          'Part of a username, any case; trimmed, and taken literally (no patterns)',
        ),
      ],
      success: {
        200: {
          description: 'One page of users',
          data: ref('UserPage'),
        },
      },
      failures: [400],
    }),
  },
  '/api/user/online-stats': {
    get: apiOperation('get', {
      operationId: 'getOnlineStats',
      tag: 'users',
      summary: 'How many users are online',
      auth: true,
      success: {
        200: {
          description: 'Counts (a user with several connections counts once)',
          data: ref('OnlineStats'),
        },
      },
    }),
  },
  '/api/users/{userId}/block': {
    post: apiOperation('post', {
      operationId: 'blockUser',
      tag: 'users',
      summary: 'Block a user: they can no longer message the caller, and neither sees the other’s presence or typing',
      auth: true,
      parameters: [pathId('userId', 'user')],
      success: { 200: { description: 'Blocked (also when blocked already)', data: ref('BlockState') } },
      failures: [404],
    }),
    delete: apiOperation('delete', {
      operationId: 'unblockUser',
      tag: 'users',
      summary: 'Lift a block (also when there was none)',
      auth: true,
      parameters: [pathId('userId', 'user')],
      success: { 200: { description: 'Not blocked', data: ref('BlockState') } },
      failures: [],
    }),
  },
  '/api/user/profile': {
    put: apiOperation('put', {
      operationId: 'updateProfile',
      tag: 'users',
      summary: 'Change the caller’s username or e-mail',
      auth: true,
      body: body('UpdateProfileRequest'),
      success: { 200: { description: 'The updated account', data: ref('UserResult') } },
      failures: [404, 409],
    }),
  },
};
