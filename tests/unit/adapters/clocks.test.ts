import { describe, expect, it } from 'vitest';
import { ControllableClock } from '../../../src/adapters/clock/controllable-clock.js';
import { SystemClock } from '../../../src/adapters/clock/system-clock.js';

describe('SystemClock', () => {
  it('tells the current time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('ControllableClock', () => {
  const start = new Date('2026-03-01T12:00:00.000Z');

  it('stands still until moved', () => {
    const clock = new ControllableClock(start);
    expect(clock.now()).toEqual(start);
    expect(clock.now()).toEqual(start);
  });

  it('advances by milliseconds, also backwards', () => {
    const clock = new ControllableClock(start);
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-03-01T12:01:30.000Z');
    clock.advance(-30_000);
    expect(clock.now().toISOString()).toBe('2026-03-01T12:01:00.000Z');
  });

  it('jumps to a set time', () => {
    const clock = new ControllableClock(start);
    clock.set(new Date('2030-01-01T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
    clock.set('2031-01-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2031-01-01T00:00:00.000Z');
  });

  it('cannot be moved by mutating a date it returned or was given', () => {
    const given = new Date(start);
    const clock = new ControllableClock(given);
    given.setFullYear(2000);
    clock.now().setFullYear(1999);
    expect(clock.now()).toEqual(start);
  });

  it('starts at the real time by default', () => {
    expect(Math.abs(new ControllableClock().now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('refuses invalid dates and steps', () => {
    expect(() => new ControllableClock('not a date')).toThrow();
    expect(() => new ControllableClock(start).set(new Date(Number.NaN))).toThrow();
    expect(() => new ControllableClock(start).advance(Number.POSITIVE_INFINITY)).toThrow();
  });
});
