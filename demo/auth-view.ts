import type { ChatClient } from '../client/src/index.js';
import { byId, show } from './dom.js';

type Mode = 'login' | 'register';

/** What a failed call says, with the server's field errors when it sent some. */
export const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const fields = (error as { errors?: unknown }).errors;
  if (!Array.isArray(fields) || fields.length === 0) return error.message;
  return fields
    .map((f: { field?: unknown; message?: unknown }) => `${String(f.field)}: ${String(f.message)}`)
    .join('; ');
};

/** The sign-in card: log in or register, then hand over to the chat view. */
export class AuthView {
  private mode: Mode = 'login';
  private readonly view = byId('auth-view');
  private readonly form = byId<HTMLFormElement>('auth-form');
  private readonly error = byId('auth-error');
  private readonly submit = byId<HTMLButtonElement>('auth-submit');

  constructor(
    private readonly client: ChatClient,
    private readonly onSignedIn: () => void,
  ) {
    byId('tab-login').addEventListener('click', () => this.setMode('login'));
    byId('tab-register').addEventListener('click', () => this.setMode('register'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.signIn();
    });
  }

  open(notice?: string): void {
    this.showError(notice ?? null);
    this.submit.disabled = false;
    show(this.view, true);
    this.field('email').focus();
  }

  close(): void {
    show(this.view, false);
    this.form.reset();
  }

  private setMode(mode: Mode): void {
    this.mode = mode;
    byId('tab-login').setAttribute('aria-selected', String(mode === 'login'));
    byId('tab-register').setAttribute('aria-selected', String(mode === 'register'));
    show(byId('username-field'), mode === 'register');
    this.field('password').autocomplete = mode === 'register' ? 'new-password' : 'current-password';
    this.submit.textContent = mode === 'register' ? 'Create account' : 'Log in';
    this.showError(null);
  }

  private async signIn(): Promise<void> {
    const email = this.field('email').value.trim();
    const password = this.field('password').value;
    this.submit.disabled = true;
    this.showError(null);
    try {
      if (this.mode === 'register') {
        await this.client.register({ username: this.field('username').value.trim(), email, password });
      } else {
        await this.client.login({ email, password });
      }
      this.close();
      this.onSignedIn();
    } catch (error) {
      this.showError(describeError(error));
    } finally {
      this.submit.disabled = false;
    }
  }

  private field(name: string): HTMLInputElement {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  private showError(text: string | null): void {
    this.error.textContent = text ?? '';
    show(this.error, text !== null);
  }
}
