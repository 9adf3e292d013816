import { restCall } from './rest-call.js';
import { readWireMessage, type WireMessage } from './wire-message.js';

const PAGE = 100;

const getData = async (url: string, token: string, path: string): Promise<any> => {
  const reply = await restCall(url, 'GET', path, { token, timeoutMs: 15_000 });
  if (reply.status !== 200) throw new Error(`GET ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.data;
};

/** The ids of every conversation a user is in, as the server lists them. */
export const listConversationIds = async (url: string, token: string): Promise<string[]> => {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const data = await getData(url, token, `/api/conversations?page=${page}&limit=${PAGE}`);
    ids.push(...(data.conversations as Array<{ id: string }>).map((c) => c.id));
    if (!data.pagination.hasNext) return ids;
  }
};

/** A conversation's whole stored history over REST, oldest first, walked by position. */
export const storedHistory = async (url: string, token: string, conversationId: string): Promise<WireMessage[]> => {
  const messages: WireMessage[] = [];
  for (let after = 0; ;) {
    const data = await getData(
      url,
      token,
      `/api/conversations/${conversationId}/messages?after=${after}&limit=${PAGE}`,
    );
    for (const raw of data.messages as unknown[]) {
      const message = readWireMessage(raw);
      if (typeof message === 'string') throw new Error(`stored history of ${conversationId}: ${message}`);
      messages.push(message);
      after = Math.max(after, message.seq);
    }
    if (!data.hasMore) return messages;
    if (data.messages.length === 0) throw new Error(`stored history of ${conversationId}: hasMore after an empty page`);
  }
};
