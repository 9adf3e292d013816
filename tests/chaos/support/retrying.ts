/** A slow answer is not a failure: retrying it early only adds load to a server that is still working on it. */
export const ATTEMPT_TIMEOUT_MS = 10_000;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const backoffMs = (attempt: number): number => Math.min(2_000, 100 * 2 ** attempt);

/** A permanent refusal: retrying the same request cannot help. */
export class Refused extends Error {}
