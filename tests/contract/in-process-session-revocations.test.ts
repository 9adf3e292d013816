import { InProcessSessionRevocations } from '../../src/adapters/shared/in-process-session-revocations.js';
import { describeSessionRevocationsContract } from './session-revocations-contract.js';

describeSessionRevocationsContract('in process', async (keepMs) => {
  const revocations = new InProcessSessionRevocations({ keepMs });
  return [revocations, revocations];
});
