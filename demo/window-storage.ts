const WINDOW_ID_KEY = 'chat-demo:window';
const OPEN_TARGET_KEY = 'chat-demo:open';

const randomId = (): string => {
  // crypto.randomUUID exists only in secure contexts; the demo may be opened over plain HTTP on a LAN address.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * This window's own name. sessionStorage survives a reload but is not shared
 * with other windows, so each window keeps its own login (two windows can be
 * two people) while the login itself lives in localStorage under this name.
 */
export const windowId = (): string => {
  let id = sessionStorage.getItem(WINDOW_ID_KEY);
  if (!id) {
    id = randomId();
    sessionStorage.setItem(WINDOW_ID_KEY, id);
  }
  return id;
};

export interface StoredTarget {
  readonly conversationId: string | null;
  readonly peer: { readonly id: string; readonly username: string };
}

/** The conversation this window had open, so a reload shows it again. */
export const openTarget = {
  load(): StoredTarget | null {
    try {
      const value = JSON.parse(sessionStorage.getItem(OPEN_TARGET_KEY) ?? 'null') as StoredTarget | null;
      return value && typeof value.peer?.id === 'string' && typeof value.peer.username === 'string' ? value : null;
    } catch {
      return null;
    }
  },
  save(target: StoredTarget | null): void {
    if (target) sessionStorage.setItem(OPEN_TARGET_KEY, JSON.stringify(target));
    else sessionStorage.removeItem(OPEN_TARGET_KEY);
  },
};
