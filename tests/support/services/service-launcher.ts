/** A server process the test harness started for itself, on loopback. */
export interface LocalServer {
  readonly url: string;
  /** Stops the process (SIGTERM, then SIGKILL) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it accepts connections. */
  start(): Promise<void>;
}

export type ServiceName = 'mongo' | 'redis' | 'rabbitmq';

export interface ServiceLauncher {
  readonly name: ServiceName;
  /** The environment variable that points at an existing server. */
  readonly envVar: string;
  /** Why a local server cannot be started here, or null when it can. */
  unavailableReason(): Promise<string | null>;
  /** Starts a fresh server on a free loopback port in a new temporary directory. */
  launch(): Promise<LocalServer>;
}
