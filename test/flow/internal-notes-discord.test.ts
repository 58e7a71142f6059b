/**
 * Internal notes on Discord (issue 11, point 1), the same core rule as on Slack: a thread message starting with a
 * note prefix or with a colleague's mention (`<@id>` / `<@!id>`) stays internal, marked 🔒; `mention` mode sends only
 * what starts by mentioning the bot; `all` sends everything. Through the gateway fake and the Graph fake.
 */
import type { APIThreadChannel } from 'discord.js';
import { DISCORD_AGENT, DISCORD_NOTIFY, startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { CHANNEL } from '../support/harness';
import { fileBytes } from '../support/media';
import { customerText } from '../support/webhooks';

let h: DiscordHarness;
afterEach(async () => {
  await h?.close();
});

async function openConversation(): Promise<{ thread: APIThreadChannel; root: string }> {
  await h.postWebhook(customerText({ text: 'Hi, is my order shipped?' }));
  const thread = await h.thread(2);
  return { thread, root: h.contents(thread.id)[0]! };
}

/** The bot's reactions on a message. */
const reactions = (threadId: string, messageId: string) =>
  (h.fake.messagesIn(threadId).find((m) => m.id === messageId)?.reactions ?? []).filter((r) => r.me).map((r) => r.emoji.name);

async function expectKeptInternal(threadId: string, messageId: string): Promise<void> {
  await h.eventually(() => expect(reactions(threadId, messageId)).toContain('🔒'));
  expect((await h.bridge.store.getMessage(`discord:${h.channelId}:${messageId}`))?.direction).toBe('internal');
}

/**
 * A normal reply afterwards: once it is sent, the list proves nothing else was sent (a kept message is decided before
 * its 🔒 is put on). Sorted: the gateway hands over messages concurrently, so sends of separate messages may swap.
 */
async function expectOnlySent(threadId: string, bodies: string[]): Promise<void> {
  h.agentSays(threadId, 'Your order left this morning.');
  const expected = [...bodies, 'Your order left this morning.'].sort();
  await h.eventually(() =>
    expect(
      h.graph
        .sentMessages()
        .map((m) => m.text?.body)
        .sort(),
    ).toEqual(expected),
  );
}

describe('notes mode (the default)', () => {
  beforeEach(async () => {
    h = await startDiscordHarness('internal-notes-discord');
  });

  test('the root message says which rule applies', async () => {
    const { root } = await openConversation();
    expect(root).toContain('Start with `note:`, `private:` or @someone to keep a message internal.');
  });

  test('a note prefix keeps the message and its attachment internal: nothing sent, 🔒 on it, not an agent reply', async () => {
    const { thread } = await openConversation();
    const note = h.fake.userSays({
      channelId: thread.id,
      content: 'Note: refund approved, do not tell yet',
      user: DISCORD_AGENT,
      attachments: [{ filename: 'refund.pdf', content: fileBytes('pdf', 20_000), contentType: 'application/pdf' }],
    });
    await expectKeptInternal(thread.id, note.id);
    const record = await h.bridge.store.getMessage(`discord:${h.channelId}:${note.id}`);
    const conversation = await h.bridge.store.getConversation(record!.conversationId);
    expect(conversation?.lastAgentReplyAt).toBeUndefined();
    expect(conversation?.participants ?? []).toEqual([]);
    await expectOnlySent(thread.id, []);
    expect(h.graph.calls.filter((c) => c.path.endsWith('/media'))).toHaveLength(0);
  });

  test('a message starting with a colleague’s mention stays internal; a mention mid-sentence is sent', async () => {
    const { thread } = await openConversation();
    const ask = h.agentSays(thread.id, `<@!${DISCORD_NOTIFY[0]}> can you check the stock?`);
    await expectKeptInternal(thread.id, ask.id);
    h.agentSays(thread.id, `Thanks for waiting, <@${DISCORD_NOTIFY[0]}> is checking the stock.`);
    await expectOnlySent(thread.id, ['Thanks for waiting, @Notify 1 is checking the stock.']);
  });

  test('starting with the bot’s mention sends the rest', async () => {
    const { thread } = await openConversation();
    h.agentSays(thread.id, `<@${h.fake.botUserId}> It is on its way.`);
    await expectOnlySent(thread.id, ['It is on its way.']);
  });
});

describe('mention mode', () => {
  beforeEach(async () => {
    h = await startDiscordHarness('internal-notes-discord-mention', { env: { BRIDGE_REPLY_MODE: 'mention' } });
  });

  test('only a message starting with the bot’s mention is sent, without the mention; a plain line stays internal; the root says so', async () => {
    const { thread, root } = await openConversation();
    expect(root).toContain('Only messages that start by mentioning this bot go to the customer');
    const plain = h.agentSays(thread.id, 'Let me look into it');
    await expectKeptInternal(thread.id, plain.id);
    const sent = h.agentSays(thread.id, `<@${h.fake.botUserId}> We are on it!`);
    await h.eventually(() => expect(h.graph.sentMessages().map((m) => m.text?.body)).toEqual(['We are on it!']));
    expect(reactions(thread.id, sent.id)).not.toContain('🔒');
  });
});

describe('all mode', () => {
  beforeEach(async () => {
    h = await startDiscordHarness('internal-notes-discord-all', { env: { BRIDGE_REPLY_MODE: 'all' } });
  });

  test('every message is sent as written, as before', async () => {
    const { thread, root } = await openConversation();
    expect(root).toContain('Every reply in this thread goes to the customer on WhatsApp.');
    h.agentSays(thread.id, 'private: this goes out too');
    await h.eventually(() => expect(h.graph.sentMessages()).toHaveLength(1));
    h.agentSays(thread.id, `<@${DISCORD_NOTIFY[0]}> will call you`);
    await h.eventually(() => expect(h.graph.sentMessages().map((m) => m.text?.body)).toEqual(['private: this goes out too', '@Notify 1 will call you']));
  });
});

describe('Slack and Discord both configured', () => {
  beforeEach(async () => {
    h = await startDiscordHarness('internal-notes-both', { slack: true });
  });

  test('a note on Slack stays internal and is mirrored to Discord marked 🔒, never sent', async () => {
    await h.postWebhook(customerText({ text: 'Hello?' }));
    const thread = await h.thread(2);
    const root = await h.eventually(() => {
      const r = h.slack!.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
      expect(r).toBeDefined();
      return r!.ts;
    });
    const { ts } = await h.slack!.agentReplies(root, 'note: refund approved, do not tell yet');
    await h.eventually(() => expect(h.slack!.slack.reactionsOn(CHANNEL, ts)).toContain('lock'));
    await h.eventually(() => expect(h.contents(thread.id).at(-1)).toBe('**Ana Agent** internal note via Slack\n🔒 note: refund approved, do not tell yet'));
    await expectOnlySent(thread.id, []);
  });
});
