import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Router from '@koa/router';
import type { HttpState, RouteContext } from './http-state.js';

export const DEMO_PATH = '/demo';

/** The repository's demo/ folder: three levels up from src/adapters/http and from dist/adapters/http alike. */
export const DEMO_DIR = fileURLToPath(new URL('../../../demo/', import.meta.url));

interface Asset {
  readonly type: string;
  readonly body: string;
  readonly etag: string;
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * The demo's script, bundled from `demo/main.ts` (which imports the client
 * library from `client/src`). esbuild is a development dependency, loaded only
 * here: a production image has no sources and ships the bundle `demo/build.ts`
 * wrote at image build time as `demo/app.js` instead.
 */
export const bundleDemoScript = async (dir: string = DEMO_DIR): Promise<string> => {
  const entry = join(dir, 'main.ts');
  if (!(await exists(entry))) return readFile(join(dir, 'app.js'), 'utf8');
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the demo');
  return output.text;
};

const asset = (type: string, body: string): Asset => ({
  type,
  body,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
});

/**
 * `/demo`: a chat page built on the client library, from files in `demo/`.
 * Each file is read (the script bundled) at its first request and then kept in
 * memory; a failure is not kept, so the next request tries again.
 */
export const demoRoutes = (dir: string = DEMO_DIR): Router<HttpState> => {
  const loaders: Record<string, () => Promise<Asset>> = {
    html: async () => asset('text/html; charset=utf-8', await readFile(join(dir, 'index.html'), 'utf8')),
    css: async () => asset('text/css; charset=utf-8', await readFile(join(dir, 'demo.css'), 'utf8')),
    js: async () => asset('text/javascript; charset=utf-8', await bundleDemoScript(dir)),
  };
  const cache = new Map<string, Promise<Asset>>();
  const load = (name: string): Promise<Asset> => {
    let loaded = cache.get(name);
    if (!loaded) {
      loaded = loaders[name]!();
      loaded.catch(() => cache.delete(name));
      cache.set(name, loaded);
    }
    return loaded;
  };
  const serve = (name: string) => async (ctx: RouteContext) => {
    const { type, body, etag } = await load(name);
    ctx.status = 200;
    ctx.type = type;
    // Revalidated on every load, so a restarted server's new files are picked up at once.
    ctx.set('Cache-Control', 'no-cache');
    ctx.set('ETag', etag);
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.body = body;
  };
  return new Router<HttpState>()
    .get(DEMO_PATH, serve('html'))
    .get(`${DEMO_PATH}/app.js`, serve('js'))
    .get(`${DEMO_PATH}/demo.css`, serve('css'));
};
