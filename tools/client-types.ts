import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../src/adapters/http/openapi/openapi-document.js';

export const CLIENT_TYPES_PATH = 'client/src/generated/rest-api.ts';

const HEADER = `// Generated from the server's OpenAPI document by \`npm run client:types\`; do not edit.\n\n`;

/** The TypeScript types of every REST path and schema, as openapi-typescript renders them. */
export const renderClientTypes = async (): Promise<string> => {
  const ast = await openapiTS(structuredClone(openApiDocument) as unknown as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
};
