/**
 * Builds the client library into one ESM file, `client/dist/index.js`, for
 * browsers and Node alike (`npm run build:client`; the type declarations come
 * from tsc). Socket.IO's client is bundled in its browser flavour: engine.io
 * then uses only web APIs (WebSocket, fetch or XMLHttpRequest), which Node
 * has too (WebSocket from 22, or the `ws` package found at run time), so a
 * page loads the library as a single file without an import map. The
 * `neutral` platform would not apply engine.io's `browser` field and would
 * pull in its Node transports (`ws`, `xmlhttprequest-ssl`, Node built-ins).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

await build({
  entryPoints: [`${root}src/index.ts`],
  outfile: `${root}dist/index.js`,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
