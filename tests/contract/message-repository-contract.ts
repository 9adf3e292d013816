import { describe } from 'vitest';
import { messageContractFixture, type MessageRepositoryFactory } from './message-repository-fixture.js';
import { messageHistoryCases } from './message-repository-history-cases.js';
import { messageStoringCases } from './message-repository-storing-cases.js';
import { messageUpdateCases } from './message-repository-update-cases.js';

export type { MessageRepositoryFactory } from './message-repository-fixture.js';

export const describeMessageRepositoryContract = (
  implementationName: string,
  factory: MessageRepositoryFactory,
): void => {
  describe(`MessageRepository contract: ${implementationName}`, () => {
    const fixture = messageContractFixture(factory);
    messageStoringCases(fixture);
    messageHistoryCases(fixture);
    messageUpdateCases(fixture);
  });
};
