import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { errorMiddleware } from '../../../src/adapters/http/error-middleware.js';
import type { HttpState } from '../../../src/adapters/http/http-state.js';
import { requestContext } from '../../../src/adapters/http/request-context.js';
import { isServiceOutage } from '../../../src/adapters/shared/is-service-outage.js';
import { RecordingLogger } from '../../support/recording-logger.js';
import { serve, type Served } from './serve.js';

const named = (name: string, message = 'driver detail: host db-7.internal:27017'): Error =>
  Object.assign(new Error(message), { name });
const coded = (code: string): Error => Object.assign(new Error(`connect ${code} 10.1.2.3:5672`), { code });

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

/** The two outer middleware of the app around a handler that throws what it is given. */
const throwing = async (error: unknown, headers: Record<string, string> = {}) => {
  const logger = new RecordingLogger();
  const app = new Koa<HttpState>();
  app.use(requestContext(logger, { observeHttp: () => {} }));
  app.use(errorMiddleware(1024));
  app.use(() => {
    throw error;
  });
  served = await serve(app as unknown as Koa);
  const res = await fetch(`${served.url}/boom`, { headers: { 'X-Request-Id': 'req-1', ...headers } });
  return { res, body: (await res.json()) as Record<string, unknown>, logger };
};

describe('isServiceOutage', () => {
  it('recognises drivers’ connection errors by name or code, also when wrapped', () => {
    for (const name of [
      'MongoNetworkError',
      'MongoServerSelectionError',
      'MongoNotConnectedError',
      'MongoTopologyClosedError',
      'ClientClosedError',
      'SocketClosedUnexpectedlyError',
      'ConnectionTimeoutError',
      'ServiceUnavailableError',
    ]) {
      expect(isServiceOutage(named(name)), name).toBe(true);
    }
    expect(isServiceOutage(coded('ECONNREFUSED'))).toBe(true);
    expect(isServiceOutage(coded('ECONNRESET'))).toBe(true);
    expect(isServiceOutage(new Error('write failed', { cause: named('MongoNetworkError') }))).toBe(true);
  });

  it('leaves every other error alone', () => {
    expect(isServiceOutage(new TypeError('x is undefined'))).toBe(false);
    expect(isServiceOutage(named('MongoServerError'))).toBe(false);
    expect(isServiceOutage('ECONNREFUSED')).toBe(false);
    expect(isServiceOutage(null)).toBe(false);
  });
});

describe('errorMiddleware', () => {
  it('answers a bug with 500 INTERNAL and the request id, never the message or stack, and logs it', async () => {
    const { res, body, logger } = await throwing(new TypeError('secret internals: cannot read x of undefined'));
    expect(res.status).toBe(500);
    expect(body).toEqual({ success: false, message: 'Internal server error', code: 'INTERNAL', requestId: 'req-1' });
    const logged = logger.lines.find((l) => l.level === 'error');
    expect(logged).toMatchObject({ requestId: 'req-1', error: { name: 'TypeError' } });
    expect(JSON.stringify(logged)).toContain('secret internals');
  });

  it('answers an outage of a backing service with 503 SERVICE_UNAVAILABLE, without driver details', async () => {
    for (const error of [named('MongoServerSelectionError'), coded('ECONNREFUSED'), named('ServiceUnavailableError')]) {
      const { res, body } = await throwing(error);
      expect(res.status).toBe(503);
      expect(body).toMatchObject({ success: false, code: 'SERVICE_UNAVAILABLE', requestId: 'req-1' });
      expect(JSON.stringify(body)).not.toMatch(/db-7|10\.1\.2\.3/);
      await served?.close();
      served = undefined;
    }
  });

  it('answers a body that does not decompress with 400, logged at warn without a stack', async () => {
    const zlibError = Object.assign(new Error('incorrect header check'), { errno: -3, code: 'Z_DATA_ERROR' });
    const { res, body, logger } = await throwing(zlibError, { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(400);
    expect(body).toEqual({ success: false, message: 'Corrupt compressed request body', code: 'VALIDATION_FAILED' });
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    const warned = logger.lines.find((l) => l.level === 'warn');
    expect(warned).toMatchObject({ error: { code: 'Z_DATA_ERROR' } });
    expect(JSON.stringify(warned)).not.toContain('stack');
  });

  it('answers something thrown that is not an Error with 500 too', async () => {
    const { res, body } = await throwing('a string');
    expect(res.status).toBe(500);
    expect(body).toMatchObject({ code: 'INTERNAL' });
  });
});
