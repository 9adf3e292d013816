/** Parent → child: run a command. */
export interface IpcRequest {
  readonly kind: 'request';
  readonly id: number;
  readonly cmd: string;
  readonly args?: unknown;
}

/** Child → parent: the answer to one request. */
export interface IpcResponse {
  readonly kind: 'response';
  readonly id: number;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: string;
}

/** Child → parent, unprompted: `ready` once serving, `progress` while working. */
export interface IpcEvent {
  readonly kind: 'event';
  readonly event: string;
  readonly data?: unknown;
}

export type IpcMessage = IpcRequest | IpcResponse | IpcEvent;

export const isIpcMessage = (value: unknown): value is IpcMessage =>
  typeof value === 'object' && value !== null && 'kind' in value;
