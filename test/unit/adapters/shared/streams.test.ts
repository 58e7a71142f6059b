/** The streaming helpers file transfers rely on: multipart bodies with an exact length, stalls aborted, bounded reads. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { multipartBody, readAll, streamGet, streamPost } from '../../../../adapters/shared/streams';

async function text(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

test('multipartBody streams the parts with an exact Content-Length, and a standard parser reads them back', async () => {
  const file = Buffer.from('%PDF-1.7 example bytes');
  const form = multipartBody([
    { name: 'messaging_product', value: 'whatsapp' },
    {
      name: 'file',
      filename: 'my "receipt".pdf',
      contentType: 'application/pdf',
      stream: Readable.from([file.subarray(0, 5), file.subarray(5)]),
      size: file.length,
    },
  ]);
  const bytes = await text(form.body);
  expect(form.length).toBe(bytes.length);
  const parsed = await new Response(bytes, { headers: { 'content-type': form.contentType } }).formData();
  expect(parsed.get('messaging_product')).toBe('whatsapp');
  const part = parsed.get('file') as File;
  expect(part.type).toBe('application/pdf');
  expect(part.name).toBe('my "receipt".pdf'); // quotes are sent as %22, as browsers do (WHATWG form encoding)
  expect(Buffer.from(await part.arrayBuffer()).equals(file)).toBe(true);
});

test('multipartBody has no length when a file’s size is unknown (chunked)', () => {
  expect(multipartBody([{ name: 'f', filename: 'x', contentType: 'text/plain', stream: Readable.from(['x']) }]).length).toBeUndefined();
});

test('readAll refuses more than its bound', async () => {
  await expect(readAll(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  expect((await readAll(Readable.from([Buffer.alloc(600)]), 1000)).length).toBe(600);
});

describe('against a local server', () => {
  let server: http.Server;
  let url: string;
  const received: Array<{ length?: string; bytes: number }> = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/silent') return; // never answers
      if (req.url === '/stall') {
        res.writeHead(200, { 'content-length': '100' });
        res.write(Buffer.alloc(10)); // then nothing
        return;
      }
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () => {
        received.push({ length: req.headers['content-length'], bytes });
        res.end('{"id":"1"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test('streamPost sends the declared Content-Length', async () => {
    const res = await streamPost(`${url}/up`, {}, Readable.from([Buffer.alloc(3000), Buffer.alloc(2000)]), { length: 5000 });
    expect(res.status).toBe(200);
    expect(received.at(-1)).toEqual({ length: '5000', bytes: 5000 });
  });

  // The response itself may take long to start on a loaded machine: only the body's idle delay is short here.
  test('a download that stalls is aborted after the idle delay, not held forever', async () => {
    const res = await streamGet(`${url}/stall`, {}, { idleMs: 200, answerMs: 60_000 });
    await expect(text(res.body)).rejects.toThrow(/no data for 200 ms/);
  });

  test('a server that never starts its answer is given up after the answer delay', async () => {
    await expect(streamGet(`${url}/silent`, {}, { answerMs: 200 })).rejects.toThrow(/no answer in 200 ms/);
  });
});
