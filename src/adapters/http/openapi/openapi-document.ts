import { apiPaths } from './api-paths.js';
import { componentSchemas } from './component-schemas.js';
import { operationPaths } from './operation-paths.js';
import { requestSchemas } from './request-schemas.js';
import { responseSchemas } from './response-schemas.js';
import type { Schema } from './schema-builders.js';

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: ReadonlyArray<{ readonly url: string; readonly description: string }>;
  readonly tags: ReadonlyArray<{ readonly name: string; readonly description: string }>;
  readonly paths: Readonly<Record<string, Readonly<Record<string, Schema>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, Schema>>;
    readonly securitySchemes: Readonly<Record<string, Schema>>;
  };
}

const DESCRIPTION = `Real-time messaging backend.

Every JSON response is an envelope: \`{success: true, message?, data}\` or
\`{success: false, message, code, errors?}\`, where \`code\` is stable and
\`errors\` lists \`{field, message}\` for invalid input. Ids are 24-hex strings.
Request bodies list every field the server reads: it drops any other field
unread, so a misspelt optional field is silently ignored.
Realtime events travel over Socket.IO on the same origin (token in \`auth.token\`).`;

/** The OpenAPI 3.0 description of every route the HTTP adapter serves. */
export const openApiDocument: OpenApiDocument = {
  openapi: '3.0.3',
  info: { title: 'Chat backend API', version: '1.0.0', description: DESCRIPTION },
  servers: [{ url: '/', description: 'The server that serves this document' }],
  tags: [
    { name: 'auth', description: 'Accounts and sessions' },
    { name: 'users', description: 'Other users and the caller’s profile' },
    { name: 'messages', description: 'Sending, reading and deleting messages' },
    { name: 'conversations', description: 'Conversations and their history' },
    { name: 'sync', description: 'The change feed: everything that changed since a cursor' },
    { name: 'operations', description: 'Probes, metrics and these docs' },
  ],
  paths: { ...apiPaths, ...operationPaths },
  components: {
    schemas: { ...componentSchemas, ...responseSchemas, ...requestSchemas },
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      metricsToken: { type: 'http', scheme: 'bearer', description: 'The METRICS_TOKEN of the deployment' },
    },
  },
};
