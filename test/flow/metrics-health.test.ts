/**
 * Metrics and health worth alerting on (issue 12, point 6): every metric of the bridge is named `whatsapp_bridge_…`;
 * a webhook, its post into Slack and an agent's reply are observed in the ack, delivery and upstream-call histograms;
 * /readyz's status is the webhook's readiness only (a Slack outage is said in the body, the status stays 200); with
 * the database cut, /readyz and /metrics still answer (from memory and under deadlines).
 */
import { CHANNEL, startHarness, type Harness } from '../support/harness';
import { startTcpProxy, type TcpProxy } from '../support/db-proxy';
import { testMongoUri } from '../support/mongo';
import { customerText } from '../support/webhooks';

let h: Harness | undefined;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  proxy?.restore();
  await h?.close();
  await proxy?.close();
  h = undefined;
  proxy = undefined;
});

const scrape = async (url: string) => (await fetch(`${url}/metrics`)).text();
/** A sample's value, e.g. value(text, 'whatsapp_bridge_adapter_up{platform="slack"}'). */
const value = (text: string, sample: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
};

/** The root of the customer's thread, once the bridge posted the message into it. */
async function threadOf(harness: Harness, text: string): Promise<string> {
  return harness.eventually(() => {
    const post = harness.slack.messages(CHANNEL).find((m) => m.text.includes(text) && m.thread_ts && m.thread_ts !== m.ts);
    expect(post).toBeDefined();
    return post!.thread_ts!;
  }, 20_000);
}

test('every metric is whatsapp_bridge_…; a webhook, its post and a reply are observed in the histograms; build_info and the gauges are there', async () => {
  h = await startHarness('metrics-names');
  expect((await h.postWebhook(customerText({ from: '4915100000041', text: 'metrics please' }))).status).toBe(200);
  const thread = await threadOf(h, 'metrics please');
  await h.agentReplies(thread, 'here they are');
  await h.eventually(() => expect(h!.graph.sentMessages()).toHaveLength(1), 20_000);

  const text = await h.eventually(async () => {
    const t = await scrape(h!.bridge.url);
    expect(value(t, 'whatsapp_bridge_delivery_duration_seconds_count{kind="whatsapp.send"}')).toBe(1);
    return t;
  });
  // Only the default process_* / nodejs_* metrics of prom-client keep their standard names.
  const own = text.split('\n').filter((l) => l && !l.startsWith('#') && !/^(process|nodejs)_/.test(l));
  expect(own.length).toBeGreaterThan(10);
  expect(own.filter((l) => !l.startsWith('whatsapp_bridge_'))).toEqual([]);

  expect(value(text, 'whatsapp_bridge_webhook_ack_duration_seconds_count{route="/webhooks/whatsapp",status="200"}')).toBe(1);
  expect(value(text, 'whatsapp_bridge_webhook_ack_duration_seconds_bucket{le="10",route="/webhooks/whatsapp",status="200"}')).toBe(1);
  expect(value(text, 'whatsapp_bridge_webhook_ack_duration_seconds_count{route="/slack/events",status="200"}')).toBeGreaterThanOrEqual(1);
  expect(value(text, 'whatsapp_bridge_webhook_requests_total{result="ok"}')).toBe(1);
  expect(value(text, 'whatsapp_bridge_delivery_duration_seconds_count{kind="chat.post"}')).toBe(1);
  expect(
    value(text, 'whatsapp_bridge_upstream_request_duration_seconds_count{platform="slack",method="chat.postMessage",outcome="ok"}'),
  ).toBeGreaterThanOrEqual(2);
  expect(value(text, 'whatsapp_bridge_upstream_request_duration_seconds_count{platform="whatsapp",method="send_text",outcome="ok"}')).toBe(1);
  // Attempts and finished jobs are counted apart: here each job took one attempt.
  expect(value(text, 'whatsapp_bridge_outbox_attempts_total{kind="whatsapp.send",result="done"}')).toBe(1);
  expect(value(text, 'whatsapp_bridge_outbox_jobs_finished_total{kind="whatsapp.send",result="delivered"}')).toBe(1);
  expect(value(text, 'whatsapp_bridge_adapter_up{platform="whatsapp"}')).toBe(1);
  expect(value(text, 'whatsapp_bridge_adapter_up{platform="slack"}')).toBe(1);
  expect(value(text, 'whatsapp_bridge_whatsapp_tokens_refused')).toBe(0);
  expect(value(text, 'whatsapp_bridge_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(0);
  expect(value(text, 'whatsapp_bridge_outbox_pending_jobs')).toBeGreaterThanOrEqual(0);
  expect(text).toMatch(/^# TYPE whatsapp_bridge_outbox_parked_jobs gauge$/m);
  expect(text).toMatch(
    new RegExp(`^whatsapp_bridge_build_info\\{version="\\d+\\.\\d+\\.\\d+",node="${process.versions.node.replace(/\./g, '\\.')}"\\} 1$`, 'm'),
  );
}, 60_000);

test('Slack answering errors: /readyz stays 200 for the webhook and names the Slack problem; adapter_up drops; all is well again once Slack is', async () => {
  h = await startHarness('metrics-slack-down', { bridge: { outbox: { pollMs: 50, baseBackoffMs: 200, maxBackoffMs: 1000 } } });
  h.slack.failNext({ method: 'chat.postMessage', status: 503, times: 6 });
  expect((await h.postWebhook(customerText({ from: '4915100000042', text: 'while Slack is failing' }))).status).toBe(200);

  const down = await h.eventually(async () => {
    const res = await fetch(`${h!.bridge.url}/readyz`);
    const body = (await res.json()) as { chat: { slack: { up: boolean; problem?: string } } };
    expect(body.chat.slack.up).toBe(false);
    return { status: res.status, body };
  });
  expect(down.status).toBe(200);
  expect(down.body).toMatchObject({ ok: true, webhooks: { ok: true, database: true }, checks: { database: true, slack: false } });
  expect(down.body.chat.slack.problem).toMatch(/^chat\.postMessage: HTTP 503/);
  const text = await scrape(h.bridge.url);
  expect(value(text, 'whatsapp_bridge_adapter_up{platform="slack"}')).toBe(0);
  expect(
    value(text, 'whatsapp_bridge_upstream_request_duration_seconds_count{platform="slack",method="chat.postMessage",outcome="server_error"}'),
  ).toBeGreaterThanOrEqual(1);
  // A webhook is still taken while Slack fails.
  expect((await h.postWebhook(customerText({ from: '4915100000043', text: 'second while failing' }))).status).toBe(200);

  await threadOf(h, 'while Slack is failing');
  await h.eventually(async () => {
    const body = (await (await fetch(`${h!.bridge.url}/readyz`)).json()) as { chat: unknown; checks: unknown };
    expect(body.chat).toEqual({ slack: { up: true } });
    expect(body.checks).toEqual({ database: true, slack: true });
  }, 20_000);
  expect(value(await scrape(h.bridge.url), 'whatsapp_bridge_adapter_up{platform="slack"}')).toBe(1);
  // Attempts count the retries; the job itself finished once.
  const after = await scrape(h.bridge.url);
  expect(value(after, 'whatsapp_bridge_outbox_attempts_total{kind="chat.post",result="retry"}')).toBeGreaterThanOrEqual(1);
}, 60_000);

test('database cut: /readyz (503, database false, the chat side still up) and /metrics answer while it is down', async () => {
  proxy = await startTcpProxy(testMongoUri());
  h = await startHarness('metrics-db-down', { env: { MONGODB_URI: proxy.uri } });
  expect(value(await scrape(h.bridge.url), 'whatsapp_bridge_outbox_pending_jobs')).toBeGreaterThanOrEqual(0);

  proxy.cut();
  // Both requests complete while the proxy is cut: their answers come from memory and from deadlines, not the database.
  const ready = await fetch(`${h.bridge.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ ok: false, webhooks: { ok: false, database: false }, chat: { slack: { up: true } }, whatsapp: { up: true } });
  const metrics = await fetch(`${h.bridge.url}/metrics`);
  expect(metrics.status).toBe(200);
  const text = await metrics.text();
  expect(value(text, 'whatsapp_bridge_outbox_pending_jobs')).toBeGreaterThanOrEqual(0); // the last known value
  expect(value(text, 'whatsapp_bridge_adapter_up{platform="slack"}')).toBe(1);
  expect(text).toMatch(/^whatsapp_bridge_build_info\{/m);

  proxy.restore();
  await h.eventually(async () => expect((await fetch(`${h!.bridge.url}/readyz`)).status).toBe(200), 30_000);
}, 60_000);
