import { authPaths } from './auth-paths.js';
import { conversationPaths } from './conversation-paths.js';
import { messagePaths } from './message-paths.js';
import type { Schema } from './schema-builders.js';

/** Every operation under /api. */
export const apiPaths: Record<string, Record<string, Schema>> = { ...authPaths, ...messagePaths, ...conversationPaths };
