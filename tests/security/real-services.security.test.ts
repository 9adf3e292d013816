import { describe } from 'vitest';
import { useRealServices } from '../e2e/support/start-on-real-services.js';
import { describeAccessControlScenarios } from './scenarios/access-control-scenarios.js';
import { describeEncodingScenarios } from './scenarios/encoding-scenarios.js';
import { describeFloodScenarios } from './scenarios/flood-scenarios.js';
import { describeMetricsScenarios } from './scenarios/metrics-scenarios.js';
import { describeRefreshRaceScenarios } from './scenarios/refresh-race-scenarios.js';
import { describeSessionEndScenarios } from './scenarios/session-end-scenarios.js';
import { describeSocketAuthScenarios } from './scenarios/socket-auth-scenarios.js';
import { describeTextScenarios } from './scenarios/text-scenarios.js';
import { describeThrottleScenarios } from './scenarios/throttle-scenarios.js';

const real = useRealServices();

// The same attacks as on the embedded default, with MongoDB, Redis and RabbitMQ behind every port.
describe.skipIf(real.skip)('on real MongoDB, Redis and RabbitMQ', () => {
  describeSocketAuthScenarios(real.start);
  describeAccessControlScenarios(real.start);
  describeTextScenarios(real.start);
  describeEncodingScenarios(real.start);
  describeRefreshRaceScenarios(real.start);
  describeThrottleScenarios(real.start);
  describeMetricsScenarios(real.start);
  describeSessionEndScenarios(real.start, { twoProcesses: true });
  describeFloodScenarios(real.start, { twoProcesses: true });
});
