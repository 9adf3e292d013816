/** Uniform numbers in [0, 1); behind a port so planning is deterministic in tests. */
export interface RandomSource {
  next(): number;
}
