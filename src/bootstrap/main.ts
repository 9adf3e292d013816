import { existsSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { startApp } from './app.js';
import { decodeConfig } from './config.js';

// A .env file in the working directory fills in what the environment leaves unset.
if (existsSync('.env')) process.loadEnvFile('.env');

const config = decodeConfig(process.env);
if (E.isLeft(config)) {
  console.error(`Invalid configuration:\n${config.left.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}

const app = await startApp(config.right);

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
    console.error(`graceful shutdown took longer than ${config.right.SHUTDOWN_TIMEOUT_MS} ms after ${signal}; exiting`);
    process.exit(1);
  }, config.right.SHUTDOWN_TIMEOUT_MS);
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
