/**
 * Streaming HTTP for files, on Node's fetch: downloads hand back a Node Readable as soon as the response starts,
 * uploads stream multipart bodies with their exact Content-Length. No file is ever held whole in memory.
 * A transfer that stalls (no byte for `idleMs`) is aborted, so a dead peer cannot hold an outbox job forever.
 */
import { randomBytes } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export const DEFAULT_IDLE_MS = 30_000;

/** Aborts `controller` when no chunk passes for `idleMs`; the returned stream carries the same bytes. */
export function watchdog(source: Readable, idleMs: number, controller: AbortController): Readable {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const err = new Error(`no data for ${idleMs} ms`);
      err.name = 'TimeoutError';
      controller.abort(err);
      out.destroy(err);
    }, idleMs);
    timer.unref();
  };
  const out = new Transform({
    transform(chunk, _enc, cb) {
      arm();
      cb(null, chunk);
    },
    flush(cb) {
      clearTimeout(timer);
      cb();
    },
  });
  out.on('close', () => clearTimeout(timer));
  source.on('error', (err) => out.destroy(err));
  out.on('close', () => {
    if (!source.destroyed) source.destroy();
  });
  arm();
  source.pipe(out);
  return out;
}

export interface StreamedResponse {
  status: number;
  headers: Headers;
  /** The body, streaming; destroy it to abandon the download. */
  body: Readable;
  /** Content-Length, when the server sent one. */
  length?: number;
}

/**
 * GET with headers; resolves when the response has started (its body not read yet). `answerMs` bounds the wait for
 * the response to start (`idleMs` when not given), `idleMs` each wait for the body's next bytes.
 */
export async function streamGet(
  url: string,
  headers: Record<string, string>,
  opts: { idleMs?: number; answerMs?: number; redirect?: 'follow' | 'manual' | 'error' } = {},
): Promise<StreamedResponse> {
  const controller = new AbortController();
  const idleMs = opts.idleMs ?? DEFAULT_IDLE_MS;
  const answerMs = opts.answerMs ?? idleMs;
  const headerTimer = setTimeout(() => controller.abort(Object.assign(new Error(`no answer in ${answerMs} ms`), { name: 'TimeoutError' })), answerMs);
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: controller.signal, redirect: opts.redirect ?? 'follow' });
  } finally {
    clearTimeout(headerTimer);
  }
  const raw = res.body ? Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>) : Readable.from([]);
  const length = Number(res.headers.get('content-length'));
  return {
    status: res.status,
    headers: res.headers,
    body: watchdog(raw, idleMs, controller),
    length: Number.isFinite(length) && res.headers.has('content-length') ? length : undefined,
  };
}

export type FormField = { name: string; value: string } | { name: string; filename: string; contentType: string; stream: Readable; size?: number };

function quoted(value: string): string {
  return value.replace(/[\r\n"]/g, (c) => (c === '"' ? '%22' : ' '));
}

/**
 * A multipart/form-data body streamed from its parts. `length` is exact when every file's size is known
 * (servers such as Slack's upload URL want a Content-Length, not chunked encoding).
 */
export function multipartBody(fields: FormField[]): { contentType: string; length?: number; body: Readable } {
  const boundary = `----bridge${randomBytes(12).toString('hex')}`;
  const pieces: Array<Buffer | { stream: Readable }> = [];
  let length: number | undefined = 0;
  for (const f of fields) {
    if ('stream' in f) {
      pieces.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(f.name)}"; filename="${quoted(f.filename)}"\r\nContent-Type: ${f.contentType}\r\n\r\n`,
        ),
      );
      pieces.push({ stream: f.stream });
      pieces.push(Buffer.from('\r\n'));
      length = length !== undefined && f.size !== undefined ? length + f.size : undefined;
    } else {
      pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(f.name)}"\r\n\r\n${f.value}\r\n`));
    }
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  for (const p of pieces) if (Buffer.isBuffer(p) && length !== undefined) length += p.length;
  async function* generate(): AsyncGenerator<Buffer> {
    try {
      for (const p of pieces) {
        if (Buffer.isBuffer(p)) yield p;
        else for await (const chunk of p.stream) yield chunk as Buffer;
      }
    } finally {
      for (const p of pieces) if (!Buffer.isBuffer(p) && !p.stream.destroyed) p.stream.destroy();
    }
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, length, body: Readable.from(generate()) };
}

/** POST a streamed body; resolves to the response (its body read as text). Stalls abort after `idleMs`. */
export async function streamPost(
  url: string,
  headers: Record<string, string>,
  body: Readable,
  opts: { length?: number; idleMs?: number } = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const controller = new AbortController();
  const idleMs = opts.idleMs ?? DEFAULT_IDLE_MS;
  const watched = watchdog(body, idleMs, controller);
  // After the last byte is sent, the answer must come within the same delay.
  let answerTimer: NodeJS.Timeout | undefined;
  watched.on('end', () => {
    answerTimer = setTimeout(() => controller.abort(Object.assign(new Error(`no answer in ${idleMs} ms`), { name: 'TimeoutError' })), idleMs);
    answerTimer.unref();
  });
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, ...(opts.length !== undefined ? { 'content-length': String(opts.length) } : {}) },
      body: watched as unknown as ReadableStream,
      signal: controller.signal,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    return { status: res.status, headers: res.headers, text: await res.text() };
  } finally {
    clearTimeout(answerTimer);
    if (!watched.destroyed) watched.destroy();
  }
}

/** Reads a stream whole, refusing more than `max` bytes: for bodies a library needs as a buffer (bounded by the platform's limit). */
export async function readAll(stream: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += (chunk as Buffer).length;
    if (length > max) {
      stream.destroy();
      throw Object.assign(new Error(`more than ${max} bytes`), { code: 'TOO_LARGE', length });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
