/** Discord → customer: a person's message in a bridged thread is sent on WhatsApp; statuses shown as reactions; echoes ignored. */
import { MessageType, type APIThreadChannel } from 'discord.js';
import { DISCORD_AGENT, DISCORD_NOTIFY, DISCORD_OTHER_CHANNEL, startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { customerText, statusUpdate } from '../support/webhooks';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness('discord-to-customer');
});
afterEach(async () => {
  await h.close();
});

/** A customer writes; resolves to the Discord thread once the message is in it. */
async function openConversation(from = '16505551234'): Promise<APIThreadChannel> {
  await h.postWebhook(customerText({ from, text: 'Hi, is my order shipped?' }));
  return h.thread(2);
}

const recordId = (messageId: string) => `discord:${h.channelId}:${messageId}`;

function wamidOf(messageId: string): Promise<string> {
  return h.eventually(async () => {
    const wamid = (await h.bridge.store.getMessage(recordId(messageId)))?.wamid;
    expect(wamid).toMatch(/^wamid\./);
    return wamid!;
  });
}

/** The bot's reactions on a message (the status it shows). */
const reactions = (threadId: string, messageId: string) =>
  (h.fake.messagesIn(threadId).find((m) => m.id === messageId)?.reactions ?? []).filter((r) => r.me).map((r) => r.emoji.name);

test('an agent reply in the thread is sent to the customer with the right `to` and body (markdown and mentions converted)', async () => {
  const thread = await openConversation('4915112345678');
  const msg = h.agentSays(thread.id, `Yes, it left this morning **by DHL**, ~~not UPS~~. <@${DISCORD_NOTIFY[0]}> FYI`);
  const [sent] = await h.eventually(() => {
    expect(h.graph.sentMessages()).toHaveLength(1);
    return h.graph.sentMessages();
  });
  expect(sent).toMatchObject({ messaging_product: 'whatsapp', to: '+4915112345678', type: 'text' });
  expect(sent!.text.body).toBe('Yes, it left this morning *by DHL*, ~not UPS~. @Notify 1 FYI');
  const record = await h.eventually(async () => {
    const m = await h.bridge.store.getMessage(recordId(msg.id));
    expect(m?.state).toBe('accepted');
    return m!;
  });
  expect(record.origin).toMatchObject({
    platform: 'discord',
    channelId: h.channelId,
    threadId: thread.id,
    authorId: DISCORD_AGENT.id,
    authorName: 'Bob Agent',
  });
});

test('statuses show as reactions on the agent’s message, one at a time: 📤 → ✅ → 👀', async () => {
  const thread = await openConversation();
  const msg = h.agentSays(thread.id, 'On its way');
  const wamid = await wamidOf(msg.id);
  await h.postWebhook(statusUpdate(wamid, 'sent'));
  await h.eventually(() => expect(reactions(thread.id, msg.id)).toEqual(['📤']));
  await h.postWebhook(statusUpdate(wamid, 'delivered'));
  await h.eventually(() => expect(reactions(thread.id, msg.id)).toEqual(['✅']));
  await h.postWebhook(statusUpdate(wamid, 'read'));
  await h.eventually(() => expect(reactions(thread.id, msg.id)).toEqual(['👀']));
  expect((await h.bridge.store.getMessage(recordId(msg.id)))?.state).toBe('read');
});

test('`failed` shows ❌ and a notice in the thread with the code, what it means and what to do', async () => {
  const thread = await openConversation();
  const msg = h.agentSays(thread.id, 'Here is our offer');
  const wamid = await wamidOf(msg.id);
  await h.postWebhook(statusUpdate(wamid, 'failed', { code: 131026, title: 'Message undeliverable' }));
  await h.eventually(() => expect(reactions(thread.id, msg.id)).toEqual(['❌']));
  const notice = await h.eventually(() => {
    const n = h.contents(thread.id).find((c) => c.includes('Not delivered'));
    expect(n).toBeDefined();
    return n!;
  });
  expect(notice).toContain('131026');
  expect(notice).toContain('**What to do:**');
});

test('a reply after the 24-hour window is refused before calling Meta: ❌ and the way out', async () => {
  const old = String(Math.floor(Date.now() / 1000) - 25 * 3600);
  await h.postWebhook(customerText({ from: '447700900123', text: 'old message', timestamp: old }));
  const thread = await h.thread(2);
  const msg = h.agentSays(thread.id, 'sorry for the delay');
  await h.eventually(() => expect(h.contents(thread.id).some((c) => c.includes('/wa template'))).toBe(true));
  expect(reactions(thread.id, msg.id)).toEqual(['❌']);
  expect(h.graph.sentMessages()).toHaveLength(0);
});

test('the bot’s own posts, webhook posts, other bots, system messages and unbridged threads are ignored', async () => {
  const thread = await openConversation();
  const s = h.fake.state;
  // the bot's own message (e.g. a post another bridge process made)
  s.createMessage(thread.id, { author: s.bot, content: 'bot echo' });
  // a webhook message in the thread
  const hook = s.createWebhook(h.channelId, { name: 'Some integration' });
  s.createMessage(thread.id, { author: s.webhookAuthor(hook, 'Impersonator'), content: 'webhook echo', webhookId: hook.id });
  // another bot
  s.createMessage(thread.id, { author: { ...s.human({ id: '300000000000000777', username: 'otherbot' }), bot: true }, content: 'other bot' });
  // a system message with a person as author (a pin notice)
  s.createMessage(thread.id, { author: s.human(DISCORD_AGENT), content: 'pinned a message', type: MessageType.ChannelPinnedMessage });
  // a person in a thread the bridge did not open, in the bridged channel and in another channel
  const unbridged = s.createThread(h.channelId, { name: 'team chat', type: 11 }, s.human(DISCORD_AGENT));
  h.agentSays(unbridged.id, 'unrelated thread');
  const elsewhere = s.createThread(DISCORD_OTHER_CHANNEL, { name: 'elsewhere', type: 11 }, s.human(DISCORD_AGENT));
  h.agentSays(elsewhere.id, 'other channel');
  // a top-level message in the bridged channel
  h.agentSays(h.channelId, 'top level');
  await new Promise((r) => setTimeout(r, 400));
  expect(h.graph.sentMessages()).toHaveLength(0);

  // …while a person's reply in the bridged thread still goes through.
  h.agentSays(thread.id, 'a real answer');
  await h.eventually(() => expect(h.graph.sentMessages().map((m) => m.text.body)).toEqual(['a real answer']));
});
