import { startE2eApp } from '../e2e/support/start-e2e-app.js';
import { describeEncodingScenarios } from './scenarios/encoding-scenarios.js';
import { describeRefreshRaceScenarios } from './scenarios/refresh-race-scenarios.js';
import { describeTextScenarios } from './scenarios/text-scenarios.js';

// The attacks of the security review, against the embedded default.
describeTextScenarios(startE2eApp);
describeEncodingScenarios(startE2eApp);
describeRefreshRaceScenarios(startE2eApp);
