import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_PATH, renderClientTypes } from '../../../tools/client-types.js';

describe('the client’s generated REST types', () => {
  it('match the OpenAPI document the server serves (run `npm run client:types` when this fails)', async () => {
    expect(readFileSync(CLIENT_TYPES_PATH, 'utf8')).toBe(await renderClientTypes());
  });
});
