import type { LogMeta, Logger } from '../../../src/ports/logger.js';

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly meta: LogMeta;
}

/** A logger that keeps its lines, so a test can read what was logged. */
export class RecordingLogger implements Logger {
  constructor(
    readonly lines: LogLine[] = [],
    private readonly bound: LogMeta = {},
  ) {}

  debug(message: string, meta?: LogMeta): void {
    this.write('debug', message, meta);
  }

  info(message: string, meta?: LogMeta): void {
    this.write('info', message, meta);
  }

  warn(message: string, meta?: LogMeta): void {
    this.write('warn', message, meta);
  }

  error(message: string, meta?: LogMeta): void {
    this.write('error', message, meta);
  }

  child(meta: LogMeta): Logger {
    return new RecordingLogger(this.lines, { ...this.bound, ...meta });
  }

  private write(level: LogLine['level'], message: string, meta: LogMeta = {}): void {
    this.lines.push({ level, message, meta: { ...this.bound, ...meta } });
  }
}
