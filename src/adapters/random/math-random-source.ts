import type { RandomSource } from '../../ports/random-source.js';

export class MathRandomSource implements RandomSource {
  next(): number {
    return Math.random();
  }
}
