export type ConsoleFormat = 'pretty' | 'json';

/**
 * The console format when LOG_FORMAT leaves it open: pretty lines for a
 * person at a terminal, JSON lines for whatever collects a pipe or a file.
 */
export const consoleFormatOf = (
  nodeEnv: string | undefined,
  logFormat: ConsoleFormat | undefined,
  isTerminal: boolean = process.stdout.isTTY === true,
): ConsoleFormat => logFormat ?? (nodeEnv !== 'production' && isTerminal ? 'pretty' : 'json');
