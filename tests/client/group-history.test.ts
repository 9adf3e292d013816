import { describe, expect, it } from 'vitest';
import { CatchUp } from '../../client/src/catch-up.js';
import { ChangeCursor } from '../../client/src/change-cursor.js';
import { ChatApiError } from '../../client/src/chat-api-error.js';
import { chatMessageOf } from '../../client/src/chat-message.js';
import { ConversationStore } from '../../client/src/conversation-store.js';
import { MessageLog } from '../../client/src/message-log.js';
import type { MessageView } from '../../client/src/public-types.js';
import type { RestClient } from '../../client/src/rest-client.js';
import { GROUP, groupMessage, groupSummary } from './support/group-factory.js';
import { ME } from './support/message-factory.js';

const newLog = (floor = 0) => new MessageLog(GROUP, (view) => chatMessageOf(view, ME), floor);

/** A member who joined after position 10 sees the group's messages from 11 on. */
describe('the history of a group joined later', () => {
  it('has no hole below the member’s first position once the log knows where it starts', () => {
    const log = newLog();
    log.put(groupMessage(11));
    log.put(groupMessage(12));
    expect(log.hasHole).toBe(true);
    log.startsAfter(10);
    expect(log).toMatchObject({ contiguous: 12, hasHole: false, floor: 0, start: 10 });
  });

  it('reaches the start at the oldest page it can see, so loading older ends there', () => {
    const log = newLog(40);
    log.put(groupMessage(41));
    for (let seq = 11; seq <= 40; seq += 1) log.put(groupMessage(seq));
    log.reachedStart(11);
    expect(log).toMatchObject({ floor: 0, start: 10, contiguous: 41, hasHole: false });
    log.lowerFloor(5);
    expect(log).toMatchObject({ floor: 0, contiguous: 41 });
  });

  const catchUpOver = (answer: (path: string, query: Record<string, unknown>) => unknown) => {
    const store = new ConversationStore(ME);
    store.baselineLoaded = true;
    store.applySummary(groupSummary());
    const gone: string[] = [];
    const rest = {
      call: async (_method: string, path: string, options: { query?: Record<string, unknown> } = {}) =>
        answer(path, options.query ?? {}),
    } as unknown as RestClient;
    const catchUp = new CatchUp({
      rest,
      store,
      cursor: new ChangeCursor(),
      onSummary: (summary) => store.applySummary(summary),
      onMessages: (messages: readonly MessageView[]) => messages.filter((m) => store.putMessage(m)).length,
      onChange: () => 0,
      onRecovered: () => undefined,
      onGone: (conversationId) => gone.push(conversationId),
    });
    return { store, catchUp, gone };
  };

  it('takes a history that begins past the asked position as where the member’s history begins', async () => {
    const { store, catchUp } = catchUpOver((_path, query) => ({
      messages: query.after === 0 ? [groupMessage(11), groupMessage(12)] : [],
      hasMore: false,
      nextBefore: null,
      nextAfter: null,
    }));
    store.putMessage(groupMessage(12));
    catchUp.request(GROUP);
    await catchUp.idle();
    expect(store.log(GROUP)).toMatchObject({ start: 10, contiguous: 12, hasHole: false });
  });

  it('reports a conversation the server no longer shows the user (left or removed while away)', async () => {
    const { catchUp, gone } = catchUpOver(() => {
      throw new ChatApiError(404, 'NOT_FOUND', 'Conversation not found');
    });
    catchUp.request(GROUP);
    await catchUp.idle();
    expect(gone).toEqual([GROUP]);
  });
});
