import type { LogMeta, Logger } from '../../src/ports/logger.js';

export interface LogLine extends LogMeta {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
}

/** A Logger that keeps its lines (children share them), so tests can read what was logged. */
export class RecordingLogger implements Logger {
  constructor(
    readonly lines: LogLine[] = [],
    private readonly meta: LogMeta = {},
  ) {}

  debug(message: string, meta?: LogMeta): void {
    this.lines.push({ ...this.meta, ...meta, level: 'debug', message });
  }

  info(message: string, meta?: LogMeta): void {
    this.lines.push({ ...this.meta, ...meta, level: 'info', message });
  }

  warn(message: string, meta?: LogMeta): void {
    this.lines.push({ ...this.meta, ...meta, level: 'warn', message });
  }

  error(message: string, meta?: LogMeta): void {
    this.lines.push({ ...this.meta, ...meta, level: 'error', message });
  }

  child(meta: LogMeta): RecordingLogger {
    return new RecordingLogger(this.lines, { ...this.meta, ...meta });
  }
}
