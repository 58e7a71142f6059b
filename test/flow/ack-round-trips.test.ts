/**
 * Few round trips: a webhook with one customer message is acknowledged after at most 2 database commands (the raw
 * archive and the ingest job, sent in parallel), counted by the bridge's own command monitoring
 * (whatsapp_bridge_db_commands_total); the message is then delivered by the outbox worker past the ack.
 */
import { CHANNEL, startHarness, type Harness } from '../support/harness';
import { customerText, newWamid } from '../support/webhooks';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('ack-round-trips', { bridge: { templates: { syncOnStart: false } } });
});
afterAll(async () => {
  await h.close();
});

async function commands(): Promise<Record<string, number>> {
  const { values } = await h.bridge.metrics.dbCommands.get();
  return Object.fromEntries(values.map((v) => [String(v.labels.command), v.value]));
}
const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

test('one inbound message costs at most 2 database commands before the 200, and is delivered after it', async () => {
  // The worker is stopped so that its polls do not add to the count; nothing else talks to the database meanwhile.
  await h.bridge.outbox.stop();
  await h.eventually(async () => {
    const before = total(await commands());
    await new Promise((r) => setTimeout(r, 300));
    expect(total(await commands())).toBe(before);
  }, 20_000);
  const before = await commands();
  const wamid = newWamid();
  const res = await h.postWebhook(customerText({ wamid, text: 'counted' }));
  expect(res.status).toBe(200);
  const after = await commands();
  const delta = Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)])
      .filter(([, v]) => v),
  );
  expect(delta).toEqual({ insert: 2 });
  expect(total(after) - total(before)).toBeLessThanOrEqual(2);

  // Durable past the ack: the ingest job is in the outbox, and the worker delivers it once running again.
  expect(await h.bridge.store.countJobs('pending')).toBe(1);
  expect(await h.bridge.store.getMessage(`wa:${wamid}`)).toBeNull();
  await h.bridge.outbox.start();
  await h.eventually(() => expect(h.slack.posted(CHANNEL).some((p) => p.text === 'counted')).toBe(true), 20_000);
  expect(await h.bridge.store.getMessage(`wa:${wamid}`)).toMatchObject({ content: { kind: 'text', text: 'counted' } });
});

test('the count is exposed to operators as whatsapp_bridge_db_commands_total by command', async () => {
  const text = await (await fetch(`${h.bridge.url}/metrics`)).text();
  expect(text).toMatch(/whatsapp_bridge_db_commands_total\{command="insert"\} \d+/);
  expect(text).toMatch(/whatsapp_bridge_db_commands_total\{command="find"\} \d+/);
});
