import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startE2eApp } from '../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../e2e/support/use-e2e-app.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs in a plain Node process: the built file, found through the package's own `exports`. */
const SCRIPT = `
import { ChatClient, memoryStorage } from 'chat-backend/client';
const client = new ChatClient({ baseUrl: process.env.APP_URL, storage: memoryStorage() });
const online = new Promise((resolve) => client.on('connection', (s) => s === 'online' && resolve()));
const tag = Math.random().toString(36).slice(2, 10);
const user = await client.register({ username: 'built_' + tag, email: 'built_' + tag + '@example.com', password: 'a-long-password' });
await online;
const failed = new Promise((resolve) => client.on('message_updated', (m) => m.status === 'failed' && resolve(m)));
client.send({ receiverId: user.id }, 'to myself');
const message = await failed;
client.close();
console.log(JSON.stringify({ username: user.username, state: client.connectionState, error: message.error }));
`;

describe('the built client library', () => {
  const app = useE2eApp(startE2eApp);

  it('is imported as chat-backend/client in plain Node and talks to the server over its socket', async () => {
    await run('npm', ['run', '-s', 'build:client'], { cwd: ROOT });
    const exported = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).exports['./client'];
    expect(existsSync(`${ROOT}${exported.import}`)).toBe(true);
    expect(existsSync(`${ROOT}${exported.types}`)).toBe(true);

    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', SCRIPT], {
      cwd: ROOT,
      env: { ...process.env, APP_URL: app().url },
      timeout: 60_000,
    });
    // Refused over the socket (its acknowledgement carries the validation error), so the socket worked.
    expect(JSON.parse(stdout.trim())).toMatchObject({
      username: expect.stringMatching(/^built_/),
      state: 'offline',
      error: { status: 0, code: 'VALIDATION_FAILED' },
    });
  }, 120_000);
});
