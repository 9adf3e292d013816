import type { Clock } from '../../ports/clock.js';

const toMillis = (value: Date | number | string): number => {
  const millis = new Date(value).getTime();
  if (Number.isNaN(millis)) throw new Error(`not a valid date: ${String(value)}`);
  return millis;
};

/** A clock that moves only when told to: for tests and benchmarks. */
export class ControllableClock implements Clock {
  private millis: number;

  constructor(start: Date | number | string = Date.now()) {
    this.millis = toMillis(start);
  }

  /** A fresh Date each call, so callers cannot move the clock by mutating it. */
  now(): Date {
    return new Date(this.millis);
  }

  set(date: Date | number | string): void {
    this.millis = toMillis(date);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error(`cannot advance the clock by ${ms}`);
    this.millis += ms;
  }
}
