import type Router from '@koa/router';
import type { UseCases } from '../../../application/use-cases.js';
import type { HttpState } from '../http-state.js';
import { authRoutes } from './auth-routes.js';
import { conversationRoutes } from './conversation-routes.js';
import { messageRoutes } from './message-routes.js';
import { metricsRoutes } from './metrics-routes.js';
import { operationRoutes, type OperationDeps } from './operation-routes.js';
import { probeRoutes } from './probe-routes.js';
import { syncRoutes } from './sync-routes.js';
import { userRoutes } from './user-routes.js';

/** Every router of the app, in mounting order (the OpenAPI coverage test reads the same list). */
export const httpRouters = (useCases: UseCases, operations: OperationDeps): Router<HttpState>[] => [
  authRoutes(useCases),
  userRoutes(useCases),
  messageRoutes(useCases),
  conversationRoutes(useCases),
  syncRoutes(useCases),
  probeRoutes(operations),
  metricsRoutes(operations),
  operationRoutes(operations),
];
