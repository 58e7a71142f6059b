/** Meta's webhook route: verification, signature over the raw bytes, bad input, every field and type accepted. */
import mongoose from 'mongoose';
import { loadWhatsAppFixture } from '../fixtures/whatsapp';
import { signMetaBody } from '../fakes/meta-signature';
import { APP_SECRET, CHANNEL, VERIFY_TOKEN, startHarness, type Harness } from '../support/harness';
import { testMongoUri } from '../support/mongo';
import { customerText, newWamid } from '../support/webhooks';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('whatsapp-webhook');
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.slack.reset();
  h.graph.reset();
});

const verify = (token: string) =>
  fetch(`${h.bridge.url}/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${encodeURIComponent(token)}`);

test('verification echoes hub.challenge for the right token', async () => {
  const res = await verify(VERIFY_TOKEN);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('1158201444');
});

test('verification with a wrong token is refused with 403', async () => {
  const res = await verify('not-the-token');
  expect(res.status).toBe(403);
  expect(await res.text()).not.toContain('1158201444');
});

describe('a request that is not from Meta stores nothing', () => {
  test.each([
    ['a wrong signature', () => signMetaBody('{"other":"body"}', APP_SECRET)],
    ['a signature with another secret', (raw: string) => signMetaBody(raw, 'someone-elses-secret')],
    ['no signature', () => null],
    ['a malformed signature header', () => 'sha1=abcdef'],
  ])('%s → 401', async (_label, sign) => {
    const wamid = newWamid();
    const body = customerText({ wamid });
    const raw = JSON.stringify(body);
    const res = await h.postWebhook(body, { raw, signature: sign(raw) });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(await h.bridge.store.getMessage(`wa:${wamid}`)).toBeNull();
    expect(h.slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });
});

test('the signature is checked over the raw bytes Meta sent (escaped unicode and slashes), not re-serialised JSON', async () => {
  const wamid = newWamid();
  const body = customerText({ wamid, name: 'Zoë Müller', text: 'Olá! Preço 5/10 — みどりいろ' });
  const res = await h.postWebhook(body); // the harness escapes like Meta (\u00eb, \/) before signing
  expect(res.status).toBe(200);
  // Stored by the ingest job, past the ack (services/ingest.ts).
  const stored = await h.eventually(async () => {
    const m = await h.bridge.store.getMessage(`wa:${wamid}`);
    expect(m).not.toBeNull();
    return m!;
  });
  expect(stored?.content).toEqual({ kind: 'text', text: 'Olá! Preço 5/10 — みどりいろ' });
});

test('a body that is not JSON gets 400 and stores nothing', async () => {
  const raw = '{"object": "whatsapp_business_account", "entry": [';
  const res = await h.postWebhook(undefined, { raw });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ error: 'body is not JSON' });
});

test('JSON that is not a webhook envelope gets 400', async () => {
  const res = await h.postWebhook({ hello: 'world' });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: string }).error).toMatch(/not a webhook envelope/);
});

test('a body over the size limit gets 413 before anything is parsed or stored', async () => {
  const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [], pad: 'x'.repeat(5 * 1024 * 1024) });
  const res = await h.postWebhook(undefined, { raw });
  expect(res.status).toBe(413);
});

test('a message type the bridge does not know yet is kept and shown readably; its batch siblings are delivered', async () => {
  const body = customerText({ text: 'before the poll' });
  const value = body.entry[0].changes[0].value;
  const unknownWamid = newWamid();
  value.messages.push({ ...value.messages[0], id: unknownWamid, type: 'poll_vote', text: undefined, poll_vote: { option: 'B' } });
  expect((await h.postWebhook(body)).status).toBe(200);
  const stored = await h.eventually(async () => {
    const m = await h.bridge.store.getMessage(`wa:${unknownWamid}`);
    expect(m).not.toBeNull();
    return m!;
  });
  expect(stored?.content).toMatchObject({ kind: 'unsupported', originalType: 'poll_vote' });
  await h.eventually(() => {
    const texts = h.slack.posted(CHANNEL).map((p) => String(p.text));
    expect(texts.some((t) => t.includes('before the poll'))).toBe(true);
    expect(texts.some((t) => t.includes('poll_vote') && t.includes('cannot show'))).toBe(true);
  });
});

test('an unsupported message (Meta error 131051) is shown with what arrived', async () => {
  const body = loadWhatsAppFixture('message-unsupported');
  body.entry[0].changes[0].value.messages[0].timestamp = String(Math.floor(Date.now() / 1000));
  expect((await h.postWebhook(body)).status).toBe(200);
  await h.eventually(() => expect(h.slack.posted(CHANNEL).some((p) => String(p.text).includes('131051'))).toBe(true));
});

test.each([
  ['template-status-rejected', /rejected/i],
  ['template-quality-update', /quality/i],
  ['template-category-update', /category/i],
  ['account-update-restriction', /account update/i],
])('%s is accepted and announced in the channel', async (fixture, pattern) => {
  const res = await h.postWebhook(loadWhatsAppFixture(fixture));
  expect(res.status).toBe(200);
  await h.eventually(() => {
    const notices = h.slack.posted(CHANNEL).filter((p) => !p.thread_ts);
    expect(notices.some((p) => pattern.test(String(p.text)))).toBe(true);
  });
});

test('a field the bridge does not announce (or does not know) is still acknowledged with 200', async () => {
  const body = {
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', time: 1731000000, changes: [{ field: 'some_future_field', value: { anything: true } }] }],
  };
  expect((await h.postWebhook(body)).status).toBe(200);
});

test('a message for a phone number id that is not configured is acknowledged (Meta must not retry) and not posted', async () => {
  const body = customerText({ text: 'wrong number' });
  body.entry[0].changes[0].value.metadata.phone_number_id = '999999999999999';
  expect((await h.postWebhook(body)).status).toBe(200);
  await new Promise((r) => setTimeout(r, 200));
  expect(h.slack.posted(CHANNEL)).toHaveLength(0);
});

describe('poison in a batch (issue 9): the bad event is quarantined, its siblings are stored and delivered', () => {
  /** The quarantine rows of this test's database (raw_webhooks, source whatsapp-quarantine), parsed. */
  async function quarantined(): Promise<Array<{ code: string; reason: string; event: unknown }>> {
    const conn = await mongoose.createConnection(testMongoUri(), { dbName: h.dbName }).asPromise();
    try {
      const rows = await conn.db!.collection('raw_webhooks').find({ source: 'whatsapp-quarantine' }).toArray();
      return rows.map((r) => JSON.parse(String(r.body)));
    } finally {
      await conn.close();
    }
  }

  const quarantineCount = async (code: string) => {
    const text = await (await fetch(`${h.bridge.url}/metrics`)).text();
    return Number(new RegExp(`whatsapp_bridge_webhook_events_quarantined_total\\{reason="${code}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  };

  /** Meta's message example twice and `poison` between them, as three changes of one entry. */
  function between(poison: { field: string; value: unknown }, first: string, second: string): any {
    const a = customerText({ from: '16505550101', text: first });
    const b = customerText({ from: '16505550102', text: second });
    a.entry[0].changes = [a.entry[0].changes[0], poison, b.entry[0].changes[0]];
    return a;
  }

  function badStatus(timestamp: string, wamid: string): { field: string; value: unknown } {
    const s = loadWhatsAppFixture('status-read');
    s.entry[0].changes[0].value.statuses[0].id = wamid;
    s.entry[0].changes[0].value.statuses[0].timestamp = timestamp;
    return s.entry[0].changes[0];
  }

  test.each(['1e20', '99999999999999'])('a status with timestamp %s between two messages', async (timestamp) => {
    const before = await quarantineCount('bad_timestamp');
    const wamid = newWamid();
    const first = `before the bad status ${timestamp}`;
    const second = `after the bad status ${timestamp}`;
    const res = await h.postWebhook(between(badStatus(timestamp, wamid), first, second));
    expect(res.status).toBe(200);
    await h.eventually(() => {
      const texts = h.slack.posted(CHANNEL).map((p) => String(p.text));
      expect(texts.some((t) => t.includes(first))).toBe(true);
      expect(texts.some((t) => t.includes(second))).toBe(true);
    }, 20_000);
    const rows = await quarantined();
    expect(rows.filter((r) => (r.event as { id?: string }).id === wamid)).toEqual([
      { code: 'bad_timestamp', reason: expect.stringContaining(wamid), event: expect.objectContaining({ id: wamid, timestamp }) },
    ]);
    expect(await quarantineCount('bad_timestamp')).toBe(before + 1);
  });

  test('a deeply nested account-event value between two messages', async () => {
    let deep: unknown = { event: 'DISABLED_UPDATE' };
    for (let i = 0; i < 150; i++) deep = { nested: deep }; // MongoDB refuses documents deeper than 100 levels
    const res = await h.postWebhook(between({ field: 'account_update', value: deep }, 'before the deep event', 'after the deep event'));
    expect(res.status).toBe(200);
    await h.eventually(() => {
      const texts = h.slack.posted(CHANNEL).map((p) => String(p.text));
      expect(texts.some((t) => t.includes('before the deep event'))).toBe(true);
      expect(texts.some((t) => t.includes('after the deep event'))).toBe(true);
    }, 20_000);
    expect((await quarantined()).filter((r) => r.code === 'too_deep_or_large' && /account_update/.test(r.reason))).toHaveLength(1);
    expect(await quarantineCount('too_deep_or_large')).toBeGreaterThanOrEqual(1);
  });

  test('a redelivery of the same poisoned webhook is answered 200 again and quarantined once', async () => {
    const body = between(badStatus('1e20', newWamid()), 'redelivered one', 'redelivered two');
    const raw = JSON.stringify(body);
    expect((await h.postWebhook(undefined, { raw })).status).toBe(200);
    expect((await h.postWebhook(undefined, { raw })).status).toBe(200);
    const id = body.entry[0].changes[1].value.statuses[0].id;
    expect((await quarantined()).filter((r) => (r.event as { id?: string }).id === id)).toHaveLength(1);
  });
});
