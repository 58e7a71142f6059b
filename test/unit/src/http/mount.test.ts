/**
 * src/http/app.ts mounts an adapter's routes (src/domain/ports/http.ts): each declared body limit is read before the
 * route runs, for its method and path only; the route gets the bytes as sent; undeclared paths stay a JSON 404.
 */
import type { Server } from 'node:http';
import { Router } from 'express';
import { createHttpApp } from '../../../../src/http/app';
import { Metrics } from '../../../../src/http/metrics';
import { createLogger } from '../../../../src/logger';

let server: Server;
let url: string;
const seen: Buffer[] = [];

beforeAll(async () => {
  const http = createHttpApp({
    pingDatabase: () => Promise.resolve(),
    ready: () => Promise.resolve({ ok: true, checks: {} }),
    metrics: new Metrics(() => Promise.resolve(0)),
    log: createLogger('silent'),
  });
  const router = Router();
  router.post('/hooks/echo', (req, res) => {
    seen.push(req.body as Buffer);
    res.json({ bytes: Buffer.isBuffer(req.body) ? req.body.length : -1 });
  });
  // No limit declared for GET: express's default leaves `req.body` undefined and the body unread.
  router.get('/hooks/echo', (req, res) => void res.json({ body: req.body === undefined ? 'unread' : 'read' }));
  http.mount({ bodyLimits: [{ method: 'POST', path: '/hooks/echo', maxBytes: 64 }], router });
  server = http.app.listen(0);
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

test('a POST within the limit reaches the route with the bytes exactly as sent', async () => {
  const body = '{"é":"\\u00e9"}';
  const res = await fetch(`${url}/hooks/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ bytes: Buffer.byteLength(body) });
  expect(seen.at(-1)!.toString('utf8')).toBe(body);
});

test('a POST over the limit is refused with 413 JSON before the route runs', async () => {
  const before = seen.length;
  const res = await fetch(`${url}/hooks/echo`, { method: 'POST', body: 'x'.repeat(65) });
  expect(res.status).toBe(413);
  expect(await res.json()).toEqual({ error: 'payload too large', limitBytes: 64 });
  expect(seen.length).toBe(before);
});

test('the limit applies to its method only; undeclared paths and the core routes are unchanged', async () => {
  expect(await (await fetch(`${url}/hooks/echo`)).json()).toEqual({ body: 'unread' });
  const missing = await fetch(`${url}/hooks/other`, { method: 'POST', body: 'x' });
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ error: 'not found' });
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
});
