import { existsSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { startApp, type RunningApp } from './app.js';
import { decodeConfig } from './config.js';
import { consoleFormatOf } from './console-format.js';
import { invalidConfiguration, startupFailureLine } from './startup-error.js';

// A .env file in the working directory fills in what the environment leaves unset.
if (existsSync('.env')) process.loadEnvFile('.env');

/** A failed start ends as one line naming what to fix, and exit code 1. */
function failStart(error: unknown, logFormat: string | undefined): never {
  const format = consoleFormatOf(
    process.env.NODE_ENV,
    logFormat === 'json' || logFormat === 'pretty' ? logFormat : undefined,
    process.stderr.isTTY === true,
  );
  process.stderr.write(`${startupFailureLine(error, format)}\n`);
  process.exit(1);
}

const config = decodeConfig(process.env);
if (E.isLeft(config)) failStart(invalidConfiguration(config.left), process.env.LOG_FORMAT);
const settings = config.right;

let app: RunningApp;
try {
  app = await startApp(settings);
} catch (error) {
  failStart(error, settings.LOG_FORMAT);
}

// Driver and adapter code may drop the promise of a command cut off by a lost
// connection (the Socket.IO Redis adapter publishes without a handler). The
// connection recovers by itself; dying of it would turn a Redis blip into a
// restart of every process. Anything else is still reported loudly.
process.on('unhandledRejection', (reason: unknown) => {
  const error = reason instanceof Error ? reason : new Error(String(reason));
  console.error(
    JSON.stringify({
      level: 'error',
      message: 'unhandled rejection',
      error: { name: error.name, message: error.message },
    }),
  );
});

let signalled = false;
const shutdown = (signal: string) => {
  if (signalled) return;
  signalled = true;
  const forced = setTimeout(() => {
    console.error(`graceful shutdown took longer than ${settings.SHUTDOWN_TIMEOUT_MS} ms after ${signal}; exiting`);
    process.exit(1);
  }, settings.SHUTDOWN_TIMEOUT_MS);
  forced.unref();
  app.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('shutdown failed', error);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
