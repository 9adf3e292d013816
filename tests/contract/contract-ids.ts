/** Increasing 24-hex ids, like the production IdGenerator, starting at a random point so runs do not collide. */
export const idSequence = (): (() => string) => {
  let next = BigInt(Math.floor(Math.random() * 2 ** 40)) << 32n;
  return () => {
    next += 1n;
    return next.toString(16).padStart(24, '0');
  };
};

export const T0 = new Date('2030-01-01T00:00:00.000Z');

/** `T0` plus some seconds. */
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1_000);
