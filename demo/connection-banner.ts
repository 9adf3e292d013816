import type { ChatClient } from '../client/src/index.js';
import { show } from './dom.js';

type ConnectionState = ChatClient['connectionState'];

/** The strip at the top while signed in and not connected; a first connect after sign-in shows nothing. */
export class ConnectionBanner {
  private wasOnline = false;
  private active = false;

  private state: ConnectionState = 'offline';

  constructor(private readonly element: HTMLElement) {
    // The browser knows about a lost network before the socket does: say which it is.
    window.addEventListener('online', () => this.update(this.state));
    window.addEventListener('offline', () => this.update(this.state));
  }

  start(state: ConnectionState): void {
    this.active = true;
    this.wasOnline = false;
    this.update(state);
  }

  stop(): void {
    this.active = false;
    show(this.element, false);
  }

  update(state: ConnectionState): void {
    this.state = state;
    if (state === 'online') this.wasOnline = true;
    const visible = this.active && state !== 'online' && (state === 'offline' || this.wasOnline);
    this.element.dataset.state = state;
    this.element.textContent = `${
      navigator.onLine ? 'Connection lost: reconnecting…' : 'You are offline.'
    } Messages you write wait here and are sent when the connection is back.`;
    show(this.element, visible);
  }
}
