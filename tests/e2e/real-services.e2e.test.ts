import { describe } from 'vitest';
import { describeAutoMessageScenarios } from './scenarios/auto-message-scenarios.js';
import { describeBlockingScenarios, describeMutingScenarios } from './scenarios/block-and-mute-scenarios.js';
import { describeChatScenarios } from './scenarios/chat-scenarios.js';
import { describeConcurrencyScenarios } from './scenarios/concurrency-scenarios.js';
import { describeErrorTableScenarios } from './scenarios/error-table-scenarios.js';
import { describeGroupScenarios } from './scenarios/group-scenarios.js';
import { describeHistoryScenarios } from './scenarios/history-scenarios.js';
import { describeIdempotencyScenarios } from './scenarios/idempotency-scenarios.js';
import { describeMessageAudienceScenarios } from './scenarios/message-audience-scenarios.js';
import { describePresenceScenarios } from './scenarios/presence-scenarios.js';
import { describeSessionScenarios } from './scenarios/session-scenarios.js';
import { describeSyncScenarios } from './scenarios/sync-scenarios.js';
import { describeTypingScenarios } from './scenarios/typing-scenarios.js';
import { describeUnreadScenarios } from './scenarios/unread-scenarios.js';
import { useRealServices } from './support/start-on-real-services.js';

const real = useRealServices();
const startOnRealServices = real.start;

// The same scenarios as on the embedded default, with MongoDB, Redis and RabbitMQ behind every port.
describe.skipIf(real.skip)('on real MongoDB, Redis and RabbitMQ', () => {
  describeChatScenarios(startOnRealServices);
  describeMessageAudienceScenarios(startOnRealServices, { twoProcesses: true });
  describeTypingScenarios(startOnRealServices);
  describePresenceScenarios(startOnRealServices, { twoProcesses: true });
  describeUnreadScenarios(startOnRealServices);
  describeHistoryScenarios(startOnRealServices);
  describeSessionScenarios(startOnRealServices);
  describeErrorTableScenarios(startOnRealServices);
  describeIdempotencyScenarios(startOnRealServices);
  describeSyncScenarios(startOnRealServices);
  describeBlockingScenarios(startOnRealServices);
  describeMutingScenarios(startOnRealServices);
  describeGroupScenarios(startOnRealServices);
  describeConcurrencyScenarios(startOnRealServices);
  describeAutoMessageScenarios(startOnRealServices);
});
