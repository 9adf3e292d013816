import * as E from 'fp-ts/lib/Either.js';
import { startApp } from '../../src/bootstrap/app.js';
import { decodeConfig } from '../../src/bootstrap/config.js';
import { emitEvent, measuredMemory, profilingCommands, serveCommands } from '../lib/child-side.js';

// The app under test, alone in its process so its memory and CPU are its own. Configured by the environment.
const config = decodeConfig(process.env);
if (E.isLeft(config)) throw new Error(`bench app config: ${config.left.join('; ')}`);
const app = await startApp(config.right);

serveCommands({
  ...profilingCommands,
  memory: () => measuredMemory(),
  cpu: () => process.cpuUsage(),
  stop: () => app.stop(),
});
emitEvent('ready', { port: app.port, adapters: app.infrastructure.active });
