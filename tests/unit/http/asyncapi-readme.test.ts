import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEventTable, renderLimitTable } from '../../../tools/event-docs.js';

const socketSection = (): string => {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('## Socket.IO events\n');
  const end = readme.indexOf('\n## ', start + 1);
  expect(start, 'README.md has a "## Socket.IO events" section').toBeGreaterThanOrEqual(0);
  return readme.slice(start, end < 0 ? undefined : end);
};

describe('the README’s Socket.IO section', () => {
  it('has the event table of the catalog (run `npm run docs:events` when this fails)', () => {
    expect(socketSection()).toContain(`${renderEventTable()}\n\n`);
  });

  it('has the limit table of the default configuration (run `npm run docs:events` when this fails)', () => {
    expect(socketSection()).toContain(`${renderLimitTable()}\n\n`);
  });

  it('tells a client without the SDK how to log in, refresh, connect, retry sends and catch up', () => {
    const section = socketSection();
    for (const needle of [
      '### Writing a client without the SDK',
      'POST /api/auth/login',
      'POST /api/auth/refresh',
      'auth: (cb) => cb(',
      'same** `clientMessageId`',
      'POST /api/messages/send',
      'messages?after=<last seq>&limit=100',
      'resync',
    ]) {
      expect(section).toContain(needle);
    }
  });
});
