/**
 * Serialises work per key inside this process. Used for read-modify-write updates of one document
 * (a conversation's participants), and because FerretDB, the embedded default, does not make concurrent
 * updates of one document atomic the way MongoDB does. One bridge process per database makes this enough.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(fn, fn);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      // The last one out removes the key, so the map does not grow with every conversation ever seen.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
