import { join } from 'node:path';
import winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';
import type { LogMeta, Logger } from '../../ports/logger.js';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Log files, rotated daily and by size; old ones are deleted. */
export interface LogFiles {
  readonly directory: string;
  readonly maxSizeMb: number;
  readonly maxDays: number;
}

export interface WinstonLoggerOptions {
  readonly level: LogLevel;
  /** `pretty`: human-readable lines, coloured only on a terminal; `json`: one JSON object per line. */
  readonly format: 'pretty' | 'json';
  /** When set, also writes `app-<date>.log` (every level) and `error-<date>.log` (errors) there, as JSON lines. */
  readonly files?: LogFiles;
  /** Writes nothing at all. */
  readonly silent?: boolean;
  /** Where the console lines go instead of stdout (tests read them from here). */
  readonly stream?: NodeJS.WritableStream;
}

const SECRET_KEY = /pass(word)?|token|secret|authorization|cookie|refresh/i;
const REDACTED = '[REDACTED]';
const MAX_DEPTH = 10;

/** A JSON-safe copy with secret-looking keys blanked at any depth; cycles and depth are cut. */
const scrub = (value: unknown, depth: number, ancestors: WeakSet<object>): unknown => {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (ancestors.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  ancestors.add(value);
  let result: unknown;
  if (Array.isArray(value)) {
    result = value.map((item) => scrub(item, depth + 1, ancestors));
  } else {
    // Error's name, message, stack and cause are not enumerable: copy them explicitly.
    const source =
      value instanceof Error
        ? { name: value.name, message: value.message, stack: value.stack, cause: value.cause, ...(value as object) }
        : value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(source)) {
      if (item === undefined) continue;
      copy[key] = SECRET_KEY.test(key) ? REDACTED : scrub(item, depth + 1, ancestors);
    }
    result = copy;
  }
  ancestors.delete(value);
  return result;
};

const redactSecrets = winston.format((info) => {
  const ancestors = new WeakSet<object>([info]);
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'message') continue;
    info[key] = SECRET_KEY.test(key) ? REDACTED : scrub(info[key], 1, ancestors);
  }
  return info;
});

const prettyLine = winston.format.printf((info) => {
  const { timestamp, level, message, ...meta } = info;
  const rest = Object.keys(meta).length > 0 ? ` ${JSON.stringify(meta)}` : '';
  return `${String(timestamp)} ${level} ${String(message)}${rest}`;
});

const jsonLines = winston.format.json();

/** Colour codes only where a terminal reads them: never in a file or a pipe. */
const consoleFormat = (format: WinstonLoggerOptions['format'], stream: NodeJS.WritableStream) => {
  if (format === 'json') return jsonLines;
  return (stream as { isTTY?: boolean }).isTTY === true
    ? winston.format.combine(winston.format.colorize(), prettyLine)
    : prettyLine;
};

/**
 * A file stream a rotation left behind is ended, not awaited: its last lines
 * may still be on their way to disk when the current stream finishes. Each
 * stream's finish reaches the transport's log stream, so the two counts tell
 * when every file the transport ever wrote is complete.
 */
const streamsOf = new WeakMap<DailyRotateFile, { opened: number; finished: number }>();

const rotatingFile = (files: LogFiles, name: string, level?: LogLevel): DailyRotateFile => {
  const file = new DailyRotateFile({
    dirname: files.directory,
    filename: `${name}-%DATE%.log`,
    datePattern: 'YYYY-MM-DD',
    maxSize: `${files.maxSizeMb}m`,
    maxFiles: `${files.maxDays}d`,
    auditFile: join(files.directory, `.${name}-audit.json`),
    format: jsonLines,
    ...(level ? { level } : {}),
  });
  const streams = { opened: 1, finished: 0 };
  streamsOf.set(file, streams);
  file.logStream.on('rotate', () => (streams.opened += 1));
  file.logStream.on('finish', () => (streams.finished += 1));
  return file;
};

/** Resolves once every file stream the transport opened has finished writing. */
const everyStreamFinished = (file: DailyRotateFile): Promise<void> =>
  new Promise<void>((resolve) => {
    const streams = streamsOf.get(file);
    const check = () => {
      if (streams && streams.finished < streams.opened) return;
      file.logStream.off('finish', check);
      resolve();
    };
    file.logStream.on('finish', check);
    check();
  });

/** Resolves once everything written to the transport is in its files. */
const flushed = (file: DailyRotateFile): Promise<void> =>
  new Promise<void>((resolve) => {
    const close = () => {
      file.once('finish', () => void everyStreamFinished(file).then(resolve));
      file.close?.();
    };
    // The logger ends its transports first; only then is every line handed to the file stream.
    if (file.writableFinished) close();
    else file.once('finish', close);
  });

interface Shared {
  closed: boolean;
  closing: Promise<void> | null;
}

/** The Logger port over winston; `close` flushes the file transports (graceful shutdown). */
export class WinstonLogger implements Logger {
  constructor(
    private readonly root: winston.Logger,
    private readonly target: winston.Logger,
    private readonly shared: Shared,
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

  child(meta: LogMeta): WinstonLogger {
    return new WinstonLogger(this.root, this.target.child(meta), this.shared);
  }

  /** Ends the shared transports once every line is on disk; lines logged afterwards are dropped. */
  close(): Promise<void> {
    this.shared.closing ??= this.end();
    return this.shared.closing;
  }

  private end(): Promise<void> {
    this.shared.closed = true;
    const files = this.root.transports.filter((t): t is DailyRotateFile => t instanceof DailyRotateFile);
    const done = Promise.all(files.map(flushed));
    this.root.end();
    return done.then(() => undefined);
  }

  private write(level: LogLevel, message: string, meta?: LogMeta): void {
    // Writing to an ended winston stream raises an unhandled 'error' event.
    if (this.shared.closed) return;
    // winston formats (and scrubs) every line before its transports drop the ones below their level.
    if (!this.root.isLevelEnabled(level)) return;
    this.target.log(level, message, meta ?? {});
  }
}

export const createWinstonLogger = (options: WinstonLoggerOptions): WinstonLogger => {
  const stream = options.stream ?? process.stdout;
  const format = consoleFormat(options.format, stream);
  const transports: winston.transport[] = [
    options.stream
      ? new winston.transports.Stream({ stream: options.stream, format })
      : new winston.transports.Console({ format }),
  ];
  if (options.files !== undefined) {
    transports.push(rotatingFile(options.files, 'app'), rotatingFile(options.files, 'error', 'error'));
  }
  const root = winston.createLogger({
    level: options.level,
    silent: options.silent ?? false,
    format: winston.format.combine(redactSecrets(), winston.format.timestamp()),
    transports,
  });
  return new WinstonLogger(root, root, { closed: false, closing: null });
};
