import { afterEach, describe, expect, it } from 'vitest';
import type { HttpAppOptions } from '../../../src/adapters/http/create-http-app.js';
import type { HealthIndicator } from '../../../src/ports/health-indicator.js';
import { startEdgeApp, type EdgeApp } from './edge-app.js';

const running: EdgeApp[] = [];
const start = async (overrides: { health?: HealthIndicator[]; options?: Partial<HttpAppOptions> } = {}) => {
  const app = await startEdgeApp(overrides);
  running.push(app);
  return app;
};

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

const json = { 'Content-Type': 'application/json' };

describe('HTTP app, at the edge', () => {
  it('answers an unknown route (or a known path with another method) with the 404 envelope', async () => {
    const { url } = await start();
    for (const [method, path] of [
      ['GET', '/nope'],
      ['GET', '/api/nothing/here'],
      ['DELETE', '/api/auth/me'],
    ] as const) {
      const res = await fetch(`${url}${path}`, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ success: false, code: 'NOT_FOUND' });
    }
  });

  it('refuses a body that is not JSON with 415, but lets a request without a body through', async () => {
    const { url } = await start();
    const text = await fetch(`${url}/api/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'username=x',
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ success: false, code: 'UNSUPPORTED_MEDIA_TYPE' });

    const form = await fetch(`${url}/api/auth/login`, { method: 'POST', body: new URLSearchParams({ a: 'b' }) });
    expect(form.status).toBe(415);

    const empty = await fetch(`${url}/api/not-a-route/mark-read`, { method: 'PUT' });
    expect(empty.status).toBe(404);
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const { url } = await start({ options: { bodyLimitBytes: 100 } });
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'a@b.cd', password: 'x'.repeat(200) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ success: false, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers malformed JSON with 400, says so, and never logs the body', async () => {
    const { url, logger } = await start();
    for (const body of ['{"password": "hunter2-secret"', '"just a string"']) {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: json, body });
      expect(res.status).toBe(400);
      const payload = (await res.json()) as { message: string };
      expect(payload).toMatchObject({ success: false, code: 'VALIDATION_FAILED' });
      expect(payload.message).toMatch(/malformed json/i);
      expect(JSON.stringify(payload)).not.toContain('hunter2');
    }
    expect(JSON.stringify(logger.lines)).not.toContain('hunter2');
  });

  it('echoes a sane X-Request-Id, replaces anything else, and logs one line per request with it', async () => {
    const { url, logger } = await start();
    const given = await fetch(`${url}/health/live?probe=1`, { headers: { 'X-Request-Id': 'abc.DEF_123-x' } });
    expect(given.headers.get('x-request-id')).toBe('abc.DEF_123-x');

    for (const bad of ['x'.repeat(65), 'has space', 'semi;colon']) {
      const res = await fetch(`${url}/nope`, { headers: { 'X-Request-Id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const generated = await fetch(`${url}/nope`);
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const requestLines = logger.lines.filter((l) => l.message === 'http request');
    expect(requestLines).toHaveLength(5);
    expect(requestLines[0]).toMatchObject({
      requestId: 'abc.DEF_123-x',
      method: 'GET',
      path: '/health/live',
      status: 200,
    });
    expect(requestLines[4]).toMatchObject({ requestId: id, path: '/nope', status: 404 });
    expect(typeof requestLines[4]?.durationMs).toBe('number');
  });

  it('is live while the process runs', async () => {
    const { url } = await start({ options: { isShuttingDown: () => true } });
    const res = await fetch(`${url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, data: { status: 'alive' } });
  });

  it('is not live (503) while the process says it cannot recover by itself, and live again once it can', async () => {
    let live = false;
    const { url } = await start({ options: { isLive: () => live } });
    const res = await fetch(`${url}/health/live`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ success: false, code: 'SERVICE_UNAVAILABLE' });
    live = true;
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });

  it('is ready when every service answers, naming each', async () => {
    const ok = (name: string): HealthIndicator => ({ name, check: async () => {} });
    const { url } = await start({ health: [ok('mongo'), ok('redis')] });
    const res = await fetch(`${url}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      success: true,
      data: { status: 'ready', services: { mongo: 'up', redis: 'up' } },
    });
  });

  it('is not ready (503) when a service fails or does not answer in time, and names those', async () => {
    const health: HealthIndicator[] = [
      { name: 'mongo', check: async () => {} },
      { name: 'redis', check: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.1:6379')) },
      { name: 'rabbitmq', check: () => new Promise<void>(() => {}) },
    ];
    const { url, logger } = await start({ health, options: { readinessTimeoutMs: 50 } });
    const res = await fetch(`${url}/health/ready`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { message: string; errors: Array<{ field: string }> };
    expect(body).toMatchObject({ success: false, code: 'SERVICE_UNAVAILABLE' });
    expect(body.message).toContain('redis');
    expect(body.message).toContain('rabbitmq');
    expect(body.message).not.toContain('mongo');
    expect(body.errors.map((e) => e.field).sort()).toEqual(['rabbitmq', 'redis']);
    expect(JSON.stringify(body)).not.toContain('10.0.0.1');
    expect(logger.lines.some((l) => l.level === 'warn' && JSON.stringify(l).includes('ECONNREFUSED'))).toBe(true);
  });

  it('is not ready while shutting down, even with healthy services', async () => {
    let shuttingDown = false;
    const { url } = await start({ options: { isShuttingDown: () => shuttingDown } });
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    shuttingDown = true;
    const res = await fetch(`${url}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ success: false, code: 'SERVICE_UNAVAILABLE' });
  });

  it('serves Prometheus text, labelling requests by route template, never by raw path', async () => {
    const { url, metrics } = await start();
    await fetch(`${url}/api-docs/assets/index.css`);
    await fetch(`${url}/some/raw/path/123`);
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(metrics.contentType);
    const text = await res.text();
    expect(text).toContain(
      'chat_http_request_duration_seconds_count{method="GET",route="/api-docs/assets/:asset",status="200"} 1',
    );
    expect(text).toContain('route="unmatched",status="404"');
    expect(text).not.toContain('/some/raw/path');
  });

  it('serves Swagger UI from the package, with its assets and the OpenAPI document', async () => {
    const { url } = await start();
    const page = await fetch(`${url}/api-docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('/api-docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);

    const bundle = await fetch(`${url}/api-docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);

    const initializer = await (await fetch(`${url}/api-docs/assets/swagger-initializer.js`)).text();
    expect(initializer).toContain('"/api-docs/openapi.json"');

    const css = await fetch(`${url}/api-docs/assets/swagger-ui.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);

    for (const path of ['/api-docs/assets/package.json', '/api-docs/assets/..%2Fpackage.json', '/api-docs/assets/']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }

    const spec = await fetch(`${url}/api-docs/openapi.json`);
    expect(spec.status).toBe(200);
    expect(await spec.json()).toMatchObject({ openapi: '3.0.3', paths: { '/api/auth/login': {} } });
  });

  it('sets security headers, with a CSP that keeps everything on our origin', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/api-docs`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // on errors too
    const missing = await fetch(`${url}/nope`);
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a CORS preflight for any origin when configured with *', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows only the listed origins when given a list', async () => {
    const { url } = await start({ options: { corsOrigins: ['https://app.example.com'] } });
    const preflight = (origin: string) =>
      fetch(`${url}/api/auth/login`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const allowed = await preflight('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const refused = await preflight('https://evil.example.com');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const simple = await fetch(`${url}/health/live`, { headers: { Origin: 'https://app.example.com' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(simple.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });

  it('limits /api requests per client IP with 429, Retry-After and the envelope; probes are not limited', async () => {
    const { url } = await start({ options: { apiRateLimit: { points: 2, durationSeconds: 60 } } });
    expect((await fetch(`${url}/api/x`)).status).toBe(404);
    expect((await fetch(`${url}/api/x`)).status).toBe(404);
    const limited = await fetch(`${url}/api/x`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ success: false, code: 'RATE_LIMITED' });
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });

  it('keys the limit by X-Forwarded-For only when trusting the proxy', async () => {
    const viaProxy = (url: string, ip: string) => fetch(`${url}/api/x`, { headers: { 'X-Forwarded-For': ip } });
    const trusting = await start({ options: { trustProxy: true, apiRateLimit: { points: 1, durationSeconds: 60 } } });
    expect((await viaProxy(trusting.url, '203.0.113.1')).status).toBe(404);
    expect((await viaProxy(trusting.url, '203.0.113.2')).status).toBe(404);
    expect((await viaProxy(trusting.url, '203.0.113.1')).status).toBe(429);

    const direct = await start({ options: { trustProxy: false, apiRateLimit: { points: 1, durationSeconds: 60 } } });
    expect((await viaProxy(direct.url, '203.0.113.1')).status).toBe(404);
    expect((await viaProxy(direct.url, '203.0.113.2')).status).toBe(429);
  });
});
