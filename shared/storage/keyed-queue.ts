// Serialises async work per key within this process, so two writes to one record made by the
// same instance queue up instead of racing each other's ETag; the race is then only ever lost to
// another instance. Used by the Cosmos DB store and the Blob conversation store.

/** Serialises async work per key within this process. */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => {});
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return current;
  }
}
