/**
 * Reactions both ways. A customer's reaction (Meta's reaction fixtures) is shown ON the message it reacts to
 * (Slack: reactions.add with the emoji's Slack name; Discord: the Unicode emoji), replaced and removed with it;
 * an emoji Slack has no name for becomes a line. An agent's reaction on a customer's message (Slack
 * reaction_added / reaction_removed, Discord MESSAGE_REACTION_ADD / _REMOVE) is sent to the customer as a
 * WhatsApp reaction, and removed with an empty emoji. The bridge's own reactions are never sent.
 */
import { loadSlackFixture } from '../fixtures/slack';
import { DISCORD_AGENT, startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { AGENT, CHANNEL, startHarness, type Harness } from '../support/harness';
import { CUSTOMER, fixtureMessage, customerSaysInSlack } from '../support/media';
import { customerText, newWamid, statusUpdate } from '../support/webhooks';

/** Meta's "receiving a reaction" fixture, on `target`; `emoji: undefined` uses the removal fixture (no emoji key). */
function customerReaction(target: string, emoji: string | undefined) {
  return fixtureMessage(emoji === undefined ? 'message-reaction-removed' : 'message-reaction', {
    edit: (m) => {
      m.reaction.message_id = target;
      if (emoji !== undefined) m.reaction.emoji = emoji;
    },
  }).body;
}

describe('Slack', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('media-reactions-slack');
  });
  afterEach(async () => {
    await h.close();
  });

  const root = () => h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts)!;
  const replies = () => h.slack.threadReplies(CHANNEL, root().ts);

  const customerSays = (text: string) => customerSaysInSlack(h, text);

  test('a customer’s 👍 is a :+1: reaction on the message it reacts to; changing it to ❤️ swaps it; removing it takes it off', async () => {
    const { wamid, ts } = await customerSays('My order number is 4411');
    await h.postWebhook(customerReaction(wamid, '👍'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['+1']));
    await h.postWebhook(customerReaction(wamid, '❤️'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['heart']));
    // Any emoji Slack has a name for, not only a hand-picked few.
    await h.postWebhook(customerReaction(wamid, '🫶🏽'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['heart_hands::skin-tone-4']));
    await h.postWebhook(customerReaction(wamid, undefined));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual([]));
    // Shown on the message, not as lines.
    expect(replies().map((m) => m.text)).toEqual(['My order number is 4411']);
  });

  test('a customer’s reaction on an agent’s reply is shown on the agent’s own message, beside its status', async () => {
    await customerSays('Hello');
    const { ts } = await h.agentReplies(root().ts, 'Your parcel left today');
    const wamid = await h.eventually(async () => {
      const m = await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`);
      expect(m?.wamid).toBeDefined();
      return m!.wamid!;
    });
    await h.postWebhook(customerReaction(wamid, '🙏🏽'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toContain('pray::skin-tone-4'));
  });

  test('a customer’s 👀 on a read reply is not the read status: replacing or removing it leaves the status on (src/domain/chat/status-marks.ts)', async () => {
    await customerSays('Hello');
    const { ts } = await h.agentReplies(root().ts, 'Your parcel left today');
    const wamid = await h.eventually(async () => {
      const m = await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`);
      expect(m?.wamid).toBeDefined();
      return m!.wamid!;
    });
    await h.postWebhook(statusUpdate(wamid, 'read'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['eyes']));
    await h.postWebhook(customerReaction(wamid, '👀'));
    await h.eventually(async () => expect((await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`))?.customerReaction?.slack).toBe('👀'));
    await h.postWebhook(customerReaction(wamid, '👍'));
    await h.eventually(() => expect([...h.slack.reactionsOn(CHANNEL, ts)].sort()).toEqual(['+1', 'eyes']));
    await h.postWebhook(customerReaction(wamid, undefined));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['eyes']));
  });

  test('an emoji Slack has no name for becomes a line quoting the message', async () => {
    const { wamid, ts } = await customerSays('Is the orca float in stock?');
    // 🫍 (orca) is Unicode 17, newer than Slack's emoji list in emoji-datasource.
    await h.postWebhook(customerReaction(wamid, '🫍'));
    const line = await h.eventually(() => {
      const l = replies().find((m) => m.text.startsWith('Reacted'));
      expect(l).toBeDefined();
      return l!;
    });
    expect(line.text).toBe('Reacted 🫍 to “Is the orca float in stock?”');
    expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual([]);
  });

  test('a reaction to a message the bridge never saw is a line', async () => {
    await customerSays('Hi');
    await h.postWebhook(customerReaction('wamid.UNKNOWN0000000000000000000000000000==', '😂'));
    await h.eventually(() => expect(replies().map((m) => m.text)).toContain('Reacted 😂 to a message'));
  });

  test('an agent’s reaction (reaction_added, Slack’s own example) on a customer’s message is sent as a WhatsApp reaction; reaction_removed sends an empty one', async () => {
    const { wamid, ts } = await customerSays('Thanks for the help!');
    const added = { ...loadSlackFixture('reaction_added'), user: AGENT, item_user: undefined, item: { type: 'message', channel: CHANNEL, ts } };
    expect((await h.sender.sendEvent(added)).status).toBe(200);
    const [sent] = await h.eventually(() => {
      expect(h.graph.sentMessages()).toHaveLength(1);
      return h.graph.sentMessages();
    });
    expect(sent).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: `+${CUSTOMER}`,
      type: 'reaction',
      reaction: { message_id: wamid, emoji: '👍' },
    });

    const removed = { ...added, type: 'reaction_removed', event_ts: String(Number(added.event_ts) + 5) };
    await h.sender.sendEvent(removed);
    await h.eventually(() => expect(h.graph.sentMessages()).toHaveLength(2));
    expect(h.graph.sentMessages()[1]!.reaction).toEqual({ message_id: wamid, emoji: '' });
  });

  test('the bot’s own reactions, reactions on agents’ messages and custom emoji are not sent', async () => {
    const { ts } = await customerSays('Hello there');
    const reply = await h.agentReplies(root().ts, 'Hi!');
    await h.eventually(() => expect(h.graph.sentMessages()).toHaveLength(1));
    const base = loadSlackFixture('reaction_added');
    const events = [
      { ...base, user: h.slack.botUserId, reaction: 'white_check_mark', item: { type: 'message', channel: CHANNEL, ts } },
      { ...base, user: AGENT, reaction: 'tada', item: { type: 'message', channel: CHANNEL, ts: reply.ts } },
      { ...base, user: AGENT, reaction: 'partyparrot', item: { type: 'message', channel: CHANNEL, ts } },
    ];
    for (const e of events) expect((await h.sender.sendEvent(e)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect(h.graph.sentMessages().map((m) => m.type)).toEqual(['text']);
  });

  test('outside the 24-hour window an agent’s reaction is not sent, and the thread says so', async () => {
    const wamid = newWamid();
    const twoDaysAgo = String(Math.floor(Date.now() / 1000) - 2 * 24 * 3600);
    await h.postWebhook(customerText({ text: 'Old message', wamid, timestamp: twoDaysAgo }));
    const ts = await h.eventually(() => {
      const post = h.slack.messages(CHANNEL).find((m) => m.text === 'Old message');
      expect(post).toBeDefined();
      return post!.ts;
    });
    await h.eventually(async () => expect((await h.bridge.store.getMessage(`wa:${wamid}`))?.mirrors).toHaveLength(1));
    await h.sender.sendEvent({ ...loadSlackFixture('reaction_added'), user: AGENT, item: { type: 'message', channel: CHANNEL, ts } });
    await h.eventually(() =>
      expect(replies().map((m) => m.text)).toContain(
        '⚠️ *The reaction 👍 was not sent to the customer:* they last wrote more than 24 hours ago, and WhatsApp then allows only templates.',
      ),
    );
    expect(h.graph.sentMessages()).toHaveLength(0);
  });

  test('removing a reaction that another agent has since replaced sends nothing (WhatsApp keeps one business reaction)', async () => {
    const { wamid, ts } = await customerSays('Got it');
    const base = { ...loadSlackFixture('reaction_added'), item: { type: 'message', channel: CHANNEL, ts } };
    await h.sender.sendEvent({ ...base, user: AGENT, reaction: '+1', event_ts: '1.1' });
    await h.sender.sendEvent({ ...base, user: 'U0AGENT02', reaction: 'heart', event_ts: '1.2' });
    await h.eventually(() => expect(h.graph.sentMessages()).toHaveLength(2));
    await h.sender.sendEvent({ ...base, type: 'reaction_removed', user: AGENT, reaction: '+1', event_ts: '1.3' });
    await new Promise((r) => setTimeout(r, 400));
    expect(h.graph.sentMessages().map((m) => m.reaction)).toEqual([
      { message_id: wamid, emoji: '👍' },
      { message_id: wamid, emoji: '❤️' },
    ]);
  });
});

describe('Discord', () => {
  let d: DiscordHarness;
  beforeEach(async () => {
    d = await startDiscordHarness('media-reactions-discord');
  });
  afterEach(async () => {
    await d.close();
  });

  async function customerSays(text: string): Promise<{ wamid: string; threadId: string; messageId: string }> {
    const wamid = newWamid();
    await d.postWebhook(customerText({ text, wamid }));
    const thread = await d.thread(2);
    const message = await d.eventually(() => {
      const m = d.fake.messagesIn(thread.id).find((x) => x.content.endsWith(text));
      expect(m).toBeDefined();
      return m!;
    });
    await d.eventually(async () => expect((await d.bridge.store.getMessage(`wa:${wamid}`))?.mirrors).toHaveLength(1));
    return { wamid, threadId: thread.id, messageId: message.id };
  }

  const reactionsOn = (threadId: string, messageId: string) =>
    (d.fake.messagesIn(threadId).find((m) => m.id === messageId)?.reactions ?? []).map((r) => `${r.emoji.name}${r.me ? ' (bot)' : ''}`);

  test('a customer’s reaction is the same Unicode emoji on the message, by the bot; removing it takes it off', async () => {
    const { wamid, threadId, messageId } = await customerSays('Here is my address');
    await d.postWebhook(customerReaction(wamid, '😂'));
    await d.eventually(() => expect(reactionsOn(threadId, messageId)).toEqual(['😂 (bot)']));
    await d.postWebhook(customerReaction(wamid, undefined));
    await d.eventually(() => expect(reactionsOn(threadId, messageId)).toEqual([]));
  });

  test('an agent’s reaction (MESSAGE_REACTION_ADD) is sent to the customer; MESSAGE_REACTION_REMOVE removes it', async () => {
    const { wamid, threadId, messageId } = await customerSays('Thank you!');
    d.fake.userReacts({ channelId: threadId, messageId, emoji: '❤️', user: DISCORD_AGENT });
    await d.eventually(() => expect(d.graph.sentMessages()).toHaveLength(1));
    expect(d.graph.sentMessages()[0]).toMatchObject({ type: 'reaction', reaction: { message_id: wamid, emoji: '❤️' } });
    d.fake.userReacts({ channelId: threadId, messageId, emoji: '❤️', user: DISCORD_AGENT, remove: true });
    await d.eventually(() => expect(d.graph.sentMessages()).toHaveLength(2));
    expect(d.graph.sentMessages()[1]!.reaction).toEqual({ message_id: wamid, emoji: '' });
  });

  test('the bot’s own reactions (the mirrored customer reaction) are not sent back to WhatsApp', async () => {
    const { wamid, threadId, messageId } = await customerSays('Ok');
    await d.postWebhook(customerReaction(wamid, '👍'));
    await d.eventually(() => expect(reactionsOn(threadId, messageId)).toEqual(['👍 (bot)']));
    await new Promise((r) => setTimeout(r, 400));
    expect(d.graph.sentMessages()).toHaveLength(0);
  });
});
