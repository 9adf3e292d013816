import type { RoundTripMeter } from '../../ports/round-trip-meter.js';

type Method = (...args: unknown[]) => unknown;

/** The names of an object's methods: its own function properties and those of its classes. */
const methodNames = (target: object): string[] => {
  const names = new Set<string>();
  for (let level: object | null = target; level && level !== Object.prototype; level = Object.getPrototypeOf(level)) {
    for (const name of Object.getOwnPropertyNames(level)) {
      const value = Object.getOwnPropertyDescriptor(level, name)?.value as unknown;
      if (name !== 'constructor' && typeof value === 'function') names.add(name);
    }
  }
  return [...names];
};

/**
 * `target` with every call of its methods through this object counted in
 * `meter` as `port` and the method's name. Each call runs on `target` itself,
 * so its state and its calls to itself are untouched; what is not a method
 * reads through to `target`. A method's count appears at its first call.
 */
export const countedPort = <T extends object>(port: string, target: T, meter: RoundTripMeter): T => {
  const counted = Object.create(target) as Record<string, Method>;
  for (const name of methodNames(target)) {
    const method = (target as Record<string, Method>)[name] as Method;
    let count: (() => void) | undefined;
    counted[name] = (...args) => {
      (count ??= meter.storeCallCounter(port, name))();
      return method.apply(target, args);
    };
  }
  return counted as unknown as T;
};
