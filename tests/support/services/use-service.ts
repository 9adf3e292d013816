import { inject } from 'vitest';
import type { ServiceName } from './service-launcher.js';

export interface ServiceForSuite {
  /** The server's URL, or undefined when the suite must be skipped. */
  readonly url: string | undefined;
  readonly skip: boolean;
}

/**
 * The URL of a real service for a suite, or a skip with a printed reason.
 * With REQUIRE_SERVICES=1 (CI) a missing service fails the run instead.
 */
export const useService = (name: ServiceName): ServiceForSuite => {
  const availability = inject('services')[name];
  if ('url' in availability) return { url: availability.url, skip: false };
  if (process.env.REQUIRE_SERVICES === '1') {
    throw new Error(`REQUIRE_SERVICES=1 but ${availability.skipReason}`);
  }
  console.warn(`[skipped] ${availability.skipReason}`);
  return { url: undefined, skip: true };
};
