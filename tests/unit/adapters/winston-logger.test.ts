import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createWinstonLogger, type WinstonLoggerOptions } from '../../../src/adapters/logging/winston-logger.js';

/** A logger writing to memory; `lines()` waits for the writes to land. */
const capture = (options: Omit<WinstonLoggerOptions, 'stream'>) => {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const logger = createWinstonLogger({ ...options, stream });
  const lines = async (): Promise<string[]> => {
    await new Promise((resolve) => setImmediate(resolve));
    return text.split('\n').filter((line) => line.length > 0);
  };
  return { logger, lines };
};

const SECRETS = {
  password: 'hunter2-password',
  accessToken: 'eyJ.secret-access-token',
  refreshToken: 'opaque-refresh-token',
  clientSecret: 'client-secret-value',
  authorization: 'Bearer secret-bearer',
  cookie: 'sid=secret-cookie',
};

describe('createWinstonLogger', () => {
  const directories: string[] = [];
  afterEach(async () => {
    await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('writes one JSON object per line with level, message, timestamp and meta', async () => {
    const { logger, lines } = capture({ level: 'info', format: 'json' });
    logger.info('user registered', { userId: 'u1', count: 2 });
    const [line] = await lines();
    const entry = JSON.parse(line!);
    expect(entry).toMatchObject({ level: 'info', message: 'user registered', userId: 'u1', count: 2 });
    expect(new Date(entry.timestamp).getTime()).not.toBeNaN();
  });

  it('writes readable lines in pretty mode', async () => {
    const { logger, lines } = capture({ level: 'info', format: 'pretty' });
    logger.warn('slow request', { route: '/api/x' });
    const [line] = await lines();
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT\S+ warn slow request \{"route":"\/api\/x"\}$/);
  });

  it('drops levels below the configured one', async () => {
    const { logger, lines } = capture({ level: 'warn', format: 'json' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect((await lines()).map((line) => JSON.parse(line).message)).toEqual(['w', 'e']);
  });

  it('adds the fields of a child to each of its lines, and of nested children', async () => {
    const { logger, lines } = capture({ level: 'debug', format: 'json' });
    const request = logger.child({ requestId: 'r-1' });
    request.child({ userId: 'u-1' }).debug('inner');
    request.info('outer');
    logger.info('root');
    const entries = (await lines()).map((line) => JSON.parse(line));
    expect(entries[0]).toMatchObject({ message: 'inner', requestId: 'r-1', userId: 'u-1' });
    expect(entries[1]).toMatchObject({ message: 'outer', requestId: 'r-1' });
    expect(entries[1]).not.toHaveProperty('userId');
    expect(entries[2]).not.toHaveProperty('requestId');
  });

  it.each(['json', 'pretty'] as const)('never writes a secret passed in meta (%s)', async (format) => {
    const { logger, lines } = capture({ level: 'debug', format });
    logger.info('login', { ...SECRETS, userId: 'u1' });
    logger.child({ token: 'child-token-value' }).error('nested', {
      request: { headers: { Authorization: 'Bearer nested-bearer', 'x-request-id': 'r-9' } },
      body: { user: { passwd: 'x', newPassword: 'nested-password' } },
      sessions: [{ refresh: 'array-refresh-value' }],
    });
    const output = (await lines()).join('\n');
    for (const secret of [
      ...Object.values(SECRETS),
      'child-token-value',
      'nested-bearer',
      'nested-password',
      'array-refresh-value',
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[REDACTED]');
    expect(output).toContain('u1');
    expect(output).toContain('r-9');
  });

  it('redacts at any depth in JSON and keeps the shape of the rest', async () => {
    const { logger, lines } = capture({ level: 'info', format: 'json' });
    const meta = { user: { id: 'u1', credentials: { password: 'p', apiToken: 't' } }, list: [{ secret: 's', ok: 1 }] };
    logger.info('event', meta);
    const entry = JSON.parse((await lines())[0]!);
    expect(entry.user).toEqual({ id: 'u1', credentials: { password: '[REDACTED]', apiToken: '[REDACTED]' } });
    expect(entry.list).toEqual([{ secret: '[REDACTED]', ok: 1 }]);
    expect(meta.user.credentials.password).toBe('p');
  });

  it('logs errors with their stack, and survives cycles', async () => {
    const { logger, lines } = capture({ level: 'info', format: 'json' });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    logger.error('failed', { error: new Error('boom'), cyclic });
    const entry = JSON.parse((await lines())[0]!);
    expect(entry.error).toMatchObject({ name: 'Error', message: 'boom' });
    expect(entry.error.stack).toContain('boom');
    expect(entry.cyclic).toEqual({ name: 'loop', self: '[Circular]' });
  });

  it('writes nothing when silent', async () => {
    const { logger, lines } = capture({ level: 'debug', format: 'json', silent: true });
    logger.error('hidden');
    expect(await lines()).toEqual([]);
  });

  const logDirectory = async () => {
    const directory = await mkdtemp(join(tmpdir(), 'winston-logger-'));
    directories.push(directory);
    return directory;
  };
  const jsonFile = async (path: string) =>
    (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const today = () => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  };

  it('writes app-<date>.log (every level) and error-<date>.log (errors) as JSON, flushed by close', async () => {
    const directory = await logDirectory();
    const { logger } = capture({ level: 'info', format: 'pretty', files: { directory, maxSizeMb: 20, maxDays: 14 } });
    logger.info('first', { password: 'file-password' });
    logger.error('second', { code: 7 });
    await logger.close();
    const app = await jsonFile(join(directory, `app-${today()}.log`));
    const errors = await jsonFile(join(directory, `error-${today()}.log`));
    expect(app.map((e) => e.message)).toEqual(['first', 'second']);
    expect(app[0]).toMatchObject({ level: 'info', password: '[REDACTED]' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: 'error', message: 'second', code: 7 });
  });

  it('starts a new file when one reaches LOG_FILE_MAX_SIZE_MB, keeping every line', async () => {
    const directory = await logDirectory();
    const { logger } = capture({ level: 'info', format: 'json', files: { directory, maxSizeMb: 1, maxDays: 14 } });
    const filler = 'x'.repeat(1000);
    for (let i = 0; i < 1500; i += 1) logger.info('line', { i, filler });
    await logger.close();
    const files = (await readdir(directory)).filter((name) => name.startsWith('app-')).sort();
    expect(files.length).toBeGreaterThanOrEqual(2);
    const sizes = await Promise.all(files.map(async (name) => (await stat(join(directory, name))).size));
    for (const size of sizes) expect(size).toBeLessThanOrEqual(1024 * 1024 + 2000);
    const lines = (await Promise.all(files.map((name) => jsonFile(join(directory, name))))).flat();
    expect(lines.map((line) => line.i).sort((a, b) => Number(a) - Number(b))).toEqual([...Array(1500).keys()]);
  });

  it('colours pretty lines only on a terminal, and never writes colour codes to files', async () => {
    const directory = await logDirectory();
    const terminal = Object.assign(new PassThrough(), { isTTY: true });
    let onTerminal = '';
    terminal.on('data', (chunk: Buffer) => (onTerminal += chunk.toString('utf8')));
    const files = { directory, maxSizeMb: 20, maxDays: 14 };
    const coloured = createWinstonLogger({ level: 'info', format: 'pretty', stream: terminal, files });
    coloured.warn('to a terminal');
    await coloured.close();
    expect(onTerminal).toMatch(/\u001b\[\d+m/);
    expect(await readFile(join(directory, `app-${today()}.log`), 'utf8')).not.toMatch(/\u001b/);

    const { logger, lines } = capture({ level: 'info', format: 'pretty' });
    logger.warn('to a pipe');
    expect((await lines()).join('\n')).not.toMatch(/\u001b/);
  });

  it('closes once and ignores lines logged after closing', async () => {
    const { logger, lines } = capture({ level: 'info', format: 'json' });
    logger.info('before');
    await Promise.all([logger.close(), logger.child({ a: 1 }).close()]);
    logger.info('after');
    logger.child({ requestId: 'r' }).error('after too');
    expect((await lines()).map((line) => JSON.parse(line).message)).toEqual(['before']);
  });
});
