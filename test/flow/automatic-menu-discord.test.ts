/**
 * The first-contact menu that routes (issue 13 point 5) on Discord: a tap moves the conversation from the shop's
 * channel to the sales account's channel (a new thread there mentioning that account's notify users, a line in the old
 * thread linking the new one), and the customer's next message goes to the new thread. The Slack side has the full
 * set (automatic-menu.test.ts); the routing core is the same.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_PHONE_NUMBER_ID, loadWhatsAppFixture } from '../fixtures/whatsapp';
import { DISCORD_NOTIFY, DISCORD_OTHER_CHANNEL, DISCORD_TEXT_CHANNEL, startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { customerText, newWamid } from '../support/webhooks';

const CUSTOMER = '16505551234';
const CONVERSATION = `${FIXTURE_PHONE_NUMBER_ID}:${CUSTOMER}`;
const SALES_NOTIFY = [DISCORD_NOTIFY[1]!];

let dir: string;
let h: DiscordHarness | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bridge-menu-discord-'));
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a tap moves the conversation to the sales account’s Discord channel, and it goes on there', async () => {
  const file = join(dir, 'accounts.json');
  const menu = { body: 'Who would you like to talk to?', buttons: [{ id: 'to-sales', title: 'Sales', route: { account: 'sales' } }] };
  const shop = { name: 'shop', phoneNumberId: FIXTURE_PHONE_NUMBER_ID, discord: { channelId: DISCORD_TEXT_CHANNEL, notifyUsers: [DISCORD_NOTIFY[0]] }, menu };
  const sales = { name: 'sales', phoneNumberId: '106540352249999', discord: { channelId: DISCORD_OTHER_CHANNEL, notifyUsers: SALES_NOTIFY } };
  writeFileSync(file, JSON.stringify({ accounts: [shop, sales] }));
  h = await startDiscordHarness('menu-discord', { env: { BRIDGE_CONFIG: file } });

  expect((await h.postWebhook(customerText({ from: CUSTOMER, text: 'Hello' }))).status).toBe(200);
  const old = await h.thread(2);
  await h.eventually(() => expect(h!.contents(old.id).some((c) => c.includes('🤖 menu sent'))).toBe(true));
  const wamid = (await h.bridge.store.getMessage(`auto:menu:${CONVERSATION}`))!.wamid!;

  // Meta's example of a button reply, answering our menu.
  const tap = loadWhatsAppFixture('message-interactive-button-reply');
  const msg = tap.entry[0].changes[0].value.messages[0];
  Object.assign(msg, { id: newWamid(), timestamp: String(Math.floor(Date.now() / 1000)), context: { ...msg.context, id: wamid } });
  msg.interactive.button_reply = { id: 'to-sales', title: 'Sales' };
  expect((await h.postWebhook(tap)).status).toBe(200);

  const moved = await h.eventually(() => {
    const found = h!.fake.threadsOf(DISCORD_OTHER_CHANNEL);
    expect(found).toHaveLength(1);
    return found[0]!;
  });
  await h.eventually(() => expect(h!.fake.messagesIn(moved.id).length).toBeGreaterThanOrEqual(2));
  const [intro] = h.fake.messagesIn(moved.id);
  expect(intro!.mentions.map((u) => u.id)).toEqual(SALES_NOTIFY);
  await h.eventually(() => expect(h!.contents(moved.id).some((c) => c.includes('🤖 menu: customer chose Sales') && c.includes(old.id))).toBe(true));
  await h.eventually(() => expect(h!.contents(old.id).some((c) => c.includes('→ routed to sales') && c.includes(moved.id))).toBe(true));

  expect((await h.postWebhook(customerText({ from: CUSTOMER, text: 'I would like a quote' }))).status).toBe(200);
  await h.eventually(() => expect(h!.contents(moved.id).some((c) => c.includes('I would like a quote'))).toBe(true));
  expect(h.contents(old.id).some((c) => c.includes('I would like a quote'))).toBe(false);
});
