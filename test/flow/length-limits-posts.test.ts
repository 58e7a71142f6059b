/**
 * Platform length limits (issue 9, point 9), customer → thread, through the real routes and the fakes: a customer's
 * 50,000-character text is several Slack posts of at most 40,000 (Discord: 2,000 with the author line), in order,
 * each recorded as a mirror; the customer's reaction lands on the first, an edit on every one, and a post
 * interrupted between two parts resumes after the last one recorded.
 */
import { toDiscordText } from '../../adapters/discord/format';
import { lane } from '../../src/services/routing';
import { chatParts } from '../../src/services/message-parts';
import { startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { CHANNEL, slackTs, startHarness, type Harness } from '../support/harness';
import { customerEdit, customerReaction, longText, squash } from '../support/long-text';
import { customerText, newWamid } from '../support/webhooks';

describe('Slack', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('length-limits-posts');
  });
  afterEach(async () => {
    await h.close();
  });

  const root = () => h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts)!;
  const replies = () => h.slack.threadReplies(CHANNEL, root().ts);

  test('a 50,000-character customer text is several posts of ≤ 40,000 in order; a reaction goes on the first, an edit rewrites every one', async () => {
    const text = longText(50_000);
    const wamid = newWamid();
    await h.postWebhook(customerText({ text, wamid }));
    const posts = await h.eventually(async () => {
      const m = await h.bridge.store.getMessage(`wa:${wamid}`);
      expect(m?.mirrors).toHaveLength(2);
      return replies();
    }, 20_000);
    expect(posts).toHaveLength(2);
    for (const p of posts) expect(p.text.length).toBeLessThanOrEqual(40_000);
    expect(squash(posts.map((p) => p.text).join(''))).toBe(squash(text));
    // Each post finds the message again (a status, a reaction, an edit).
    for (const p of posts) expect((await h.bridge.store.findMessageByChatMessage('slack', CHANNEL, p.ts))?._id).toBe(`wa:${wamid}`);
    // The notify users are pinged once, on the first part.
    expect(h.slack.posted(CHANNEL).filter((a) => String(a.text).includes('<@')).length).toBeLessThanOrEqual(1);

    await h.postWebhook(customerReaction(wamid, '👍'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, posts[0]!.ts)).toEqual(['+1']));
    expect(h.slack.reactionsOn(CHANNEL, posts[1]!.ts)).toEqual([]);

    const edited = longText(45_000, ' edited');
    await h.postWebhook(customerEdit(wamid, edited));
    await h.eventually(() => {
      const now = posts.map((p) => h.slack.findMessage(CHANNEL, p.ts)!.text);
      expect(now.every((t) => t.length <= 40_000)).toBe(true);
      expect(squash(now.join(''))).toBe(squash(`${edited}\n_✏️ Edited by the customer_`));
    });
    // Nothing new in the thread: the posts themselves changed.
    expect(replies()).toHaveLength(2);

    // Edited down to one post's worth: the first says it all, the second says it is no longer part of the message.
    await h.postWebhook(customerEdit(wamid, 'Never mind, all good.'));
    await h.eventually(() => {
      expect(h.slack.findMessage(CHANNEL, posts[0]!.ts)!.text).toBe('Never mind, all good.\n_✏️ Edited by the customer_');
      expect(h.slack.findMessage(CHANNEL, posts[1]!.ts)!.text).toBe('_✏️ Edited by the customer: the message is shorter now_');
    });
  });

  test('a post interrupted after its first part (the process died) resumes with the next part: nothing posted twice, nothing lost', async () => {
    const opened = newWamid();
    await h.postWebhook(customerText({ text: 'Hi, is my order shipped?', wamid: opened }));
    const thread = await h.eventually(() => {
      expect(replies()).toHaveLength(1);
      return root().ts;
    });
    const conversationId = (await h.bridge.store.getMessage(`wa:${opened}`))!.conversationId;
    // What the first run did before it died: the message stored, its first part posted and recorded as a mirror.
    const text = longText(50_000);
    const post = { author: { name: 'Sheena Nelson', role: 'customer' as const }, body: text };
    const [first, second] = chatParts(h.bridge.chats.slack!, post);
    const wamid = newWamid();
    const id = `wa:${wamid}`;
    await h.bridge.store.insertMessage({
      _id: id,
      conversationId,
      direction: 'inbound',
      createdAt: new Date(),
      wamid,
      content: { kind: 'text', text },
      mirrors: [],
    });
    const ts = slackTs();
    h.slack.addMessage(CHANNEL, { ts, text: first!, thread_ts: thread, user: h.slack.botUserId });
    await h.bridge.store.addMirror(id, { platform: 'slack', channelId: CHANNEL, threadId: thread, messageId: ts });
    // The job it was running, found again after the restart.
    await h.bridge.store.enqueue([
      {
        kind: 'chat.post',
        lane: lane('slack', conversationId),
        dedupeKey: `slack:post:${id}`,
        payload: { platform: 'slack', conversationId, messageId: id, post, notify: true },
      },
    ]);
    h.bridge.outbox.wake();
    await h.eventually(async () => expect((await h.bridge.store.getMessage(id))?.mirrors).toHaveLength(2));
    expect(h.slack.posted(CHANNEL).map((a) => a.text)).not.toContain(first);
    expect(
      replies()
        .map((m) => m.text)
        .slice(-2),
    ).toEqual([first, second]);
    expect(squash(`${first}${second}`)).toBe(squash(text));
  });
});

describe('Discord', () => {
  let d: DiscordHarness;
  beforeEach(async () => {
    d = await startDiscordHarness('length-limits-discord');
  });
  afterEach(async () => {
    await d.close();
  });

  const AUTHOR = '**Sheena Nelson** (customer)\n';

  test('a customer text over 2,000 characters is several posts of ≤ 2,000 (author line included), in order; a reaction goes on the first, an edit rewrites every one', async () => {
    const text = longText(9_000);
    const wamid = newWamid();
    await d.postWebhook(customerText({ text, wamid }));
    const record = await d.eventually(async () => {
      const m = await d.bridge.store.getMessage(`wa:${wamid}`);
      expect(m?.mirrors.length).toBeGreaterThanOrEqual(5);
      return m!;
    }, 20_000);
    const thread = await d.thread();
    const messages = d.fake.messagesIn(thread.id).slice(1); // after the thread's intro
    expect(messages.map((m) => m.id)).toEqual(record.mirrors.map((m) => m.messageId));
    for (const m of messages) {
      expect(m.content.length).toBeLessThanOrEqual(2000);
      expect(m.content.startsWith(AUTHOR)).toBe(true);
    }
    expect(squash(messages.map((m) => m.content.slice(AUTHOR.length)).join(''))).toBe(squash(toDiscordText(text)));
    for (const m of messages) expect((await d.bridge.store.findMessageByChatMessage('discord', d.channelId, m.id))?._id).toBe(`wa:${wamid}`);

    await d.postWebhook(customerReaction(wamid, '👍'));
    const reactions = (id: string) => (d.fake.messagesIn(thread.id).find((m) => m.id === id)?.reactions ?? []).filter((r) => r.me).map((r) => r.emoji.name);
    await d.eventually(() => expect(reactions(messages[0]!.id)).toEqual(['👍']));
    expect(reactions(messages[1]!.id)).toEqual([]);

    const edited = longText(8_000, ' edited');
    await d.postWebhook(customerEdit(wamid, edited));
    await d.eventually(() => {
      const now = messages.map((m) => d.fake.messagesIn(thread.id).find((x) => x.id === m.id)!.content);
      expect(now.every((c) => c.length <= 2000 && c.startsWith(AUTHOR))).toBe(true);
      const joined = now.map((c) => c.slice(AUTHOR.length)).filter((c) => !c.includes('shorter now'));
      expect(squash(joined.join(''))).toBe(squash(toDiscordText(`${edited}\n_✏️ Edited by the customer_`)));
    });
    // Nothing new in the thread.
    expect(d.fake.messagesIn(thread.id)).toHaveLength(messages.length + 1);
  });
  test('an edit that needs more posts than the message had: the posts are rewritten and the rest follows, marked as the continuation', async () => {
    const wamid = newWamid();
    await d.postWebhook(customerText({ text: 'I want the red one, please.', wamid }));
    const thread = await d.thread(2);
    const [post] = await d.eventually(async () => {
      const m = await d.bridge.store.getMessage(`wa:${wamid}`);
      expect(m?.mirrors).toHaveLength(1);
      return m!.mirrors;
    });
    const edited = longText(3_000, ' edited');
    await d.postWebhook(customerEdit(wamid, edited));
    const [first, ...rest] = await d.eventually(() => {
      const all = d.fake.messagesIn(thread.id).slice(1);
      expect(all).toHaveLength(2);
      return all.map((m) => m.content);
    });
    expect(d.fake.messagesIn(thread.id)[1]!.id).toBe(post!.messageId);
    expect(rest[0]).toContain('continued');
    for (const c of [first!, ...rest]) expect(c.length).toBeLessThanOrEqual(2000);
    const texts = [first!, ...rest].map((c) => c.slice(c.indexOf('\n') + 1)).map((c, i) => (i === 1 ? c.slice(c.indexOf('\n') + 1) : c));
    expect(squash(texts.join(''))).toBe(squash(toDiscordText(`${edited}\n_✏️ Edited by the customer_`)));
  });
});
