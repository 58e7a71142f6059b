/**
 * The first-contact menu that routes (issue 13 point 5), on Slack, through the real webhook route with signed Meta
 * payloads (the taps are Meta's button_reply / list_reply examples with our menu's wamid as `context.id`):
 * - the menu goes once to a new conversation, with Meta's exact body (buttons, list);
 * - a tap routes it to another account's channel: a new thread there pinging that account's notify users, a line in the
 *   old thread saying where it went, and the next customer message and the agents' replies go through the new thread;
 * - a label route shows on the card; a customer who types instead of tapping stays where they are;
 * - an unanswered menu falls back to the default route once. The fallback is an outbox job scheduled (`notBefore`) on
 *   the bridge's clock: a test moves that clock (BridgeOptions.now) past it instead of sleeping.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_PHONE_NUMBER_ID, loadWhatsAppFixture } from '../fixtures/whatsapp';
import { AGENT, CHANNEL, NOTIFY, slackTs, startHarness, type Harness } from '../support/harness';
import { chatRouteJobs } from '../../src/services/routing';
import { customerText, newWamid } from '../support/webhooks';

const SALES = { name: 'sales', phoneNumberId: '106540352249999', slack: { channelId: 'C0SALES01', notifyUsers: ['U0SALES01'] } };
const CUSTOMER = '16505551234';
const CONVERSATION = `${FIXTURE_PHONE_NUMBER_ID}:${CUSTOMER}`;
const BUTTONS = [
  { id: 'to-sales', title: 'Sales', route: { account: 'sales' } },
  { id: 'vip', title: 'VIP customer', route: { label: 'VIP' } },
];

let dir: string;
let h: Harness | undefined;
/** The bridge's clock (BridgeOptions.now): the fallback runs when it passes the timer's time; unset, the real time. */
let clockAt: Date | undefined;
const now = () => clockAt ?? new Date();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bridge-menu-'));
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  clockAt = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bridge with two accounts: shop (the customer's number, with this menu) and sales (a department, its own channel). */
async function start(label: string, menu: Record<string, unknown>, shop: Record<string, unknown> = {}, dbName?: string): Promise<Harness> {
  const file = join(dir, `${label}.json`);
  const account = { name: 'shop', phoneNumberId: FIXTURE_PHONE_NUMBER_ID, slack: { channelId: CHANNEL, notifyUsers: NOTIFY }, menu, ...shop };
  writeFileSync(file, JSON.stringify({ accounts: [account, SALES] }));
  h = await startHarness(label, { env: { BRIDGE_CONFIG: file }, bridge: { now, ...(dbName ? { dbName } : {}) } });
  return h;
}

async function customerWrites(text: string): Promise<void> {
  const body = customerText({ text, from: CUSTOMER });
  expect((await h!.postWebhook(body)).status).toBe(200);
  await h!.eventually(async () => expect(await h!.bridge.store.getMessage(`wa:${body.entry[0].changes[0].value.messages[0].id}`)).not.toBeNull());
}

/** The customer taps an option of the message `menuWamid`: Meta's example of a button (or list) reply, answering it. */
async function customerTaps(kind: 'button' | 'list', menuWamid: string, id: string, title: string): Promise<void> {
  const body = loadWhatsAppFixture(kind === 'button' ? 'message-interactive-button-reply' : 'message-interactive-list-reply');
  const msg = body.entry[0].changes[0].value.messages[0];
  msg.id = newWamid();
  msg.timestamp = String(Math.floor(Date.now() / 1000));
  msg.context.id = menuWamid;
  if (kind === 'button') msg.interactive.button_reply = { id, title };
  else msg.interactive.list_reply = { ...msg.interactive.list_reply, id, title };
  expect((await h!.postWebhook(body)).status).toBe(200);
}

/** Every job is finished (the menu's fallback timer, due later, is not listed until then). */
async function settled(): Promise<void> {
  await h!.eventually(async () => {
    expect(await h!.bridge.store.pendingJobs(100, now())).toEqual([]);
    expect(await h!.bridge.store.countJobs('running')).toBe(0);
  }, 20_000);
}

const TIMER = `menu-fallback:auto:menu:${CONVERSATION}`;

/** The menu's wamid once Meta accepted it. */
async function menuWamid(): Promise<string> {
  return h!.eventually(async () => {
    const menu = await h!.bridge.store.getMessage(`auto:menu:${CONVERSATION}`);
    expect(menu?.wamid).toBeDefined();
    return menu!.wamid!;
  });
}

const roots = (channel: string) => h!.slack.messages(channel).filter((m) => !m.thread_ts || m.thread_ts === m.ts);
const replies = (channel: string, ts: string) => h!.slack.threadReplies(channel, ts).map((m) => m.text);
const mentions = (text: string) => [...text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)].map((x) => x[1]!);

/** The one thread root of `channel`. */
function rootIn(channel: string) {
  return h!.eventually(() => {
    const found = roots(channel);
    expect(found).toHaveLength(1);
    return found[0]!;
  });
}

/** Moves the bridge's clock past the menu's fallback time (every test's delay is at most an hour) and waits for it to have run. */
async function fallbackDue(): Promise<void> {
  clockAt = new Date(Date.now() + 2 * 3600_000);
  expect((await h!.bridge.store.pendingJobs(100, clockAt)).map((j) => j._id)).toContain(TIMER);
  h!.bridge.outbox.wake();
  await settled();
  expect(await h!.bridge.store.countJobs('pending')).toBe(0);
}

describe('a first-contact menu that routes', () => {
  test('sent once with Meta’s exact body; a tap moves the conversation to the other account’s channel, and it goes on there', async () => {
    await start('menu-route', {
      body: 'Who would you like to talk to?',
      footer: 'Shop',
      buttons: BUTTONS,
      fallback: { afterMinutes: 60, route: { label: 'Unsorted' } },
    });
    await customerWrites('Hello');
    await customerWrites('Anyone?');
    await settled();
    expect(h!.graph.sentMessages()).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: `+${CUSTOMER}`,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Who would you like to talk to?' },
          footer: { text: 'Shop' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'to-sales', title: 'Sales' } },
              { type: 'reply', reply: { id: 'vip', title: 'VIP customer' } },
            ],
          },
        },
      },
    ]);
    const old = await rootIn(CHANNEL);
    await h!.eventually(() => expect(replies(CHANNEL, old.ts).filter((t) => t.includes('🤖 menu sent'))).toHaveLength(1));
    // The fallback waits (one job, stored, not due).
    expect(await h!.bridge.store.countJobs('pending')).toBe(1);

    await customerTaps('button', await menuWamid(), 'to-sales', 'Sales');
    const moved = await rootIn(SALES.slack.channelId);
    // The sales account's notify users are pinged as for a new conversation; the new thread links back to the old one.
    expect(mentions(moved.text)).toEqual(SALES.slack.notifyUsers);
    await h!.eventually(() =>
      expect(replies(SALES.slack.channelId, moved.ts).some((t) => t.includes('🤖 menu: customer chose Sales') && t.includes(old.ts.replace('.', '')))).toBe(
        true,
      ),
    );
    // The old thread says where it went (a link to the new thread).
    await h!.eventually(() =>
      expect(replies(CHANNEL, old.ts).some((t) => t.includes('🤖 menu: customer chose Sales → routed to sales') && t.includes(moved.ts.replace('.', '')))).toBe(
        true,
      ),
    );
    expect(await h!.bridge.store.getConversation(CONVERSATION)).toMatchObject({
      _id: CONVERSATION,
      accountId: FIXTURE_PHONE_NUMBER_ID,
      route: { choice: 'Sales', accountId: SALES.phoneNumberId, by: 'tap' },
    });

    // The customer's next message goes to the new thread only.
    await customerWrites('I would like a quote');
    await h!.eventually(() => expect(replies(SALES.slack.channelId, moved.ts)).toContain('I would like a quote'));
    expect(replies(CHANNEL, old.ts)).not.toContain('I would like a quote');
    // An agent's reply in the new thread goes to the customer from the number they wrote to.
    const ts = slackTs();
    h!.slack.addMessage(SALES.slack.channelId, { ts, text: 'Happy to help!', user: AGENT, thread_ts: moved.ts });
    const event = {
      type: 'message',
      channel: SALES.slack.channelId,
      user: AGENT,
      text: 'Happy to help!',
      ts,
      thread_ts: moved.ts,
      parent_user_id: h!.slack.botUserId,
      channel_type: 'channel',
      event_ts: ts,
      team: h!.slack.teamId,
    };
    expect((await h!.sender.sendEvent(event)).status).toBe(200);
    await h!.eventually(() => expect(h!.graph.sentMessages().at(-1)).toMatchObject({ type: 'text', to: `+${CUSTOMER}`, text: { body: 'Happy to help!' } }));
    expect(h!.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages')).every((c) => c.path.includes(FIXTURE_PHONE_NUMBER_ID))).toBe(true);

    // The timer runs later: a route was chosen, nothing changes; a second tap neither.
    await fallbackDue();
    await customerTaps('button', await menuWamid(), 'vip', 'VIP customer');
    await settled();
    expect(roots(SALES.slack.channelId)).toHaveLength(1);
    expect((await h!.bridge.store.getConversation(CONVERSATION))!.route).toMatchObject({ choice: 'Sales', by: 'tap' });
    expect(await h!.bridge.metrics.registry.getSingleMetricAsString('whatsapp_bridge_automatic_messages_total')).toContain(
      'whatsapp_bridge_automatic_messages_total{kind="menu",outcome="routed"} 1',
    );
  });

  test('a list menu (Meta’s exact body); a label route shows on the card and the thread stays', async () => {
    const list = {
      button: 'Choose',
      sections: [
        { title: 'Departments', rows: [{ id: 'to-sales', title: 'Sales', description: 'Quotes and orders', route: { account: 'sales' } }] },
        { title: 'Customers', rows: [{ id: 'vip', title: 'VIP customer', route: { label: 'VIP' } }] },
      ],
    };
    await start('menu-label', { body: 'How can we help?', header: 'Welcome', list });
    await customerWrites('Hi');
    await settled();
    expect(h!.graph.sentMessages()).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: `+${CUSTOMER}`,
        type: 'interactive',
        interactive: {
          type: 'list',
          header: { type: 'text', text: 'Welcome' },
          body: { text: 'How can we help?' },
          action: {
            button: 'Choose',
            sections: [
              { title: 'Departments', rows: [{ id: 'to-sales', title: 'Sales', description: 'Quotes and orders' }] },
              { title: 'Customers', rows: [{ id: 'vip', title: 'VIP customer' }] },
            ],
          },
        },
      },
    ]);
    const root = await rootIn(CHANNEL);
    await customerTaps('list', await menuWamid(), 'vip', 'VIP customer');
    await h!.eventually(() => expect(h!.slack.findMessage(CHANNEL, root.ts)!.text).toContain('Label: *VIP*'));
    await h!.eventually(() => expect(replies(CHANNEL, root.ts).some((t) => t.includes('🤖 menu: customer chose VIP customer → label VIP'))).toBe(true));
    await settled();
    expect(roots(SALES.slack.channelId)).toHaveLength(0);
  });

  test('a customer who types stays; the unanswered menu falls back to the default route once', async () => {
    await start('menu-fallback', { body: 'Who would you like to talk to?', buttons: BUTTONS, fallback: { afterMinutes: 10, route: { account: 'sales' } } });
    await customerWrites('Hello');
    await settled();
    const old = await rootIn(CHANNEL);
    await customerWrites('I just want to ask something');
    await settled();
    expect(replies(CHANNEL, old.ts)).toContain('I just want to ask something');
    // A tap answering another message, and an option id our menu does not have: shown, nothing routed.
    await customerTaps('button', 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA', 'to-sales', 'Sales');
    await customerTaps('button', await menuWamid(), 'cancel-button', 'Cancel');
    await settled();
    expect(roots(SALES.slack.channelId)).toHaveLength(0);
    expect((await h!.bridge.store.getConversation(CONVERSATION))!.route).toBeUndefined();

    await fallbackDue();
    const moved = await rootIn(SALES.slack.channelId);
    expect(mentions(moved.text)).toEqual(SALES.slack.notifyUsers);
    await h!.eventually(() =>
      expect(replies(CHANNEL, old.ts).some((t) => t.includes('🤖 menu: customer chose nothing within 10 min (default route) → routed to sales'))).toBe(true),
    );
    expect((await h!.bridge.store.getConversation(CONVERSATION))!.route).toMatchObject({ accountId: SALES.phoneNumberId, by: 'fallback' });
    // A late tap changes nothing: the first route wins.
    await customerTaps('button', await menuWamid(), 'vip', 'VIP customer');
    await settled();
    expect(roots(SALES.slack.channelId)).toHaveLength(1);
    expect((await h!.bridge.store.getConversation(CONVERSATION))!.route).toMatchObject({ by: 'fallback' });
    expect(await h!.bridge.metrics.registry.getSingleMetricAsString('whatsapp_bridge_automatic_messages_total')).toContain(
      'whatsapp_bridge_automatic_messages_total{kind="menu",outcome="fallback"} 1',
    );
  });

  test('the fallback timer survives a restart', async () => {
    const menu = { body: 'Who would you like to talk to?', buttons: BUTTONS, fallback: { afterMinutes: 10, route: { account: 'sales' } } };
    await start('menu-restart', menu);
    await customerWrites('Hello');
    await settled();
    const { dbName } = h!;
    await h!.close();
    await start('menu-restart', menu, {}, dbName);
    await fallbackDue();
    const moved = await rootIn(SALES.slack.channelId);
    expect(mentions(moved.text)).toEqual(SALES.slack.notifyUsers);
    expect((await h!.bridge.store.getConversation(CONVERSATION))!.route).toMatchObject({ accountId: SALES.phoneNumberId, by: 'fallback' });
  });

  test('a move interrupted after the old thread was retired is finished by the re-run: the old thread still says where it went', async () => {
    await start('menu-rerun', { body: 'Who would you like to talk to?', buttons: BUTTONS });
    await customerWrites('Hello');
    await settled();
    const old = await rootIn(CHANNEL);
    // What a crash leaves after the first steps of a move: the route and the old thread recorded, its link retired.
    const at = new Date();
    const store = h!.bridge.store;
    await store.updateLifecycle(CONVERSATION, {
      route: { choice: 'Sales', accountId: SALES.phoneNumberId, by: 'tap', at },
      previousThreads: { slack: { channelId: CHANNEL, threadId: old.ts } },
    });
    await store.retireThreadLink(CONVERSATION, 'slack', new Date(at.getTime() + 1));
    await store.enqueue(chatRouteJobs(['slack'], CONVERSATION, `route:${at.getTime()}`));
    h!.bridge.outbox.wake();
    const moved = await rootIn(SALES.slack.channelId);
    await h!.eventually(() =>
      expect(replies(CHANNEL, old.ts).some((t) => t.includes('→ routed to sales') && t.includes(moved.ts.replace('.', '')))).toBe(true),
    );
    expect(replies(SALES.slack.channelId, moved.ts).some((t) => t.includes('customer chose Sales') && t.includes(old.ts.replace('.', '')))).toBe(true);
  });

  test('outside the 24-hour window the menu is not sent (free-form) and the thread says why', async () => {
    await start('menu-window', { body: 'Who would you like to talk to?', buttons: BUTTONS });
    // Written 25 hours before Meta delivered it (a webhook redelivered late).
    const body = customerText({ text: 'Hello', from: CUSTOMER, timestamp: String(Math.floor(Date.now() / 1000) - 25 * 3600) });
    expect((await h!.postWebhook(body)).status).toBe(200);
    const root = await rootIn(CHANNEL);
    await h!.eventually(() => expect(replies(CHANNEL, root.ts).some((t) => t.includes('🤖 menu not sent') && t.includes('24 hours'))).toBe(true));
    await settled();
    expect(h!.graph.sentMessages()).toEqual([]);
  });

  test('switched off with the account’s automatic messages: no menu, no timer', async () => {
    await start('menu-off', { body: 'Who?', buttons: BUTTONS }, { autoReplies: { enabled: false } });
    await customerWrites('Hello');
    await settled();
    await rootIn(CHANNEL);
    expect(h!.graph.sentMessages()).toEqual([]);
    expect(await h!.bridge.store.countJobs('pending')).toBe(0);
  });
});
