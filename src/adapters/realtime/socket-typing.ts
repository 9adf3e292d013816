import type { UseCases } from '../../application/use-cases.js';
import type { Logger } from '../../ports/logger.js';
import type { ChatSocket } from './chat-server.js';
import { exceptionMeta } from './exception-meta.js';
import { TypingSockets } from './typing-sockets.js';
import { TypingTimers } from './typing-timers.js';

/**
 * Typing on this process's sockets: each typing socket's timers (kept on the
 * socket only while it types), and which of a user's sockets type where, so
 * the partner hears one start and one stop per user and conversation.
 */
export class SocketTyping {
  private readonly typingSockets = new TypingSockets();

  constructor(private readonly deps: { notifyTyping: UseCases['notifyTyping']; logger: Logger; timeoutMs: number }) {}

  /** The socket's timer for the conversation is running. */
  isTyping(socket: ChatSocket, conversationId: string): boolean {
    return socket.data.typing?.isTyping(conversationId) ?? false;
  }

  /** Marks the socket typing there among its user's sockets; true when it is the first (so typing is announced). */
  claim(socket: ChatSocket, conversationId: string): boolean {
    return this.typingSockets.start(socket.data.claims.userId, conversationId, socket.id);
  }

  /** Unmarks it without announcing anything (a start that was refused). */
  unclaim(socket: ChatSocket, conversationId: string): void {
    this.typingSockets.stop(socket.data.claims.userId, conversationId, socket.id);
  }

  /** Starts or restarts the socket's timer: typing there ends by itself when it runs out. */
  keepTyping(socket: ChatSocket, conversationId: string): void {
    socket.data.typing ??= new TypingTimers(this.deps.timeoutMs, (expired) => {
      this.dropIdleTimers(socket);
      void this.release(socket, expired);
    });
    socket.data.typing.start(conversationId);
  }

  /** Ends the socket's typing there, if it was typing. */
  async stop(socket: ChatSocket, conversationId: string): Promise<void> {
    const wasTyping = socket.data.typing?.stop(conversationId) ?? false;
    this.dropIdleTimers(socket);
    if (wasTyping) await this.release(socket, conversationId);
  }

  /** Ends all of the socket's typing (it is going away). */
  async stopAll(socket: ChatSocket): Promise<void> {
    const typedIn = socket.data.typing?.stopAll() ?? [];
    socket.data.typing = undefined;
    await Promise.all(typedIn.map((conversationId) => this.release(socket, conversationId)));
  }

  /** Unmarks the socket, and tells the partner typing stopped when it was the user's last socket typing there. */
  async release(socket: ChatSocket, conversationId: string): Promise<void> {
    const { claims } = socket.data;
    if (!this.typingSockets.stop(claims.userId, conversationId, socket.id)) return;
    await this.deps.notifyTyping.execute(claims, conversationId, false).then(
      () => undefined,
      (exception: unknown) =>
        this.deps.logger.warn('typing stop failed', {
          socketId: socket.id,
          userId: claims.userId,
          error: exceptionMeta(exception),
        }),
    );
  }

  private dropIdleTimers(socket: ChatSocket): void {
    // Assigned, not deleted: deleting a property can turn the object into a slower, larger dictionary.
    if (socket.data.typing?.size === 0) socket.data.typing = undefined;
  }
}
