import { describeAutoMessageScenarios } from './scenarios/auto-message-scenarios.js';
import { describeBlockingScenarios } from './scenarios/blocking-scenarios.js';
import { describeChatScenarios } from './scenarios/chat-scenarios.js';
import { describeConcurrencyScenarios } from './scenarios/concurrency-scenarios.js';
import { describeErrorTableScenarios } from './scenarios/error-table-scenarios.js';
import { describeHistoryScenarios } from './scenarios/history-scenarios.js';
import { describeIdempotencyScenarios } from './scenarios/idempotency-scenarios.js';
import { describeMessageAudienceScenarios } from './scenarios/message-audience-scenarios.js';
import { describePresenceScenarios } from './scenarios/presence-scenarios.js';
import { describeSessionScenarios } from './scenarios/session-scenarios.js';
import { describeSyncScenarios } from './scenarios/sync-scenarios.js';
import { describeTypingScenarios } from './scenarios/typing-scenarios.js';
import { describeUnreadScenarios } from './scenarios/unread-scenarios.js';
import { startE2eApp } from './support/start-e2e-app.js';

// The embedded default: every port in memory, no external service.
describeChatScenarios(startE2eApp);
describeMessageAudienceScenarios(startE2eApp, { twoProcesses: false });
describeTypingScenarios(startE2eApp);
describePresenceScenarios(startE2eApp);
describeUnreadScenarios(startE2eApp);
describeHistoryScenarios(startE2eApp);
describeSessionScenarios(startE2eApp);
describeErrorTableScenarios(startE2eApp);
describeIdempotencyScenarios(startE2eApp);
describeConcurrencyScenarios(startE2eApp);
describeAutoMessageScenarios(startE2eApp);
describeSyncScenarios(startE2eApp);
describeBlockingScenarios(startE2eApp);
