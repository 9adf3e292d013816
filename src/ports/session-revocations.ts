/** Why a session ended, as its sockets are told (`session_ended {reason}`). */
export type SessionEndReason = 'logout' | 'revoked' | 'credentials_changed';

export type SessionsEndedListener = (sessionIds: readonly string[], reason: SessionEndReason) => void;

/**
 * The sessions (refresh-token families) that ended while an access token of
 * theirs may still be valid. Every process keeps the set itself, so checking
 * a request costs no database read; ending a session reaches every process.
 */
export interface SessionRevocations {
  /** Records the sessions as ended here and on every other process; listeners hear of it on each. */
  end(sessionIds: readonly string[], reason: SessionEndReason): Promise<void>;
  /** Records sessions the session store says ended (at start, after a lost connection); listeners hear of new ones. */
  remember(sessionIds: readonly string[]): void;
  isEnded(sessionId: string): boolean;
  onEnded(listener: SessionsEndedListener): void;
}
