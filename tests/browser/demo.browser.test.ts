import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from '../e2e/support/start-e2e-app.js';
import { useChromium } from './support/chromium.js';
import { DemoWindow, WAIT_MS, type DemoUser } from './support/demo-window.js';
import { saveSideBySide } from './support/side-by-side.js';

const browserSuite = useChromium();
const SCREENSHOT = fileURLToPath(new URL('../../docs/demo.png', import.meta.url));

/** A socket whose network is gone is noticed by its heartbeat (ping interval plus timeout), not at once. */
const OFFLINE_NOTICED_MS = 90_000;

const alice: DemoUser = { username: 'alice', email: 'alice@example.com', password: 'alice-password' };
const bob: DemoUser = { username: 'bob', email: 'bob@example.com', password: 'bob-password' };

// One app and one browser for the whole story; each step starts where the previous one left the two windows.
describe.skipIf(browserSuite.skip).sequential('the /demo page in Chromium', () => {
  let app: E2eApp;
  let browser: Browser;
  let a: DemoWindow;
  let b: DemoWindow;
  /** The conversation as both windows must show it, oldest first. */
  const history: string[] = [];
  let carolToken = '';

  beforeAll(async () => {
    // The server's typing expiry at its default, longer than the client's idle stop, so only the client clears it.
    app = await startE2eApp({ TYPING_TIMEOUT_MS: '5000' });
    // Someone else in the people list, for Alice to look at while Bob writes to her.
    const carol = await app.api<{ accessToken: string }>('POST', '/api/auth/register', {
      body: { username: 'carol', email: 'carol@example.com', password: 'carol-password' },
    });
    carolToken = carol.body.data.accessToken;
    browser = await chromium.launch({ executablePath: browserSuite.executablePath, headless: true });
    [a, b] = await Promise.all([DemoWindow.open(browser, app.url), DemoWindow.open(browser, app.url)]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const expectNoProblems = () => {
    expect([...a.problems, ...b.problems]).toEqual([]);
  };

  it('serves the page, its stylesheet and its bundled script from this origin under the strict CSP', async () => {
    const page = await fetch(`${app.url}/demo`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = await fetch(`${app.url}/demo/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await script.text()).length).toBeGreaterThan(1000);
    const css = await fetch(`${app.url}/demo/demo.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('two people register and chat both ways', async () => {
    await a.register(alice);
    await b.register(bob);

    await b.openChatWith('alice');
    await b.send('Hi Alice!');
    history.push('Hi Alice!');
    await b.waitForMessages(history);

    await a.waitForUnread('bob', 1);
    await a.conversation('bob').locator('.dot.online').waitFor({ timeout: WAIT_MS });
    await a.openChatWith('bob');
    await a.waitForMessages(history);
    await a.waitForUnread('bob', 0);

    await a.send('Hi Bob! How are you?');
    history.push('Hi Bob! How are you?');
    await a.waitForMessages(history);
    await b.waitForMessages(history);
    expectNoProblems();
  }, 90_000);

  it('shows the partner typing, and clears it when they pause or send', async () => {
    await a.type('Fine, th');
    await b.typingLine().filter({ hasText: 'alice is typing' }).waitFor({ timeout: WAIT_MS });
    // Alice stops: her client sends typing_stop after a few idle seconds.
    await b.typingLine().waitFor({ state: 'hidden', timeout: WAIT_MS });

    await a.type('anks!');
    await b.typingLine().waitFor({ timeout: WAIT_MS });
    await a.page.press('#composer-input', 'Enter');
    history.push('Fine, thanks!');
    await b.waitForMessages(history);
    await b.typingLine().waitFor({ state: 'hidden', timeout: WAIT_MS });
    expectNoProblems();
  }, 90_000);

  it('marks an own message sent, then delivered, then read', async () => {
    // Alice looks at someone else: Bob's next message reaches her window but stays unread.
    await a.openChatWith('carol');
    await b.recordStatuses();
    await b.send('Are you there?');
    history.push('Are you there?');
    await b.waitForStatus(['Are you there?'], 'delivered');
    await a.waitForUnread('bob', 1);
    expect(await b.statusHistory('Are you there?')).toEqual(['pending', 'sent', 'delivered']);

    await a.openChatWith('bob');
    await a.waitForMessages(history);
    await b.waitForStatus(['Are you there?'], 'read');
    expect(await b.statusHistory('Are you there?')).toEqual(['pending', 'sent', 'delivered', 'read']);
    await a.waitForUnread('bob', 0);
    expectNoProblems();
  }, 90_000);

  it(
    'keeps what is written offline and delivers each message once, in order, when the network returns',
    async () => {
      await b.context.setOffline(true);
      await b.offlineBanner().waitFor({ timeout: OFFLINE_NOTICED_MS });
      const offline = ['Offline one', 'Offline two', 'Offline three'];
      for (const text of offline) await b.send(text);
      history.push(...offline);
      await b.waitForMessages(history);
      await b.waitForStatus(offline, 'pending');

      await b.context.setOffline(false);
      await b.offlineBanner().waitFor({ state: 'hidden', timeout: OFFLINE_NOTICED_MS });
      await a.waitForMessages(history, OFFLINE_NOTICED_MS);
      // Alice has the conversation open: all three end read, and nothing came twice on either side.
      await b.waitForStatus(offline, 'read');
      await a.waitForMessages(history);
      await b.waitForMessages(history);
      expectNoProblems();
    },
    4 * OFFLINE_NOTICED_MS,
  );

  it('restores the login and the open conversation with its history after a reload', async () => {
    await a.page.reload();
    await a.signedInAs('alice');
    await a.page.locator('#peer-name', { hasText: 'bob' }).waitFor({ timeout: WAIT_MS });
    await a.waitForMessages(history);

    await b.page.reload();
    await b.signedInAs('bob');
    await b.waitForMessages(history);
    expectNoProblems();
  }, 90_000);

  it('marks a send the server refuses for good, and lets it be discarded', async () => {
    // Only an invisible character: the server refuses it as blank, however often it is tried.
    await b.send('\u200b');
    const refused = b.page.locator('#messages li.failed');
    await refused.locator('.mark[data-status="failed"]').waitFor({ timeout: WAIT_MS });
    await refused.locator('button[data-action="discard"]').click();
    await refused.waitFor({ state: 'detached', timeout: WAIT_MS });
    await b.waitForMessages(history);
    await a.waitForMessages(history);
    expectNoProblems();
  }, 60_000);

  it('lets two windows of one browser be two people, each keeping its own login across a reload', async () => {
    const first = await DemoWindow.open(browser, app.url);
    const second = await DemoWindow.open(browser, app.url, first.context);
    try {
      await first.register({ username: 'dave', email: 'dave@example.com', password: 'dave-password' });
      // The same browser's storage, yet this window is nobody until someone signs in here.
      await second.page.locator('#auth-view').waitFor({ timeout: WAIT_MS });
      await second.register({ username: 'erin', email: 'erin@example.com', password: 'erin-password' });
      await second.openChatWith('dave');
      await second.send('Hello from the other window');
      await first.openChatWith('erin');
      await first.waitForMessages(['Hello from the other window']);

      await Promise.all([first.page.reload(), second.page.reload()]);
      await first.signedInAs('dave');
      await second.signedInAs('erin');
      await first.send('Still me');
      await second.waitForMessages(['Hello from the other window', 'Still me']);
      expect([...first.problems, ...second.problems]).toEqual([]);
    } finally {
      await first.close();
    }
  }, 90_000);

  it('writes the screenshot of both windows', async () => {
    // Carol writes too, so Alice's window shows an unread badge.
    const { body } = await app.api<{ users: Array<{ id: string; username: string }> }>(
      'GET',
      '/api/user/list?search=alice',
      {
        token: carolToken,
      },
    );
    const aliceId = body.data.users.find((u) => u.username === 'alice')?.id;
    await app.api('POST', '/api/messages/send', {
      token: carolToken,
      body: { receiverId: aliceId, content: 'Lunch tomorrow?' },
    });
    await a.waitForUnread('carol', 1);
    await b.type('See you');
    await a.typingLine().waitFor({ timeout: WAIT_MS });
    await saveSideBySide(browser, [a, b], SCREENSHOT);
  }, 60_000);
});
