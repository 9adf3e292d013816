type Listener = (...args: never[]) => void;

/** `on` returns its own unsubscribe; a listener that throws is reported without stopping the others. */
export class TypedEmitter<Events extends { [E in keyof Events]: Listener }> {
  private readonly listeners = new Map<keyof Events, Set<Listener>>();

  on<E extends keyof Events>(event: E, listener: Events[E]): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => void set.delete(listener);
  }

  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (...a: Parameters<Events[E]>) => void)(...args);
      } catch (error) {
        // As EventTarget does: the error surfaces, the client's own state stays consistent.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
