/**
 * Serialises work per key inside this process. Used for read-modify-write updates of one document
 * (a conversation's participants, a wamid's status rank), and because FerretDB, the embedded default, does not
 * make concurrent updates of one document atomic the way MongoDB does. One bridge process per database makes this enough.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.runAll([key], fn);
  }

  /**
   * Holds every key at once (a batch of status updates). The keys are taken in one synchronous step, so two
   * batches sharing keys cannot wait on each other (no deadlock): the later one waits for the earlier one.
   */
  async runAll<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    const previous = unique.map((k) => this.tails.get(k)).filter((p) => p !== undefined);
    // Tails never reject (see below), so this waits for every earlier holder, whatever their outcome.
    const result = (previous.length ? Promise.all(previous) : Promise.resolve()).then(fn);
    const tail = result.catch(() => undefined);
    for (const k of unique) this.tails.set(k, tail);
    try {
      return await result;
    } finally {
      // The last one out removes the key, so the map does not grow with every conversation ever seen.
      for (const k of unique) if (this.tails.get(k) === tail) this.tails.delete(k);
    }
  }
}
