/**
 * Automatic messages (issue 13) through the real webhook route with signed Meta payloads: the away message once per
 * closed period in the account's time zone and holidays, the greeting once per opening, keyword replies once per
 * message and never after an agent replied, nothing free-form once the 24-hour window is closed, the one switch.
 * The bridge's clock is injected (BridgeOptions.now) and each message carries its own timestamp, as Meta sends it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_PHONE_NUMBER_ID } from '../fixtures/whatsapp';
import { CHANNEL, NOTIFY, startHarness, type Harness } from '../support/harness';
import { customerText, statusUpdate } from '../support/webhooks';

const AWAY = 'We are closed now: we answer from 9:00 (Madrid time).';
const GREETING = 'Hello! Thanks for writing to Shop.';
const PRICES = 'Our price list: https://shop.example/prices';
const WEEKDAYS = { mon: ['09:00-18:00'], tue: ['09:00-18:00'], wed: ['09:00-18:00'], thu: ['09:00-18:00'], fri: ['09:00-18:00'] };

let dir: string;
let h: Harness | undefined;
let clock = new Date();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bridge-automatic-'));
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bridge whose one account has these automatic-message settings. */
async function start(label: string, automation: Record<string, unknown>, probeMs?: number): Promise<Harness> {
  const file = join(dir, `${label}.json`);
  const account = { name: 'shop', phoneNumberId: FIXTURE_PHONE_NUMBER_ID, slack: { channelId: CHANNEL, notifyUsers: NOTIFY }, ...automation };
  writeFileSync(file, JSON.stringify({ accounts: [account] }));
  const outbox = { pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 2000, ...(probeMs ? { probeMs } : {}) };
  h = await startHarness(label, { env: { BRIDGE_CONFIG: file }, bridge: { now: () => clock, outbox } });
  return h;
}

/** The customer writes at `at` (the bridge's clock a second later, as when Meta delivers at once). */
async function customerWrites(text: string, at: string, o: { from?: string; wamid?: string; delivered?: string } = {}): Promise<any> {
  const sentAt = new Date(at);
  clock = new Date(o.delivered ?? sentAt.getTime() + 1000);
  // Meta's timestamps are whole seconds.
  const body = customerText({ text, from: o.from, wamid: o.wamid, timestamp: String(Math.floor(sentAt.getTime() / 1000)) });
  expect((await h!.postWebhook(body)).status).toBe(200);
  // Stored: its automatic messages are decided (and enqueued) in the same step.
  await h!.eventually(async () => expect(await h!.bridge.store.getMessage(`wa:${body.entry[0].changes[0].value.messages[0].id}`)).not.toBeNull());
  return body;
}

/** Every job due is finished: what a message implies has happened (or will not); a window reminder due tomorrow is not listed. */
async function settled(): Promise<void> {
  await h!.eventually(async () => {
    expect(await h!.bridge.store.pendingJobs(100, clock)).toEqual([]);
    expect(await h!.bridge.store.countJobs('running')).toBe(0);
  }, 20_000);
}

/** The texts of the bridge's thread (every reply under the first root message). */
function threadTexts(): string[] {
  const root = h!.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
  return root ? h!.slack.threadReplies(CHANNEL, root.ts).map((m) => m.text) : [];
}

const textSend = (body: string, to = '+16505551234') => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { body, preview_url: /https?:\/\//.test(body) },
});

describe('business hours and the away message', () => {
  test('two messages at night get one away message; inside hours none; the next night another one', async () => {
    await start('auto-away', { businessHours: { timeZone: 'Europe/Madrid', weekly: WEEKDAYS }, awayMessage: { text: AWAY } });
    // Monday 2 March 2026, 23:00 and 23:30 in Madrid (UTC+1).
    await customerWrites('Hello, anyone there?', '2026-03-02T22:00:00Z');
    await customerWrites('I need help with my order', '2026-03-02T22:30:00Z');
    await settled();
    expect(h!.graph.sentMessages()).toEqual([textSend(AWAY)]);
    await h!.eventually(() => expect(threadTexts().filter((t) => t.includes('🤖 away message sent'))).toHaveLength(1));
    const away = (await h!.bridge.store.getMessage('auto:away:' + FIXTURE_PHONE_NUMBER_ID + ':16505551234:2026-03-02T18:00'))!;
    expect(away).toMatchObject({ direction: 'outbound', automatic: { kind: 'away' }, state: 'accepted' });

    // Tuesday 10:30 in Madrid: open, no away message.
    await customerWrites('Good morning', '2026-03-03T09:30:00Z');
    await settled();
    expect(h!.graph.sentMessages()).toHaveLength(1);

    // Tuesday 19:30: a new closed period, a new away message.
    await customerWrites('Still there?', '2026-03-03T18:30:00Z');
    await settled();
    expect(h!.graph.sentMessages()).toEqual([textSend(AWAY), textSend(AWAY)]);
    expect(await h!.bridge.metrics.registry.getSingleMetricAsString('whatsapp_bridge_automatic_messages_total')).toContain(
      'whatsapp_bridge_automatic_messages_total{kind="away",outcome="sent"} 2',
    );
  });

  test('the account’s time zone and holidays decide, not UTC', async () => {
    await start('auto-away-zone', {
      businessHours: { timeZone: 'Europe/Madrid', weekly: WEEKDAYS, holidays: ['2026-12-25'] },
      awayMessage: { text: AWAY },
    });
    // 08:30 UTC is 09:30 in Madrid: open (in UTC it would be closed).
    await customerWrites('Are you open?', '2026-03-02T08:30:00Z');
    await settled();
    expect(h!.graph.sentMessages()).toHaveLength(0);
    // Friday 25 December 2026, 12:00 in Madrid: inside the weekly hours, but a holiday.
    await customerWrites('Merry Christmas, is my parcel coming?', '2026-12-25T11:00:00Z', { from: '34600111222' });
    await settled();
    expect(h!.graph.sentMessages()).toEqual([textSend(AWAY, '+34600111222')]);
  });
});

describe('greeting', () => {
  test('a new conversation is greeted once, and again when it reopens after greetingAfterDays of silence', async () => {
    await start('auto-greeting', { greeting: { text: GREETING }, greetingAfterDays: 3 });
    await customerWrites('Hi', '2026-03-02T10:00:00Z');
    await customerWrites('I have a question', '2026-03-02T10:01:00Z');
    await settled();
    expect(h!.graph.sentMessages()).toEqual([textSend(GREETING)]);
    await h!.eventually(() => expect(threadTexts().filter((t) => t.includes('🤖 greeting sent'))).toHaveLength(1));
    // Two days later: the same conversation, no greeting.
    await customerWrites('Back again', '2026-03-04T10:00:00Z');
    await settled();
    expect(h!.graph.sentMessages()).toHaveLength(1);
    // Four days of silence: reopened, greeted again.
    await customerWrites('Hello after a while', '2026-03-08T11:00:00Z');
    await settled();
    expect(h!.graph.sentMessages()).toEqual([textSend(GREETING), textSend(GREETING)]);
  });

  test('a greeting may be a file by link; a keyword reply may be reply buttons (Meta’s exact bodies)', async () => {
    const buttons = {
      body: 'How can we help?',
      footer: 'Shop',
      buttons: [
        { id: 'sales', title: 'Talk to sales' },
        { id: 'track', title: 'Track my order' },
      ],
    };
    await start('auto-rich', {
      greeting: { media: { kind: 'image', link: 'https://shop.example/welcome.png', caption: GREETING } },
      autoReplies: { rules: [{ name: 'menu', match: 'exact', keywords: ['menu'], answer: { buttons } }] },
    });
    await customerWrites('Menu', new Date().toISOString());
    await settled();
    expect(h!.graph.sentMessages()).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+16505551234',
        type: 'image',
        image: { link: 'https://shop.example/welcome.png', caption: GREETING },
      },
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+16505551234',
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'How can we help?' },
          footer: { text: 'Shop' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'sales', title: 'Talk to sales' } },
              { type: 'reply', reply: { id: 'track', title: 'Track my order' } },
            ],
          },
        },
      },
    ]);
    await h!.eventually(() => expect(threadTexts().filter((t) => t.includes('🤖 auto-reply: menu'))).toHaveLength(1));
  });
});

describe('keyword auto-replies', () => {
  const rules = { rules: [{ name: 'prices', match: 'word', keywords: ['precio', 'price list'], answer: { text: PRICES } }] };

  test('a rule fires once per message (case and accents ignored), not on a redelivery nor on the bridge’s own sends', async () => {
    await start('auto-keyword', { autoReplies: rules });
    const now = new Date().toISOString();
    const body = await customerWrites('¿Cuál es el PRÉCIO?', now);
    await settled();
    expect(h!.graph.sentMessages()).toEqual([textSend(PRICES)]);
    await h!.eventually(() => expect(threadTexts().filter((t) => t.includes('🤖 auto-reply: prices'))).toHaveLength(1));
    // Meta redelivers the same webhook; the status of our own reply comes back (it contains the keyword).
    expect((await h!.postWebhook(body)).status).toBe(200);
    const wamid = (await h!.bridge.store.getMessage(`auto:keyword:${body.entry[0].changes[0].value.messages[0].id}:prices`))!.wamid!;
    expect((await h!.postWebhook(statusUpdate(wamid, 'delivered'))).status).toBe(200);
    // A message without a keyword: nothing; "priceless" is not the word "price list".
    await customerWrites('This is priceless', new Date(Date.now() + 1000).toISOString());
    await settled();
    expect(h!.graph.sentMessages()).toHaveLength(1);
  });

  test('no automatic message once an agent has replied in the conversation', async () => {
    await start('auto-keyword-agent', { autoReplies: rules, greeting: { text: GREETING } });
    await customerWrites('hello', new Date().toISOString());
    await settled();
    expect(h!.graph.sentMessages()).toEqual([textSend(GREETING)]);
    const root = await h!.eventually(() => {
      const r = h!.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
      expect(r).toBeDefined();
      return r!;
    });
    // The agent's own words contain the keyword: they go to the customer as written, and fire nothing.
    await h!.agentReplies(root.ts, 'Hi! Do you want our price list?');
    await h!.eventually(() => expect(h!.graph.sentMessages()).toHaveLength(2));
    await customerWrites('yes, the price list please', new Date(Date.now() + 2000).toISOString());
    await settled();
    expect(h!.graph.sentMessages()).toHaveLength(2);
    expect(h!.graph.sentMessages()[1]!.text.body).toBe('Hi! Do you want our price list?');
  });

  test('one already queued is dropped when an agent replies before it goes', async () => {
    // The greeting's send is refused for the token (a fault a person must fix): it waits, parked, until probed.
    await start('auto-agent-first', { greeting: { text: GREETING } }, 600_000);
    h!.graph.failNext({ path: /\/messages$/, status: 401 });
    await customerWrites('hello', new Date().toISOString());
    await h!.eventually(async () => expect(await h!.bridge.store.listParkedJobs(10)).toHaveLength(1));
    const root = await h!.eventually(() => {
      const r = h!.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
      expect(r).toBeDefined();
      return r!;
    });
    await h!.agentReplies(root.ts, 'Hi, Ana here. How can I help?');
    h!.bridge.outbox.probeParked('whatsapp');
    await h!.eventually(() => expect(h!.graph.sentMessages()).toHaveLength(1));
    await settled();
    expect(h!.graph.sentMessages()).toEqual([textSend('Hi, Ana here. How can I help?')]);
    const greeting = await h!.bridge.store.getMessage(`auto:greeting:${FIXTURE_PHONE_NUMBER_ID}:16505551234:first`);
    expect(greeting).toMatchObject({ state: 'failed', failure: { code: 'agent_replied' } });
  });

  test('outside the 24-hour window a free-form auto-reply is not sent and the thread says why; a configured template is', async () => {
    await start('auto-window', {
      autoReplies: {
        rules: [
          ...rules.rules,
          {
            name: 'hours',
            match: 'prefix',
            keywords: ['horario'],
            answer: { text: 'We open at 9.', whenWindowClosed: { template: 'opening_hours', language: 'es' } },
          },
        ],
      },
    });
    // Written 25 hours before Meta delivered it (a webhook redelivered late): the window is already closed.
    await customerWrites('precio?', '2026-03-02T10:00:00Z', { delivered: '2026-03-03T11:00:00Z' });
    await settled();
    expect(h!.graph.sentMessages()).toHaveLength(0);
    await h!.eventually(() => expect(threadTexts().some((t) => t.includes('🤖 auto-reply: prices not sent') && t.includes('24 hours'))).toBe(true));
    await customerWrites('Horario de tienda', '2026-03-02T10:05:00Z', { delivered: '2026-03-03T11:05:00Z' });
    await settled();
    expect(h!.graph.sentMessages()).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+16505551234',
        type: 'template',
        template: { name: 'opening_hours', language: { code: 'es' } },
      },
    ]);
  });

  test('autoReplies.enabled: false switches every automatic message off', async () => {
    await start('auto-off', {
      businessHours: { timeZone: 'Europe/Madrid', weekly: WEEKDAYS },
      awayMessage: { text: AWAY },
      greeting: { text: GREETING },
      autoReplies: { enabled: false, ...rules },
    });
    await customerWrites('precio', '2026-03-02T22:00:00Z');
    await settled();
    await h!.eventually(() => expect(threadTexts().length).toBeGreaterThanOrEqual(1));
    expect(h!.graph.sentMessages()).toHaveLength(0);
  });
});
