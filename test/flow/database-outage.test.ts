/**
 * Database outages seen from HTTP (issue 9, point 6): while the database is away, Meta's webhook is answered
 * 503 with Retry-After (Meta redelivers), and /readyz and /metrics still answer (mongoose would otherwise
 * hold them ~10 s). The outage is a TCP proxy in front of the shared test database, cut and restored.
 */
import { CHANNEL, startHarness, type Harness } from '../support/harness';
import { testMongoUri } from '../support/mongo';
import { startTcpProxy, type TcpProxy } from '../support/db-proxy';
import { customerText } from '../support/webhooks';

let h: Harness;
let proxy: TcpProxy;
beforeAll(async () => {
  proxy = await startTcpProxy(testMongoUri());
  h = await startHarness('db-outage', { env: { MONGODB_URI: proxy.uri } });
});
afterAll(async () => {
  proxy.restore();
  await h.close();
  await proxy.close();
});

test('database down: webhook 503 + Retry-After, /readyz 503, /metrics 200; back up: the webhook is accepted and delivered', async () => {
  expect((await fetch(`${h.bridge.url}/readyz`)).status).toBe(200);
  const metricsBefore = await (await fetch(`${h.bridge.url}/metrics`)).text();
  expect(metricsBefore).toMatch(/whatsapp_bridge_outbox_pending_jobs \d+/);

  proxy.cut();
  const body = customerText({ text: 'written while the database was away' });
  const hook = await h.postWebhook(body);
  expect(hook.status).toBe(503);
  expect(hook.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(hook.headers.get('content-type')).toMatch(/json/);
  expect(await hook.json()).toEqual({ error: 'could not store the events; retry later' });

  const ready = await fetch(`${h.bridge.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ ok: false, checks: { database: false } });

  const metrics = await fetch(`${h.bridge.url}/metrics`);
  expect(metrics.status).toBe(200);
  const text = await metrics.text();
  expect(text).toMatch(/whatsapp_bridge_outbox_pending_jobs \d+/); // the last known value
  expect(text).toMatch(/whatsapp_bridge_webhook_requests_total\{result="error"\} 1/);

  proxy.restore();
  // Meta redelivers: once the database is back, the same webhook is stored and delivered.
  await h.eventually(async () => expect((await h.postWebhook(body)).status).toBe(200), 30_000);
  await h.eventually(() => expect(h.slack.posted(CHANNEL).some((p) => String(p.text).includes('written while the database was away'))).toBe(true), 30_000);
  await h.eventually(async () => expect((await fetch(`${h.bridge.url}/readyz`)).status).toBe(200), 30_000);
}, 90_000);
