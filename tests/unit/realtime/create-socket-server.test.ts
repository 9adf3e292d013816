import { afterEach, describe, expect, it } from 'vitest';
import { createSocketServer } from '../../../src/adapters/realtime/create-socket-server.js';
import { SocketIoNotifier } from '../../../src/adapters/realtime/socket-io-notifier.js';
import { buildSystem, type TestSystem } from './build-system.js';

describe('createSocketServer', () => {
  let system: TestSystem | undefined;
  afterEach(async () => {
    await system?.close();
    system = undefined;
  });

  it('makes a detached server (no HTTP server) that broadcasts and closes cleanly', async () => {
    const io = createSocketServer(undefined, { corsOrigins: ['http://localhost:3000'] });
    const notifier = new SocketIoNotifier(io, { receiptTimeoutMs: 100 });
    let acknowledged = false;

    notifier.toUser('a'.repeat(24), 'user_offline', { userId: 'b'.repeat(24), lastSeen: new Date().toISOString() });
    notifier.toUserWithReceipt(
      'a'.repeat(24),
      'user_offline',
      { userId: 'b', lastSeen: '' },
      () => (acknowledged = true),
    );

    await new Promise<void>((resolve) => void io.close(() => resolve()));
    expect(acknowledged).toBe(false);
  });

  it('closes the connection of a client whose frame is larger than the payload limit (64 KiB)', async () => {
    system = await buildSystem();
    const alice = await system.register('alice');
    const client = await system.connect(alice);
    const reason = new Promise<string>((resolve) => client.once('disconnect', resolve));

    client.emit('send_message', { receiverId: alice.id, content: 'x'.repeat(70 * 1024) });

    expect(await reason).toBe('transport close');
  });
});
