import { describe, expect, it } from 'vitest';
import { MathRandomSource } from '../../../src/adapters/random/math-random-source.js';
import { SeededRandomSource } from '../../../src/adapters/random/seeded-random-source.js';
import type { RandomSource } from '../../../src/ports/random-source.js';

const draw = (source: RandomSource, count: number): number[] => Array.from({ length: count }, () => source.next());

const expectUniformish = (values: number[]): void => {
  expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...values)).toBeLessThan(1);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  expect(mean).toBeGreaterThan(0.45);
  expect(mean).toBeLessThan(0.55);
  const buckets = new Array<number>(10).fill(0);
  for (const value of values) buckets[Math.floor(value * 10)]! += 1;
  for (const count of buckets) expect(count).toBeGreaterThan(values.length / 10 / 2);
};

describe('SeededRandomSource', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(new SeededRandomSource(42), 100)).toEqual(draw(new SeededRandomSource(42), 100));
  });

  it('gives another sequence for another seed', () => {
    expect(draw(new SeededRandomSource(42), 10)).not.toEqual(draw(new SeededRandomSource(43), 10));
  });

  it('spreads numbers over [0, 1)', () => {
    expectUniformish(draw(new SeededRandomSource(7), 10_000));
  });

  it('accepts zero and negative seeds', () => {
    expectUniformish(draw(new SeededRandomSource(0), 10_000));
    expectUniformish(draw(new SeededRandomSource(-1), 10_000));
  });

  it('refuses a seed that is not a number', () => {
    expect(() => new SeededRandomSource(Number.NaN)).toThrow();
  });
});

describe('MathRandomSource', () => {
  it('spreads numbers over [0, 1)', () => {
    expectUniformish(draw(new MathRandomSource(), 10_000));
  });
});
