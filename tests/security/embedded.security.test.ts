import { startE2eApp } from '../e2e/support/start-e2e-app.js';
import { describeEncodingScenarios } from './scenarios/encoding-scenarios.js';
import { describeMetricsScenarios } from './scenarios/metrics-scenarios.js';
import { describeRefreshRaceScenarios } from './scenarios/refresh-race-scenarios.js';
import { describeTextScenarios } from './scenarios/text-scenarios.js';
import { describeThrottleScenarios } from './scenarios/throttle-scenarios.js';

// The attacks of the security review, against the embedded default.
describeTextScenarios(startE2eApp);
describeEncodingScenarios(startE2eApp);
describeRefreshRaceScenarios(startE2eApp);
describeThrottleScenarios(startE2eApp);
describeMetricsScenarios(startE2eApp);
