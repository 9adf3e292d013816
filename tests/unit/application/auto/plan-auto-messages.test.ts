import { describe, expect, it } from 'vitest';
import { addUsers } from '../../../support/auto-message-fixtures.js';
import { autoCore } from '../support.js';

describe('planning the day', () => {
  it('leaves the odd user out and plans nothing with fewer than two active users', async () => {
    const core = autoCore();
    await addUsers(core, 1);
    expect(await core.useCases.planAutoMessages.execute()).toMatchObject({ pairs: 0, planned: 0 });
  });
});
