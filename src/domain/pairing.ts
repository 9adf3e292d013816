/** A source of uniformly distributed numbers in [0, 1). */
export type RandomNumber = () => number;

/** Fisher–Yates shuffle; does not touch the input. */
export const shuffle = <T>(items: readonly T[], random: RandomNumber): T[] => {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
};

/**
 * Shuffles and pairs items two by two; with an odd count the last one is left
 * out. The first of each pair is the sender.
 */
export const pairUp = <T>(items: readonly T[], random: RandomNumber): Array<readonly [T, T]> => {
  const shuffled = shuffle(items, random);
  const pairs: Array<readonly [T, T]> = [];
  for (let i = 0; i + 1 < shuffled.length; i += 2) {
    pairs.push([shuffled[i] as T, shuffled[i + 1] as T]);
  }
  return pairs;
};

export const pickOne = <T>(items: readonly T[], random: RandomNumber): T => {
  if (items.length === 0) throw new Error('pickOne needs at least one item');
  return items[Math.floor(random() * items.length)] as T;
};
