import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface ChromiumForSuite {
  /** The browser binary, or undefined when the suite must be skipped. */
  readonly executablePath: string | undefined;
  readonly skip: boolean;
}

const NAMES = ['chromium', 'chromium-browser'];

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** `CHROMIUM_PATH`, else the first `chromium` (Debian's package) on PATH; never a downloaded browser. */
export const locateChromium = (env: NodeJS.ProcessEnv = process.env): { path: string } | { skipReason: string } => {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    return isExecutable(configured)
      ? { path: configured }
      : { skipReason: `browser: CHROMIUM_PATH=${configured} is not an executable file` };
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return { path: candidate };
    }
  }
  return { skipReason: 'browser: no chromium on PATH (apt-get install chromium, or set CHROMIUM_PATH)' };
};

/**
 * Chromium for a browser suite, or a skip with a printed reason.
 * With REQUIRE_SERVICES=1 (CI) a missing browser fails the run instead.
 */
export const useChromium = (): ChromiumForSuite => {
  const found = locateChromium();
  if ('path' in found) return { executablePath: found.path, skip: false };
  if (process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${found.skipReason}`);
  console.warn(`[skipped] ${found.skipReason}`);
  return { executablePath: undefined, skip: true };
};
