/**
 * What the server under test cannot do that production MongoDB does. A
 * contract case that depends on it is skipped there, and its name says why.
 */
export interface ServerDifferences {
  /** FerretDB v1 (SQLite) reads, then writes: two concurrent conditional updates of one document both succeed. */
  readonly conditionalUpdatesRace: boolean;
  /** FerretDB v1 answers a unique-index violation by an update with InternalError (code 1), not 11000. */
  readonly updateDuplicateIsNot11000: boolean;
}

export const NO_DIFFERENCES: ServerDifferences = { conditionalUpdatesRace: false, updateDuplicateIsNot11000: false };
