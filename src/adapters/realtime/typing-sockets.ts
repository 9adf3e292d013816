/**
 * Which sockets of a user are typing in a conversation, on this process, so
 * typing is announced once per user and conversation: started with the first
 * socket, stopped with the last, however many tabs type at once.
 */
export class TypingSockets {
  private readonly typing = new Map<string, Set<string>>();

  /** True when the socket is the first of its user to type there. */
  start(userId: string, conversationId: string, socketId: string): boolean {
    const key = `${userId}:${conversationId}`;
    const sockets = this.typing.get(key) ?? new Set<string>();
    const first = sockets.size === 0;
    sockets.add(socketId);
    this.typing.set(key, sockets);
    return first;
  }

  /** True when the socket was the last of its user typing there. */
  stop(userId: string, conversationId: string, socketId: string): boolean {
    const key = `${userId}:${conversationId}`;
    const sockets = this.typing.get(key);
    if (!sockets?.delete(socketId)) return false;
    if (sockets.size > 0) return false;
    this.typing.delete(key);
    return true;
  }
}
