/** One backing service's readiness: `check` rejects when it cannot serve. */
export interface HealthIndicator {
  readonly name: string;
  check(): Promise<void>;
}
