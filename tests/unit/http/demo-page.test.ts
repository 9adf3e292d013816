import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { demoRoutes } from '../../../src/adapters/http/demo-page.js';
import { serve, type Served } from './serve.js';

const dirs: string[] = [];
const servers: Served[] = [];

const demoDir = async (files: Record<string, string>): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'demo-page-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
};

const start = async (dir: string): Promise<string> => {
  const app = new Koa();
  app.use(demoRoutes(dir).routes());
  const served = await serve(app);
  servers.push(served);
  return served.url;
};

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A browser's revalidation: fetch() would add `Cache-Control: no-cache` to a conditional request, which forbids a 304. */
const revalidate = (url: string, etag: string): Promise<number | undefined> =>
  new Promise((resolve, reject) => {
    get(url, { headers: { 'If-None-Match': etag } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    }).on('error', reject);
  });

const PAGE = { 'index.html': '<!DOCTYPE html><title>demo</title>', 'demo.css': 'body { margin: 0 }' };

describe('the /demo routes', () => {
  it('serve the page and the stylesheet with their types, revalidated by ETag', async () => {
    const url = await start(await demoDir({ ...PAGE, 'app.js': '' }));
    const page = await fetch(`${url}/demo`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toBe(PAGE['index.html']);

    const css = await fetch(`${url}/demo/demo.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const etag = css.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await revalidate(`${url}/demo/demo.css`, etag!)).toBe(304);
    expect(await revalidate(`${url}/demo/demo.css`, '"another"')).toBe(200);
  });

  it('bundles main.ts with what it imports into one browser script', async () => {
    const dir = await demoDir({
      ...PAGE,
      'greeting.ts': 'export const greeting = (name: string): string => `hello ${name}`;',
      'main.ts': "import { greeting } from './greeting.js';\ndocument.title = greeting('demo');",
    });
    const url = await start(dir);
    const script = await fetch(`${url}/demo/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const body = await script.text();
    expect(body).toContain('hello');
    expect(body).not.toMatch(/\bimport\b|: string/);
  });

  it('serves the prebuilt app.js where there are no sources (a production image)', async () => {
    const url = await start(await demoDir({ ...PAGE, 'app.js': 'console.log("prebuilt");' }));
    expect(await (await fetch(`${url}/demo/app.js`)).text()).toBe('console.log("prebuilt");');
  });

  it('does not keep a failed bundle: the next request tries again', async () => {
    const dir = await demoDir({ ...PAGE, 'main.ts': "import { missing } from './missing.js';\nmissing();" });
    const url = await start(dir);
    expect((await fetch(`${url}/demo/app.js`)).status).toBe(500);
    await writeFile(join(dir, 'missing.ts'), 'export const missing = (): void => undefined;');
    const fixed = await fetch(`${url}/demo/app.js`);
    expect(fixed.status).toBe(200);
  });
});
