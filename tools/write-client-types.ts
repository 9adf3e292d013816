/**
 * Writes the client's REST types from the server's OpenAPI document, so the
 * two cannot drift: `npm run client:types`. A test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { CLIENT_TYPES_PATH, renderClientTypes } from './client-types.js';

writeFileSync(CLIENT_TYPES_PATH, await renderClientTypes());
console.log(`wrote ${CLIENT_TYPES_PATH}`);
