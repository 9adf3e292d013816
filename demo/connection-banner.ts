import type { ChatClient } from '../client/src/index.js';
import { show } from './dom.js';

type ConnectionState = ChatClient['connectionState'];

/** The strip at the top while signed in and not connected; a first connect after sign-in shows nothing. */
export class ConnectionBanner {
  private wasOnline = false;
  private active = false;

  constructor(private readonly element: HTMLElement) {}

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
    if (state === 'online') this.wasOnline = true;
    const visible = this.active && state !== 'online' && (state === 'offline' || this.wasOnline);
    this.element.dataset.state = state;
    this.element.textContent =
      state === 'offline'
        ? 'You are offline. Messages you write wait here and are sent when the connection returns.'
        : 'Connection lost: reconnecting…';
    show(this.element, visible);
  }
}
