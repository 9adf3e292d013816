import type { Logger } from '../../src/ports/logger.js';

/** A Logger that writes nothing, for tests whose subject is not what gets logged. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
