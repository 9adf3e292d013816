/** Makes new ids: 24 lower-case hex characters, increasing over time within a process. */
export interface IdGenerator {
  next(): string;
}
