/**
 * The admin CLI (src/cli/admin.ts) against a running bridge, the fakes and the real MongoDB-wire server: requeue
 * through the dispatcher, replay (processed webhooks change nothing; lost ones are delivered), export (CSV and JSON
 * lines), and templates create (a valid file submitted and its approval announced; an invalid one refused with each
 * violation, nothing sent to Meta). The CLI reads its configuration from the same variables as the bridge.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runAdmin } from '../../src/cli/admin';
import { FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID, loadWhatsAppFixture } from '../fixtures/whatsapp';
import { loadTemplateFixture } from '../fixtures/whatsapp/templates';
import { uriWithDb } from '../support/child-bridge';
import { CHANNEL, startHarness, testEnv, type Harness } from '../support/harness';
import { customerText } from '../support/webhooks';

let h: Harness;
const dir = mkdtempSync(path.join(tmpdir(), 'admin-cli-'));
beforeAll(async () => {
  h = await startHarness('admin-cli');
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.slack.reset());

async function admin(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const env = { ...testEnv(h.graph, h.slack), MONGODB_URI: uriWithDb(h.config.mongodbUri!, h.dbName) };
  const code = await runAdmin(argv, { env, io: { out: (l) => out.push(l), err: (l) => err.push(l) } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The texts in the thread of a customer, once it exists. */
const threadTexts = (from: string) =>
  h.slack
    .messages(CHANNEL)
    .filter((m) => m.thread_ts && m.thread_ts !== m.ts && h.slack.messages(CHANNEL).some((r) => r.ts === m.thread_ts && r.text.includes(from)))
    .map((m) => m.text);

describe('replay', () => {
  test('webhooks already processed change nothing: no post twice, reported as stored', async () => {
    await h.postWebhook(customerText({ from: '4915100000061', text: 'first and only once' }));
    await h.eventually(() => expect(threadTexts('4915100000061')).toEqual(['first and only once']));

    const r = await admin('replay', '--since', '1h');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/stored webhooks? received from/);
    expect(r.out).toContain('1 customer message already stored: left alone');
    expect(r.out).toContain('0 customer messages not stored yet');

    // A later message of the same customer runs in the same lanes: anything the replay had queued would come first.
    await h.postWebhook(customerText({ from: '4915100000061', text: 'the next one' }));
    await h.eventually(() => expect(threadTexts('4915100000061')).toEqual(['first and only once', 'the next one']));
  });

  test('a webhook whose processing was lost is delivered by the replay', async () => {
    // Stored before its ack, its ingest job lost (e.g. a database restored from a backup taken between the two writes).
    const body = JSON.stringify(customerText({ from: '4915100000062', text: 'lost after the ack' }));
    await h.bridge.store.saveRawWebhook('whatsapp', body);
    expect(threadTexts('4915100000062')).toEqual([]);

    const r = await admin('replay', '--since', new Date(Date.now() - 60_000).toISOString());
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 customer message not stored yet');
    await h.eventually(() => expect(threadTexts('4915100000062')).toEqual(['lost after the ack']));

    // Replayed again: now it is stored, nothing more.
    const again = await admin('replay', '--since', '1h');
    expect(again.out).toContain('0 customer messages not stored yet');
  });

  test('a range with nothing in it says so', async () => {
    const r = await admin('replay', '--since', '2020-01-01', '--until', '2020-01-02');
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 stored webhooks received from 2020-01-01T00:00:00.000Z to 2020-01-02T00:00:00.000Z');
  });
});

describe('export', () => {
  let thread: string;
  let agentTs: string;
  beforeAll(async () => {
    await h.postWebhook(customerText({ from: '4915100000071', name: 'Zoë, "VIP"', text: 'what is "in" my order?' }));
    thread = await h.eventually(() => {
      const root = h.slack.messages(CHANNEL).find((m) => m.text.includes('4915100000071') && (!m.thread_ts || m.thread_ts === m.ts));
      expect(root).toBeDefined();
      return root!.ts;
    });
    agentTs = (await h.agentReplies(thread, 'Two books, shipped today')).ts;
    await h.eventually(async () => expect((await h.bridge.store.getMessage(`slack:${CHANNEL}:${agentTs}`))?.state).toBe('accepted'));
  });

  test('CSV to a file: RFC 4180, a header, one row per message with who, when, status', async () => {
    const file = path.join(dir, 'export.csv');
    const r = await admin('export', '--from', '1h', '--to', new Date(Date.now() + 60_000).toISOString(), '--out', file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^\d+ messages from .* written to .*export\.csv\.$/);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'created_at,direction,account,phone_number_id,customer,customer_name,agent,agent_id,agent_platform,kind,template,template_language,status,status_at,failure,message_id,wamid,conversation_id',
    );
    const rows: Record<string, string>[] = parse(text, { columns: true });
    const conversation = `${FIXTURE_PHONE_NUMBER_ID}:4915100000071`;
    const mine = rows.filter((row) => row.conversation_id === conversation);
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({
      direction: 'inbound',
      account: 'default',
      customer: '+4915100000071',
      customer_name: 'Zoë, "VIP"',
      kind: 'text',
      agent: '',
    });
    expect(mine[1]).toMatchObject({
      direction: 'outbound',
      customer: '+4915100000071',
      agent: 'Ana Agent',
      agent_platform: 'slack',
      kind: 'text',
      status: 'accepted',
      message_id: `slack:${CHANNEL}:${agentTs}`,
    });
    expect(mine[1]!.wamid).toMatch(/^wamid\./);
    expect(Date.parse(mine[1]!.created_at!)).toBeGreaterThanOrEqual(Date.parse(mine[0]!.created_at!));
    // No message bodies.
    expect(text).not.toContain('Two books');
  });

  test('JSON lines on stdout, one object per message', async () => {
    const r = await admin('export', '--from', '1h', '--to', '2099-01-01', '--format', 'jsonl');
    expect(r.code).toBe(0);
    const rows = r.out.split('\n').map((l) => JSON.parse(l));
    const out = rows.find((o) => o.message_id === `slack:${CHANNEL}:${agentTs}`);
    expect(out).toMatchObject({ direction: 'outbound', agent: 'Ana Agent', customer: '+4915100000071', phone_number_id: FIXTURE_PHONE_NUMBER_ID });
  });

  test('a range before everything: only the header', async () => {
    const r = await admin('export', '--from', '2020-01-01', '--to', '2020-01-02');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toHaveLength(1);
    expect(r.err).toContain('0 messages from 2020-01-01');
  });
});

describe('templates create', () => {
  const templatesFile = (name: string, edit: (t: any) => void = () => undefined) => {
    const { id: _id, status: _status, ...body } = loadTemplateFixture('template-seasonal-promotion-text-header');
    edit(body);
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(body));
    return file;
  };
  const createCalls = () => h.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/${FIXTURE_WABA_ID}/message_templates`));

  test('an invalid file: every violation with its place, nothing submitted, exit 1', async () => {
    const before = createCalls().length;
    const file = templatesFile('invalid', (t) => {
      t.name = 'Spring Promo';
      t.category = 'PROMO';
      t.components[1].text = 'Shop now through {{1}} and use code {{3}} to get {{2}} off.';
      t.components[3].buttons = Array.from({ length: 11 }, (_, i) => ({ type: 'QUICK_REPLY', text: `Option ${i}` }));
    });
    const r = await admin('templates', 'create', '--file', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file} breaks 6 of Meta's template rules; nothing was submitted:`);
    expect(r.err).toContain('  name: may hold only lowercase letters, digits and underscores');
    expect(r.err).toContain('  category: must be one of MARKETING, UTILITY, AUTHENTICATION');
    expect(r.err).toContain('  components[1].text: variable {{3}} is number 2 in the text');
    expect(r.err).toContain('  components[1].text: variable {{2}} is number 3 in the text');
    expect(r.err).toContain('  components[3].buttons: has 11 buttons: at most 10');
    expect(r.err).toContain('  components[3].buttons: has 11 QUICK_REPLY buttons: at most 10');
    expect(createCalls()).toHaveLength(before);

    const notJson = path.join(dir, 'broken.json');
    writeFileSync(notJson, '{"name": ');
    const broken = await admin('templates', 'create', '--file', notJson);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/cannot read .*broken\.json as JSON/);
    expect((await admin('templates', 'create', '--file', path.join(dir, 'missing.json'))).err).toMatch(/cannot read .*missing\.json as JSON \(ENOENT\)/);
    expect(createCalls()).toHaveLength(before);
  });

  test('a valid file is submitted as written; its approval webhook is announced in the channel', async () => {
    const file = templatesFile('spring', (t) => (t.name = 'spring_promotion'));
    expect((await admin('templates', 'create', '--file', file, '--dry-run')).out).toBe(
      "spring_promotion (en) follows Meta's template rules (not submitted: --dry-run).",
    );
    expect(createCalls()).toHaveLength(0);

    const r = await admin('templates', 'create', '--file', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [call] = createCalls();
    expect(call!.headers.authorization).toBe('Bearer test-access-token');
    expect(call!.body).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    const created = h.graph.templatesOf(FIXTURE_WABA_ID).find((t) => t.name === 'spring_promotion')!;
    expect(r.out).toContain(
      `Submitted spring_promotion (en) to WhatsApp Business Account ${FIXTURE_WABA_ID}: template id ${created.id}, status PENDING, category MARKETING.`,
    );

    // Meta approves it and sends the status webhook (its documented example, with this template's name, language and id).
    h.graph.approveTemplate(FIXTURE_WABA_ID, created.id!);
    const webhook = loadWhatsAppFixture('template-status-approved');
    Object.assign(webhook.entry[0].changes[0].value, {
      message_template_name: 'spring_promotion',
      message_template_language: 'en',
      message_template_id: Number(created.id),
    });
    expect((await h.postWebhook(webhook)).status).toBe(200);
    const notice = await h.eventually(() => {
      const n = h.slack.posted(CHANNEL).find((p) => !p.thread_ts && /spring_promotion/.test(String(p.text)));
      expect(n).toBeDefined();
      return String(n!.text);
    });
    expect(notice).toMatch(/It can be sent now with `\/wa template`/);
    await h.eventually(async () =>
      expect((await h.bridge.store.listTemplates(FIXTURE_WABA_ID)).find((t) => t.name === 'spring_promotion')?.status).toBe('APPROVED'),
    );
  });

  test('Meta refusing it: its reason, exit 1', async () => {
    h.graph.failNext({ path: /message_templates$/, status: 400, error: { code: 100, message: 'Invalid parameter' } });
    const r = await admin(
      'templates',
      'create',
      '--file',
      templatesFile('refused', (t) => (t.name = 'refused_one')),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Meta refused refused_one \(en\): /);
  });
});

test('requeue through the dispatcher: nothing to do is said plainly', async () => {
  const r = await admin('requeue', '--all');
  expect(r.code).toBe(0);
  expect(r.out).toBe('Nothing failed or paused in all conversations.');
});
