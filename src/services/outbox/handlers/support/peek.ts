/** Reading the start of a file without losing it (a sticker's header says whether it is animated). */
import { Readable } from 'node:stream';
import type { FileStream } from '../../../../domain/media';

/**
 * Reads the first `n` bytes without losing them: the returned file streams everything from the start again.
 * Destroying it destroys the source.
 */
export async function peekHead(file: FileStream, n: number): Promise<{ head: Buffer; file: FileStream }> {
  const it = file.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    seen.push(r.value);
    length += r.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield* seen;
      while (!done) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      await it.return?.();
    }
  }
  return { head: Buffer.concat(seen).subarray(0, n), file: { ...file, stream: Readable.from(replay(), { objectMode: false }) } };
}
