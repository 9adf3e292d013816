/** Shared by the HTTP and socket edges: a thrown error that means "a backing service is down" becomes 503 / SERVICE_UNAVAILABLE. */
/** Driver error names that mean a backing service cannot be reached (recognised without importing drivers). */
const OUTAGE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'ClientClosedError',
  'ClientOfflineError',
  'SocketTimeoutError',
  'SocketClosedUnexpectedlyError',
  'ConnectionTimeoutError',
  'ServiceUnavailableError',
]);

const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

/** True for an error, or an error it wraps (`cause`), that says a backing service is down. */
export const isServiceOutage = (error: unknown, depth = 0): boolean => {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, code, cause } = error as { name?: unknown; code?: unknown; cause?: unknown };
  if (typeof name === 'string' && OUTAGE_NAMES.has(name)) return true;
  if (typeof code === 'string' && OUTAGE_CODES.has(code)) return true;
  return isServiceOutage(cause, depth + 1);
};
