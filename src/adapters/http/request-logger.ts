import type { LogMeta, Logger } from '../../ports/logger.js';

/**
 * The logger of one request: every line carries its id. It adds the id to the
 * line's fields instead of building a child of the root logger per request,
 * which most requests (one line each, or none below the level) never repay.
 */
export class RequestLogger implements Logger {
  constructor(
    private readonly root: Logger,
    private readonly requestId: string,
  ) {}

  debug(message: string, meta?: LogMeta): void {
    this.root.debug(message, this.withId(meta));
  }

  info(message: string, meta?: LogMeta): void {
    this.root.info(message, this.withId(meta));
  }

  warn(message: string, meta?: LogMeta): void {
    this.root.warn(message, this.withId(meta));
  }

  error(message: string, meta?: LogMeta): void {
    this.root.error(message, this.withId(meta));
  }

  child(meta: LogMeta): Logger {
    return this.root.child(this.withId(meta));
  }

  private withId(meta: LogMeta | undefined): LogMeta {
    return { requestId: this.requestId, ...meta };
  }
}
