import { afterEach, describe, expect, it } from 'vitest';
import { RequestLogger } from '../../../src/adapters/http/request-logger.js';
import { RecordingLogger } from '../../support/recording-logger.js';
import { startEdgeApp, type EdgeApp } from './edge-app.js';

const running: EdgeApp[] = [];
const start = async () => {
  const app = await startEdgeApp();
  running.push(app);
  return app;
};

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

describe('the logger of one request', () => {
  it('puts the request id on every line, at every level, and on the lines of its children', () => {
    const root = new RecordingLogger();
    const logger = new RequestLogger(root, 'req-7');
    logger.debug('d', { a: 1 });
    logger.info('i');
    logger.warn('w', { b: 2 });
    logger.error('e');
    logger.child({ part: 'x' }).info('from a child', { c: 3 });
    expect(root.lines).toEqual([
      { requestId: 'req-7', a: 1, level: 'debug', message: 'd' },
      { requestId: 'req-7', level: 'info', message: 'i' },
      { requestId: 'req-7', b: 2, level: 'warn', message: 'w' },
      { requestId: 'req-7', level: 'error', message: 'e' },
      { requestId: 'req-7', part: 'x', c: 3, level: 'info', message: 'from a child' },
    ]);
  });
});

describe('HTTP app, per request', () => {
  it('judges each Content-Type by itself, however often another one came before', async () => {
    const { url } = await start();
    const cases: Array<[string, number]> = [
      ['application/json', 404],
      ['text/plain', 415],
      ['application/json; charset=utf-8', 404],
      ['application/problem+json', 404],
      ['TEXT/PLAIN', 415],
      ['application/jsonx', 415],
      ['application/json', 404],
    ];
    for (const round of [1, 2]) {
      for (const [type, status] of cases) {
        const res = await fetch(`${url}/api/no-such-route`, {
          method: 'POST',
          headers: { 'Content-Type': type },
          body: '{"a":1}',
        });
        expect(res.status, `${type}, round ${round}`).toBe(status);
      }
    }
  });

  it('logs probes and scrapes at debug, every other request at info', async () => {
    const { url, logger } = await start();
    for (const path of ['/health/live', '/metrics', '/health', '/metrics/more', '/api-docs/openapi.json']) {
      await fetch(`${url}${path}`);
    }
    const levels = logger.lines
      .filter((line) => line.message === 'http request')
      .map((line) => [line.path, line.level]);
    expect(levels).toEqual([
      ['/health/live', 'debug'],
      ['/metrics', 'debug'],
      ['/health', 'info'],
      ['/metrics/more', 'info'],
      ['/api-docs/openapi.json', 'info'],
    ]);
  });

  it('labels each request with the template of the route that answered it, whatever group the route is in', async () => {
    const { url, metrics } = await start();
    await fetch(`${url}/health/live`);
    await fetch(`${url}/api-docs/openapi.json`);
    await fetch(`${url}/api-docs/assets/index.css`);
    await fetch(`${url}/health/live`, { method: 'DELETE' });
    const text = await metrics.render();
    for (const [method, route, status] of [
      ['GET', '/health/live', 200],
      ['GET', '/api-docs/openapi.json', 200],
      ['GET', '/api-docs/assets/:asset', 200],
      ['DELETE', 'unmatched', 404],
    ] as const) {
      expect(text).toContain(
        `chat_http_request_duration_seconds_count{method="${method}",route="${route}",status="${status}"} 1`,
      );
    }
  });
});
