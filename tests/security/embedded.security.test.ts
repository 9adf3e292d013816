import { startE2eApp } from '../e2e/support/start-e2e-app.js';
import { describeAccessControlScenarios } from './scenarios/access-control-scenarios.js';
import { describeEncodingScenarios } from './scenarios/encoding-scenarios.js';
import { describeFloodScenarios } from './scenarios/flood-scenarios.js';
import { describeMetricsScenarios } from './scenarios/metrics-scenarios.js';
import { describeRefreshRaceScenarios } from './scenarios/refresh-race-scenarios.js';
import { describeSessionEndScenarios } from './scenarios/session-end-scenarios.js';
import { describeSocketAuthScenarios } from './scenarios/socket-auth-scenarios.js';
import { describeTextScenarios } from './scenarios/text-scenarios.js';
import { describeThrottleScenarios } from './scenarios/throttle-scenarios.js';

// Every attack of the security reviews (those that failed once, and those that always held), on the embedded default.
describeSocketAuthScenarios(startE2eApp);
describeAccessControlScenarios(startE2eApp);
describeTextScenarios(startE2eApp);
describeEncodingScenarios(startE2eApp);
describeRefreshRaceScenarios(startE2eApp);
describeThrottleScenarios(startE2eApp);
describeMetricsScenarios(startE2eApp);
describeSessionEndScenarios(startE2eApp, { twoProcesses: false });
describeFloodScenarios(startE2eApp, { twoProcesses: false });
