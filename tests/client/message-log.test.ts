import { describe, expect, it } from 'vitest';
import { chatMessageOf } from '../../client/src/chat-message.js';
import { MessageLog } from '../../client/src/message-log.js';
import { CONVERSATION, ME, storedMessage } from './support/message-factory.js';

const newLog = (floor = 0) => new MessageLog(CONVERSATION, (view) => chatMessageOf(view, ME), floor);

describe('a conversation’s message log', () => {
  it('keeps messages by position and knows the highest contiguous one', () => {
    const log = newLog();
    for (const seq of [2, 1, 4]) log.put(storedMessage(seq));
    expect(log.list().map((m) => m.seq)).toEqual([1, 2, 4]);
    expect(log.contiguous).toBe(2);
    expect(log.hasHole).toBe(true);
    log.put(storedMessage(3));
    expect(log.contiguous).toBe(4);
    expect(log.hasHole).toBe(false);
  });

  it('holds each message once, however often it is seen', () => {
    const log = newLog();
    expect(log.put(storedMessage(1)).change).toBe('added');
    expect(log.put(storedMessage(1)).change).toBe('unchanged');
    expect(log.list()).toHaveLength(1);
  });

  it('merges receipts and deletion, and never takes them back for an older copy', () => {
    const log = newLog();
    log.put(storedMessage(1, { mine: true }));
    const delivered = log.put(storedMessage(1, { mine: true, deliveredAt: '2026-01-01T00:01:00.000Z' }));
    expect(delivered).toMatchObject({ change: 'changed', message: { status: 'delivered' } });
    const read = log.put(storedMessage(1, { mine: true, readAt: '2026-01-01T00:02:00.000Z' }));
    expect(read.message).toMatchObject({ status: 'read', deliveredAt: '2026-01-01T00:01:00.000Z' });
    expect(log.put(storedMessage(1, { mine: true })).change).toBe('unchanged');
    const deleted = log.put(storedMessage(1, { mine: true, isDeleted: true, content: '' }));
    expect(deleted.message).toMatchObject({ isDeleted: true, content: '', status: 'read' });
    expect(log.put(storedMessage(1, { mine: true })).message).toMatchObject({ isDeleted: true, content: '' });
  });

  it('follows the latest edit, whatever order the copies come in, and a deletion wins over any edit', () => {
    const log = newLog();
    log.put(storedMessage(1));
    const edited = storedMessage(1, { content: 'edited', editedAt: '2026-01-01T00:05:00.000Z' });
    expect(log.put(edited)).toMatchObject({ change: 'changed', message: { content: 'edited' } });
    expect(log.put(storedMessage(1)).change).toBe('unchanged');
    log.put(storedMessage(1, { content: 'edited again', editedAt: '2026-01-01T00:06:00.000Z' }));
    expect(log.put(edited).change).toBe('unchanged');
    expect(log.get(storedMessage(1).id)?.content).toBe('edited again');
    log.put(storedMessage(1, { isDeleted: true, content: '', deletedAt: '2026-01-01T00:07:00.000Z' }));
    log.put(storedMessage(1, { content: 'late edit', editedAt: '2026-01-01T00:08:00.000Z' }));
    expect(log.get(storedMessage(1).id)).toMatchObject({ isDeleted: true, content: '' });
  });

  it('keys own messages by clientMessageId and others by id', () => {
    const log = newLog();
    expect(log.put(storedMessage(1, { mine: true })).message).toMatchObject({ key: 'cmid-1', mine: true });
    expect(log.put(storedMessage(2)).message).toMatchObject({ key: storedMessage(2).id, mine: false });
  });

  it('counts from its floor: older history is not a hole, and loading it lowers the floor', () => {
    const log = newLog(10);
    log.put(storedMessage(11));
    log.put(storedMessage(12));
    expect(log.contiguous).toBe(12);
    expect(log.hasHole).toBe(false);
    for (let seq = 6; seq <= 10; seq += 1) log.put(storedMessage(seq));
    log.lowerFloor(5);
    expect(log.floor).toBe(5);
    expect(log.contiguous).toBe(12);
    expect(log.list().map((m) => m.seq)).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });
});
