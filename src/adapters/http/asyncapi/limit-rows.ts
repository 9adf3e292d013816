import type { RealtimeLimits } from './realtime-limits.js';

export interface LimitRow {
  readonly what: string;
  readonly limit: string;
  readonly detail: string;
}

/** The limits a socket client lives within, as rows of a table (the AsyncAPI description and the README show them). */
export const limitRows = (limits: RealtimeLimits): LimitRow[] => [
  {
    what: 'sockets per user',
    limit: `${limits.socketsPerUser} (\`SOCKETS_PER_USER\`)`,
    detail: 'over every process; one more is refused with `connect_error` `too_many_connections`',
  },
  {
    what: 'events per user',
    limit: `${limits.eventsPerUser} per ${limits.eventsWindowSeconds} s (\`SOCKET_EVENTS_PER_USER\` per \`SOCKET_EVENTS_WINDOW_SECONDS\`)`,
    detail:
      'one fixed-window budget for all of the user’s sockets on every process; an event over it is not handled and is answered `RATE_LIMITED` (“Too many events”); try again in the next window',
  },
  {
    what: 'refused events in a row',
    limit: String(limits.refusalsBeforeDisconnect),
    detail:
      'at this many `RATE_LIMITED` answers in a row (no event handled in between) the server disconnects the socket',
  },
  {
    what: 'frame size',
    limit: `${limits.maxPayloadBytes} bytes (Socket.IO \`maxHttpBufferSize\`)`,
    detail: 'a larger frame closes the connection (the client sees `transport close`) and nothing of it is handled',
  },
  {
    what: 'access token',
    limit: `${limits.accessTokenTtlSeconds} s (\`ACCESS_TOKEN_TTL_SECONDS\`)`,
    detail:
      'the socket is disconnected when the token it connected with expires, after `error` `{code: UNAUTHORIZED, message: "token expired"}`',
  },
  {
    what: 'typing',
    limit: `${limits.typingTimeoutMs} ms (\`TYPING_TIMEOUT_MS\`)`,
    detail: 'typing ends by itself this long after the last `typing_start`',
  },
  {
    what: 'delivery receipt',
    limit: `${limits.deliveryReceiptTimeoutMs} ms (\`DELIVERY_RECEIPT_TIMEOUT_MS\`)`,
    detail: 'how long the server waits for receiver sockets to acknowledge `message_received`',
  },
];

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A Markdown table; pipes inside cells are escaped. */
export const markdownTable = (headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string =>
  [
    `| ${headers.map(cell).join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');

export const limitTable = (limits: RealtimeLimits): string =>
  markdownTable(
    ['limit', 'value', 'what happens'],
    limitRows(limits).map((row) => [row.what, row.limit, row.detail]),
  );
