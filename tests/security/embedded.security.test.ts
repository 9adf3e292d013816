import { startE2eApp } from '../e2e/support/start-e2e-app.js';
import { describeEncodingScenarios } from './scenarios/encoding-scenarios.js';
import { describeFloodScenarios } from './scenarios/flood-scenarios.js';
import { describeMetricsScenarios } from './scenarios/metrics-scenarios.js';
import { describeRefreshRaceScenarios } from './scenarios/refresh-race-scenarios.js';
import { describeSessionEndScenarios } from './scenarios/session-end-scenarios.js';
import { describeTextScenarios } from './scenarios/text-scenarios.js';
import { describeThrottleScenarios } from './scenarios/throttle-scenarios.js';

// The attacks of the security review, against the embedded default.
describeTextScenarios(startE2eApp);
describeEncodingScenarios(startE2eApp);
describeRefreshRaceScenarios(startE2eApp);
describeThrottleScenarios(startE2eApp);
describeMetricsScenarios(startE2eApp);
describeSessionEndScenarios(startE2eApp, { twoProcesses: false });
describeFloodScenarios(startE2eApp, { twoProcesses: false });
