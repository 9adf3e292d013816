import { availableParallelism } from 'node:os';
import type { PasswordHasher } from '../../ports/password-hasher.js';

export interface BoundedPasswordHasherOptions {
  /** Hashes (registrations, password changes) at once. Default: half the cores, at least one. */
  readonly hashSlots?: number;
  /** Verifications (logins) at once. Default: the number of cores. */
  readonly verifySlots?: number;
  /** Hashes waiting beyond this are refused (503) rather than queued without end. */
  readonly maxQueuedHashes?: number;
}

/** A FIFO of waiters for a fixed number of slots. */
class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(count: number) {
    this.free = count;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

const busy = (): Error =>
  Object.assign(new Error('password hashing is busy; try again shortly'), { name: 'ServiceUnavailableError' });

/**
 * Keeps password work from starving itself: hashes and verifications get
 * separate slots, so a burst of registrations (each a full bcrypt hash)
 * waits for its own slots instead of taking every worker thread, and the
 * logins of other users keep their latency. Hashes waiting in line are
 * bounded; past the bound a registration gets 503 at once.
 */
export class BoundedPasswordHasher implements PasswordHasher {
  private readonly hashes: Slots;
  private readonly verifications: Slots;
  private readonly maxQueuedHashes: number;

  constructor(
    private readonly inner: PasswordHasher,
    options: BoundedPasswordHasherOptions = {},
  ) {
    const cores = availableParallelism();
    this.hashes = new Slots(options.hashSlots ?? Math.max(1, Math.floor(cores / 2)));
    this.verifications = new Slots(options.verifySlots ?? Math.max(1, cores));
    this.maxQueuedHashes = options.maxQueuedHashes ?? 64;
  }

  hash(password: string): Promise<string> {
    if (this.hashes.queued >= this.maxQueuedHashes) return Promise.reject(busy());
    return this.hashes.run(() => this.inner.hash(password));
  }

  verify(password: string, hash: string): Promise<boolean> {
    return this.verifications.run(() => this.inner.verify(password, hash));
  }
}
