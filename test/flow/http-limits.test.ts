/**
 * Bounded input and safe error answers (issue 9, point 8): every route refuses an oversized body before it is
 * buffered (Slack's /slack/events too: Bolt used to read the whole body before checking the signature), and no
 * answer ever carries a stack trace or a server path, with NODE_ENV unset (express's default page prints both).
 */
import { request } from 'node:http';
import { createWhatsAppAdapter } from '../../adapters/whatsapp';
import { createHttpApp } from '../../src/http/app';
import { Metrics } from '../../src/http/metrics';
import { createLogger } from '../../src/logger';
import { signMetaBody } from '../fakes/meta-signature';
import { APP_SECRET, startHarness, type Harness } from '../support/harness';
import { customerText } from '../support/webhooks';

const MB = 1024 * 1024;
const savedNodeEnv = process.env.NODE_ENV;
let h: Harness;
beforeAll(async () => {
  // Express reads NODE_ENV when an app is created: unset, as with `npm start`, its error page shows stacks.
  delete process.env.NODE_ENV;
  h = await startHarness('http-limits');
});
afterAll(async () => {
  await h.close();
  process.env.NODE_ENV = savedNodeEnv;
});

interface StreamResult {
  status?: number;
  contentType?: string;
  body: string;
  /** Bytes the client managed to hand to its socket before the server answered and closed. */
  written: number;
}

/**
 * Streams `total` bytes of JSON-ish filler to `path` (chunked, or with a Content-Length when `declare`), as fast
 * as the socket takes them, and stops when the server answers or closes.
 */
function streamBody(url: string, path: string, total: number, declare: boolean): Promise<StreamResult> {
  return new Promise((resolve) => {
    const u = new URL(url);
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (declare) headers['content-length'] = total;
    const req = request({ host: u.hostname, port: u.port, path, method: 'POST', headers });
    const result: StreamResult = { body: '', written: 0 };
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve(result);
    };
    req.on('response', (res) => {
      result.status = res.statusCode;
      result.contentType = String(res.headers['content-type'] ?? '');
      res.setEncoding('utf8');
      res.on('data', (d: string) => (result.body += d));
      res.on('end', finish);
      res.on('error', finish);
    });
    req.on('error', () => setTimeout(finish, 200)); // the server closed while we wrote; the answer may still be read
    req.on('close', () => setTimeout(finish, 200));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (result.written < total && !req.destroyed && result.status === undefined) {
        result.written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (result.written >= total && !req.destroyed) req.end();
    };
    pump();
  });
}

describe('oversized unsigned bodies are refused before they are read', () => {
  test.each([
    ['/slack/events', 'chunked', false],
    ['/slack/events', 'with Content-Length', true],
    ['/webhooks/whatsapp', 'chunked', false],
    ['/webhooks/whatsapp', 'with Content-Length', true],
  ])(
    '50 MB to %s (%s) → 413 JSON, and the rest of the body is never read',
    async (path, _label, declare) => {
      const r = await streamBody(h.bridge.url, path, 50 * MB, declare as boolean);
      expect(r.status).toBe(413);
      expect(r.contentType).toMatch(/application\/json/);
      expect(JSON.parse(r.body)).toMatchObject({ error: 'payload too large' });
      // The server closed the connection once past the limit: the client could not push the 50 MB through
      // (what it wrote beyond the limit sits in socket buffers that were never read).
      expect(r.written).toBeLessThan(20 * MB);
    },
    60_000,
  );

  test('the bridge still answers signed Slack requests and webhooks afterwards', async () => {
    const res = await h.sender.sendUrlVerification('still-alive');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'still-alive' });
    expect((await h.postWebhook(customerText())).status).toBe(200);
  });
});

/** Nothing that looks like a stack frame, a file path or an error class name. */
function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/\bat .+:\d+:\d+/);
  expect(body).not.toMatch(/\/(work|home|usr|tmp|root)\//);
  expect(body).not.toMatch(/node_modules|\.ts\b|\.js\b/);
  expect(body).not.toMatch(/<html|<pre|Error:/i);
}

describe('no answer carries a stack trace or a server path (NODE_ENV unset)', () => {
  const malformed = '{"object": "whatsapp_business_account", "entry": [';

  test('malformed JSON, signed, to the WhatsApp webhook → 400 JSON', async () => {
    const res = await h.postWebhook(undefined, { raw: malformed, signature: signMetaBody(malformed, APP_SECRET) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expectNoInternals(await res.text());
  });

  test('malformed JSON to Slack, signed and unsigned → 400 / 401 without internals', async () => {
    const signed = await h.sender.post(malformed, 'application/json');
    expect(signed.status).toBe(400);
    expectNoInternals(signed.body);
    const unsigned = await fetch(`${h.bridge.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: malformed });
    expect(unsigned.status).toBe(401);
    expectNoInternals(await unsigned.text());
  });

  test.each(['/healthz', '/readyz', '/metrics', '/nowhere', '/webhooks/whatsapp/../../etc/passwd'])(
    'malformed JSON POSTed to %s → a JSON 4xx',
    async (path) => {
      const res = await fetch(`${h.bridge.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: malformed });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-type')).toMatch(/json/);
      expectNoInternals(await res.text());
    },
  );

  test('an oversized webhook → 413 JSON without internals', async () => {
    const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [], pad: 'x'.repeat(5 * MB) });
    const res = await h.postWebhook(undefined, { raw });
    expect(res.status).toBe(413);
    expectNoInternals(await res.text());
  });

  test('a route that throws → 500 {"error":"internal error"}, the details only in the log', async () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (l: string) => void lines.push(l) });
    const failing = () => Promise.reject(new Error(`ENOENT: no such file, open '${__filename}'`));
    const metrics = new Metrics(() => Promise.resolve(0));
    const http = createHttpApp({
      pingDatabase: () => Promise.resolve(),
      ready: () => {
        throw new Error(`boom in ${__filename}`);
      },
      metrics,
      log,
    });
    const whatsapp = createWhatsAppAdapter(
      { appSecret: APP_SECRET, verifyToken: 'verify-token', graphApiUrl: 'http://127.0.0.1:9', graphApiVersion: 'v23.0' },
      { inbound: { events: failing, quarantine: failing }, whileDatabaseAnswers: (work) => http.whileDatabaseAnswers(work), metrics: metrics.registry, log },
    );
    http.mount(whatsapp.routes);
    const { app } = http;
    const server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(JSON.parse(body)).toEqual({ error: 'internal error' });
      expectNoInternals(body);
      expect(lines.join('\n')).toContain('boom in');
      // A store that fails: 503 JSON with Retry-After, nothing internal.
      const envelope = '{"object":"whatsapp_business_account","entry":[]}';
      const hook = await fetch(`${url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'x-hub-signature-256': signMetaBody(envelope, APP_SECRET) },
        body: envelope,
      });
      expect(hook.status).toBe(503);
      expect(hook.headers.get('retry-after')).toBeTruthy();
      expectNoInternals(await hook.text());
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
