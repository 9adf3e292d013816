/**
 * Where the login (refresh token) and the outbox persist. Synchronous or
 * asynchronous, so a browser's localStorage, IndexedDB or a mobile store fit.
 */
export interface KeyValueStorage {
  get(key: string): string | null | Promise<string | null>;
  set(key: string, value: string): void | Promise<void>;
  remove(key: string): void | Promise<void>;
}

/** Lives as long as the object: the default (nothing survives a restart). */
export const memoryStorage = (): KeyValueStorage => {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
};

/** The part of the Web Storage API used here (declared locally: the client also compiles without the DOM types). */
interface WebStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The browser's localStorage, every key under `prefix:`, so a reload keeps
 * the login and unsent messages. Throws where there is no localStorage.
 */
export const localStorageStorage = (prefix: string): KeyValueStorage => {
  const storage = (globalThis as { localStorage?: WebStorage }).localStorage;
  if (!storage) throw new Error('localStorage is not available here; use memoryStorage() or your own KeyValueStorage');
  const full = (key: string) => `${prefix}:${key}`;
  return {
    get: (key) => storage.getItem(full(key)),
    set: (key, value) => storage.setItem(full(key), value),
    remove: (key) => storage.removeItem(full(key)),
  };
};
