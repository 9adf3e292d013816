import { describe, expect, it } from 'vitest';
import { USE_CASE_TOKENS } from '../../../src/bootstrap/use-case-registrations.js';
import { TOKENS } from '../../../src/bootstrap/tokens.js';
import { buildCore } from '../../support/build-core.js';

describe('the container', () => {
  it('resolves every use case and every registered token', () => {
    const core = buildCore();
    for (const name of Object.keys(USE_CASE_TOKENS) as Array<keyof typeof USE_CASE_TOKENS>) {
      expect(core.useCases[name], name).toBeDefined();
    }
    expect(Object.keys(TOKENS).length).toBeGreaterThan(0);
  });
});
