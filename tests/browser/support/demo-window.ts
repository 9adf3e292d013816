import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** Long enough for a loaded two-core machine; every wait ends as soon as its condition holds. */
export const WAIT_MS = 30_000;

export interface DemoUser {
  readonly username: string;
  readonly email: string;
  readonly password: string;
}

export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read';

// The functions handed to page.evaluate run in the browser; this program has no DOM library, so they see its globals loosely.
declare const document: any;
declare const window: any;
declare const MutationObserver: any;
declare const HTMLLIElement: any;
type PageElement = any;

/** One browser window on /demo, driven the way a person would use it. */
export class DemoWindow {
  /** Uncaught errors and refused resources (a CSP violation, say): any of these fails the suite. */
  readonly problems: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Refused to|Content Security Policy/i.test(message.text())) {
        this.problems.push(`console: ${message.text()}`);
      }
    });
  }

  /** A window in a browser of its own (its own storage), or another window of `context`'s browser. */
  static async open(browser: Browser, url: string, context?: BrowserContext): Promise<DemoWindow> {
    const ownContext = context ?? (await browser.newContext({ viewport: { width: 880, height: 600 } }));
    const page = await ownContext.newPage();
    const window = new DemoWindow(ownContext, page);
    await page.goto(`${url}/demo`);
    return window;
  }

  async register(user: DemoUser): Promise<void> {
    await this.page.locator('#auth-view').waitFor({ timeout: WAIT_MS });
    await this.page.click('#tab-register');
    await this.page.fill('#auth-form [name=username]', user.username);
    await this.page.fill('#auth-form [name=email]', user.email);
    await this.page.fill('#auth-form [name=password]', user.password);
    await this.page.click('#auth-submit');
    await this.signedInAs(user.username);
  }

  async signedInAs(username: string): Promise<void> {
    await this.page.locator('#chat-view').waitFor({ timeout: WAIT_MS });
    await this.page.locator('#me-name', { hasText: username }).waitFor({ timeout: WAIT_MS });
  }

  conversation(peer: string): Locator {
    return this.page.locator(`#conversations [data-peer="${peer}"]`);
  }

  /** The unread badge of the conversation with `peer` shows `count` (0: no badge). */
  async waitForUnread(peer: string, count: number): Promise<void> {
    const badge = this.conversation(peer).locator('.badge');
    if (count === 0) await badge.waitFor({ state: 'detached', timeout: WAIT_MS });
    else await badge.filter({ hasText: new RegExp(`^${count}$`) }).waitFor({ timeout: WAIT_MS });
  }

  /** Opens the conversation with `peer` from the conversation list, or from the people list when there is none yet. */
  async openChatWith(peer: string): Promise<void> {
    if ((await this.conversation(peer).count()) > 0) {
      await this.conversation(peer).click();
    } else {
      await this.page.fill('#user-search', peer);
      await this.page.locator(`#users [data-user="${peer}"]`).click({ timeout: WAIT_MS });
    }
    await this.page.locator('#peer-name', { hasText: peer }).waitFor({ timeout: WAIT_MS });
  }

  async type(text: string): Promise<void> {
    await this.page.locator('#composer-input').pressSequentially(text, { delay: 30 });
  }

  async send(text: string): Promise<void> {
    await this.page.fill('#composer-input', text);
    await this.page.press('#composer-input', 'Enter');
  }

  messageTexts(): Promise<string[]> {
    return this.page.locator('#messages .text').allTextContents();
  }

  /** Waits until the open conversation shows exactly `expected`, in this order (so: each once). */
  async waitForMessages(expected: readonly string[], timeout = WAIT_MS): Promise<void> {
    await this.waitFor(
      (wanted) =>
        JSON.stringify([...document.querySelectorAll('#messages .text')].map((e: PageElement) => e.textContent)) ===
        JSON.stringify(wanted),
      expected,
      timeout,
      async () => `messages ${JSON.stringify(await this.messageTexts())}, expected ${JSON.stringify(expected)}`,
    );
  }

  /** Waits until every own message with one of these texts shows `status`. */
  async waitForStatus(texts: readonly string[], status: MessageStatus, timeout = WAIT_MS): Promise<void> {
    await this.waitFor(
      ([wanted, state]: readonly [readonly string[], MessageStatus]) => {
        const nodes: PageElement[] = [...document.querySelectorAll('#messages li.mine')];
        return wanted.every((text) =>
          nodes.some((n) => n.querySelector('.text')?.textContent === text && n.dataset.status === state),
        );
      },
      [texts, status] as const,
      timeout,
      async () => `statuses ${JSON.stringify(await this.statuses())}, expected ${status} for ${JSON.stringify(texts)}`,
    );
  }

  statuses(): Promise<Array<[string | null, string | undefined]>> {
    return this.page.$$eval('#messages li.mine', (nodes) =>
      nodes.map((n) => [n.querySelector('.text')?.textContent ?? null, (n as PageElement).dataset.status]),
    );
  }

  /**
   * From now on, keeps every value each message node's `data-status` takes,
   * so a test sees transitions however quickly they follow one another.
   */
  async recordStatuses(): Promise<void> {
    await this.page.evaluate(() => {
      const log: Record<string, string[]> = (window.__statusLog = {});
      const note = (node: PageElement, value: string | null | undefined) => {
        const key = node.dataset.key;
        if (!key || !value) return;
        const seen = (log[key] ??= []);
        if (seen[seen.length - 1] !== value) seen.push(value);
      };
      const list = document.getElementById('messages')!;
      new MutationObserver((records: PageElement[]) => {
        const touched = new Set<PageElement>();
        for (const record of records) {
          const target = record.target as PageElement;
          // A batch holds several changes: each record's old value, then the node's value now, gives them all in order.
          if (record.type === 'attributes' && target.tagName === 'LI') {
            note(target, record.oldValue);
            touched.add(target);
          }
          for (const added of record.addedNodes) if (added instanceof HTMLLIElement) touched.add(added);
        }
        for (const node of touched) note(node, node.dataset.status);
      }).observe(list, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeOldValue: true,
        attributeFilter: ['data-status'],
      });
    });
  }

  /** The statuses the own message with this text went through since recordStatuses. */
  statusHistory(text: string): Promise<string[]> {
    return this.page.evaluate((wanted) => {
      const node = [...document.querySelectorAll('#messages li.mine')].find(
        (n: PageElement) => n.querySelector('.text')?.textContent === wanted,
      );
      return (node?.dataset.key && window.__statusLog?.[node.dataset.key]) || [];
    }, text);
  }

  typingLine(): Locator {
    return this.page.locator('#typing');
  }

  offlineBanner(): Locator {
    return this.page.locator('#offline-banner');
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  private async waitFor<A>(
    condition: (arg: any) => boolean,
    arg: A,
    timeout: number,
    describe: () => Promise<string>,
  ): Promise<void> {
    try {
      await this.page.waitForFunction(condition, arg, { timeout, polling: 100 });
    } catch (error) {
      throw new Error(`${(error as Error).message.split('\n')[0]}: ${await describe().catch(() => 'page gone')}`);
    }
  }
}
