import { describe, expect, it } from 'vitest';
import { consoleFormatOf } from '../../../src/bootstrap/console-format.js';
import { describeUrl } from '../../../src/bootstrap/select-infrastructure.js';
import {
  invalidConfiguration,
  StartupError,
  startupFailureLine,
  startupStep,
} from '../../../src/bootstrap/startup-error.js';

const NOW = new Date('2026-11-27T09:00:00.000Z');

describe('the line a failed start leaves', () => {
  it('names the setting to fix, as JSON or as a pretty line, without a stack', () => {
    const error = new StartupError('REDIS_URL', 'Redis at redis://cache:6379 did not answer');
    expect(JSON.parse(startupFailureLine(error, 'json', NOW))).toEqual({
      level: 'error',
      message: 'cannot start: Redis at redis://cache:6379 did not answer',
      setting: 'REDIS_URL',
      timestamp: NOW.toISOString(),
    });
    expect(startupFailureLine(error, 'pretty', NOW)).toBe(
      '2026-11-27T09:00:00.000Z error cannot start: Redis at redis://cache:6379 did not answer (fix REDIS_URL)',
    );
  });

  it('keeps an unexpected error to its name and message on one line', () => {
    const line = startupFailureLine(new TypeError('x is not\na function'), 'json', NOW);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      level: 'error',
      message: 'cannot start: TypeError: x is not a function',
      timestamp: NOW.toISOString(),
    });
  });

  it('names every variable of an invalid configuration once', () => {
    const error = invalidConfiguration([
      'PORT must be an integer from 0 to 65535',
      'JWT_SECRET and JWT_SECRET_FILE are both set: keep one',
      'JWT_SECRET must be at least 32 bytes',
    ]);
    expect(error.setting).toBe('PORT, JWT_SECRET');
    expect(error.message).toMatch(/^invalid configuration: PORT must .*; JWT_SECRET and .*; JWT_SECRET must/);
  });
});

describe('startupStep', () => {
  const step = { setting: 'MONGODB_URI', what: 'MongoDB at mongodb://db did not answer', timeoutMs: 50 };

  it('passes a result on', async () => {
    await expect(startupStep(step, Promise.resolve(7))).resolves.toBe(7);
  });

  it('turns a failure into a StartupError naming the setting', async () => {
    const failed = startupStep(step, Promise.reject(new Error('connect ECONNREFUSED\n 10.0.0.1:27017')));
    await expect(failed).rejects.toMatchObject({
      name: 'StartupError',
      setting: 'MONGODB_URI',
      message: 'MongoDB at mongodb://db did not answer: connect ECONNREFUSED 10.0.0.1:27017',
    });
  });

  it('gives up after the time with what was last heard, and releases what comes later', async () => {
    let arrive: (value: string) => void = () => undefined;
    const late = new Promise<string>((resolve) => (arrive = resolve));
    const released: string[] = [];
    const failed = startupStep(
      { ...step, lastHeard: async () => 'ECONNREFUSED', abandon: (value) => released.push(value) },
      late,
    );
    await expect(failed).rejects.toThrow('did not answer: no answer within 50 ms (last heard: ECONNREFUSED)');
    arrive('client');
    await late;
    await Promise.resolve();
    expect(released).toEqual(['client']);
  });
});

describe('consoleFormatOf', () => {
  it('is pretty only for a terminal outside production, unless LOG_FORMAT says', () => {
    expect(consoleFormatOf('development', undefined, true)).toBe('pretty');
    expect(consoleFormatOf('development', undefined, false)).toBe('json');
    expect(consoleFormatOf('production', undefined, true)).toBe('json');
    expect(consoleFormatOf('production', 'pretty', false)).toBe('pretty');
  });
});

describe('describeUrl', () => {
  it.each([
    ['mongodb://user:secret@a:27017,b:27017/chat?replicaSet=rs0', 'mongodb://a:27017,b:27017/chat'],
    ['amqp://chat:secret@broker:5672', 'amqp://broker:5672'],
    ['redis://:secret@cache:6379/', 'redis://cache:6379'],
    ['mongodb+srv://u:p@cluster.example.com/db', 'mongodb+srv://cluster.example.com/db'],
  ])('shows %s as %s, never its credentials', (url, shown) => {
    expect(describeUrl(url)).toBe(shown);
  });
});
