import type { Logger } from '../../ports/logger.js';
import { settleWithin } from '../shared/settle-within.js';

export interface MongoWatchdogOptions {
  /**
   * Every probe failing for this long rebuilds the client; as long again
   * without an answer and the process reports not live (and rebuilds again
   * at each further window).
   */
  readonly stallTimeoutMs: number;
  /** Pause between probes. Default: a sixth of the window, from 100 ms to 5 s. */
  readonly probeIntervalMs?: number;
  /** A probe unanswered after this counts as failed. Default: a third of the window, from 100 ms to 5 s. */
  readonly probeTimeoutMs?: number;
}

export interface MongoWatchdogDeps {
  /** Resolves once the server answered through the current client (a ping). */
  probe(): Promise<void>;
  /** Replaces the client; probes after it go to the new one. */
  rebuild(): void | Promise<void>;
  readonly logger: Logger;
  /** Milliseconds; Date.now unless a test drives the time. */
  readonly now?: () => number;
}

type Phase = 'answering' | 'rebuilt' | 'not-live';

const clamp = (ms: number) => Math.min(5_000, Math.max(100, Math.round(ms)));

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Watches whether MongoDB answers this process, by probing it in a loop. A
 * client the driver cannot recover is rebuilt; when even a rebuilt client
 * gets no answer, the process is not live, so an orchestrator restarts it.
 */
export class MongoWatchdog {
  readonly probeIntervalMs: number;
  readonly probeTimeoutMs: number;
  private readonly stallTimeoutMs: number;
  private readonly now: () => number;
  private phase: Phase = 'answering';
  /** When the first probe that failed since the last answer started. */
  private failingSince: number | null = null;
  private failures = 0;
  /** When the last rebuild happened: the next window starts there. */
  private rebuiltAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly deps: MongoWatchdogDeps,
    options: MongoWatchdogOptions,
  ) {
    this.stallTimeoutMs = options.stallTimeoutMs;
    this.probeIntervalMs = options.probeIntervalMs ?? clamp(options.stallTimeoutMs / 6);
    this.probeTimeoutMs = options.probeTimeoutMs ?? clamp(options.stallTimeoutMs / 3);
    this.now = deps.now ?? Date.now;
  }

  /** False once a rebuilt client has also had no answer for a whole window; true again at the next answer. */
  isLive(): boolean {
    return this.phase !== 'not-live';
  }

  /** Probes in a loop until `stop`. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.checking;
  }

  /** One probe and what follows from it. */
  async check(): Promise<void> {
    const started = this.now();
    try {
      await this.probeWithTimeout();
    } catch (error) {
      await this.failed(started, error);
      return;
    }
    this.answered();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.checking = this.check().finally(() => this.schedule());
    }, this.probeIntervalMs);
    this.timer.unref();
  }

  private async probeWithTimeout(): Promise<void> {
    await settleWithin(
      this.probeTimeoutMs,
      this.deps.probe(),
      () => new Error(`no answer to a probe within ${this.probeTimeoutMs} ms`),
    );
  }

  private answered(): void {
    if (this.phase !== 'answering') this.deps.logger.info('mongodb answers again', { was: this.phase });
    this.phase = 'answering';
    this.failingSince = null;
    this.failures = 0;
  }

  private async failed(started: number, error: unknown): Promise<void> {
    this.failingSince ??= started;
    this.failures += 1;
    const now = this.now();
    const silentForMs = now - this.failingSince;
    // Two failures at least: one slow probe is not a stall.
    if (this.phase === 'answering' && (this.failures < 2 || silentForMs < this.stallTimeoutMs)) return;
    if (this.phase !== 'answering' && now - this.rebuiltAt < this.stallTimeoutMs) return;
    if (this.phase === 'rebuilt') {
      this.deps.logger.error('mongodb answered nothing on a rebuilt client either: reporting not live', {
        silentForMs,
        error: messageOf(error),
      });
      this.phase = 'not-live';
    }
    if (this.phase === 'answering') this.phase = 'rebuilt';
    this.rebuiltAt = now;
    this.deps.logger.warn('mongodb answered nothing: rebuilding its client', { silentForMs, error: messageOf(error) });
    try {
      await this.deps.rebuild();
    } catch (rebuildError) {
      this.deps.logger.error('mongodb client rebuild failed', { error: messageOf(rebuildError) });
    }
  }
}
