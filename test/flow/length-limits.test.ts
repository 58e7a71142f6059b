/**
 * Platform length limits (issue 9, point 9), end to end through the real routes and the fakes:
 * - an agent's 40,000-character Slack reply reaches the fake Graph API as several texts of at most 4,096 (Meta's
 *   limit, which the fake enforces), in order, each its own send; the agent's one message shows their combined status,
 *   and a part that fails is named in the thread;
 * - a customer's 50,000-character text is several Slack posts of at most 40,000 (Discord: 2,000 with the author
 *   line), in order, each recorded as a mirror; the customer's reaction lands on the first, an edit on every one.
 * Long texts are built from the text of Meta's "Incoming messages" example (test/fixtures/whatsapp/message-text.json).
 */
import { toDiscordText } from '../../adapters/discord/format';
import { loadWhatsAppFixture } from '../fixtures/whatsapp';
import { startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { lane } from '../../src/services/ingest';
import { chatParts } from '../../src/services/message-parts';
import { CHANNEL, slackTs, startHarness, type Harness } from '../support/harness';
import { fixtureMessage } from '../support/media';
import { customerText, newWamid, statusUpdate } from '../support/webhooks';

/** Only the whitespace where a text was cut may differ. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** A long text of numbered lines (the fixture's text, markup, an emoji with a skin tone), a blank line every fourth. */
function longText(length: number, tag = ''): string {
  const said: string = loadWhatsAppFixture('message-text').entry[0].changes[0].value.messages[0].text.body;
  let text = '';
  for (let i = 1; text.length < length; i++) text += `${i}.${tag} ${said} It is *really* important to me 👍🏽 thanks!${i % 4 ? '\n' : '\n\n'}`;
  return text.slice(0, length).replace(/[\s\uD800-\uDBFF]+$/, '');
}

const customerReaction = (target: string, emoji: string) =>
  fixtureMessage('message-reaction', {
    edit: (m) => {
      m.reaction.message_id = target;
      m.reaction.emoji = emoji;
    },
  }).body;
const customerEdit = (target: string, text: string) =>
  fixtureMessage('message-edit', {
    edit: (m) => {
      m.edit.original_message_id = target;
      // Meta's example edits an image's caption; a text edit carries the text message instead.
      m.edit.message = { type: 'text', text: { body: text } };
    },
  }).body;

describe('Slack', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('length-limits-slack');
  });
  afterEach(async () => {
    await h.close();
  });

  const root = () => h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts)!;
  const replies = () => h.slack.threadReplies(CHANNEL, root().ts);

  async function openConversation(): Promise<string> {
    await h.postWebhook(customerText({ text: 'Hi, is my order shipped?' }));
    return h.eventually(() => {
      expect(root()).toBeDefined();
      expect(replies().length).toBeGreaterThanOrEqual(1);
      return root().ts;
    });
  }

  /** The agent's message and its parts' records, once every part was accepted by Meta. */
  async function sentParts(ts: string, count: number) {
    return h.eventually(async () => {
      const head = await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`);
      expect(head?.parts).toHaveLength(count - 1);
      const parts = [head!, ...(await Promise.all(head!.parts!.map((id) => h.bridge.store.getMessage(id))))];
      for (const p of parts) expect(p?.wamid).toMatch(/^wamid\./);
      return parts.map((p) => p!);
    }, 20_000);
  }

  test('a 40,000-character reply goes as several WhatsApp texts of ≤ 4,096, in order, nothing lost; its message shows the least advanced part', async () => {
    const thread = await openConversation();
    const text = longText(40_000);
    const { ts } = await h.agentReplies(thread, text);
    const sent = await h.eventually(() => {
      const s = h.graph.sentMessages();
      expect(s.length).toBeGreaterThanOrEqual(10);
      expect(squash(s.map((m) => m.text.body).join(''))).toBe(squash(text));
      return s;
    }, 20_000);
    for (const m of sent) {
      expect(m).toMatchObject({ type: 'text', to: '+16505551234' });
      expect(m.text.body.length).toBeLessThanOrEqual(4096);
      expect(m.text.body.trim()).not.toBe('');
    }
    // Cut where a reader pauses: every part but the last ends a paragraph (a blank line follows it in the text).
    for (const m of sent.slice(0, -1)) expect(text).toContain(`${m.text.body}\n\n`);
    // Never a Graph refusal, no notice: one send per part.
    expect(h.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toHaveLength(sent.length);

    const parts = await sentParts(ts, sent.length);
    expect(parts.map((p) => p.text)).toEqual(sent.map((m) => m.text.body));
    expect(parts.slice(1).every((p) => p.partOf === parts[0]!._id)).toBe(true);

    // Every part but the last is delivered: the message shows what all parts have reached (sent).
    for (const p of parts) await h.postWebhook(statusUpdate(p.wamid!, 'sent'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['outbox_tray']));
    for (const p of parts.slice(0, -1)) await h.postWebhook(statusUpdate(p.wamid!, 'delivered'));
    await h.eventually(async () => expect((await h.bridge.store.getMessage(parts[parts.length - 2]!._id))?.state).toBe('delivered'));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['outbox_tray']);
    // The last one too: now the message is delivered, and only that is shown.
    await h.postWebhook(statusUpdate(parts[parts.length - 1]!.wamid!, 'delivered'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['white_check_mark']));
  });

  test('one part failing marks the whole message failed and says which part, with the code and what to do', async () => {
    const thread = await openConversation();
    const text = longText(9_000);
    const { ts } = await h.agentReplies(thread, text);
    const parts = await sentParts(ts, 3);
    for (const p of parts) await h.postWebhook(statusUpdate(p.wamid!, 'read'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['eyes']));
    await h.postWebhook(statusUpdate(parts[1]!.wamid!, 'failed', { code: 131026, title: 'Message undeliverable' }));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['x']));
    const notice = await h.eventually(() => {
      const n = replies().find((m) => m.text.includes('Not delivered'));
      expect(n).toBeDefined();
      return n!;
    });
    expect(notice.text).toContain('Part 2 of 3');
    expect(notice.text).toContain('131026');
    expect(notice.text).toMatch(/What to do:/);
  });

  test('a reply longer than 20 WhatsApp messages is refused before any call to Meta, with a notice saying why', async () => {
    const thread = await openConversation();
    await h.agentReplies(thread, longText(90_000));
    const notice = await h.eventually(() => {
      const n = replies().find((m) => m.text.includes('Not sent to the customer'));
      expect(n).toBeDefined();
      return n!;
    });
    expect(notice.text).toContain('4,096');
    expect(notice.text).toMatch(/What to do:/);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.graph.sentMessages()).toHaveLength(0);
  });

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

describe('Slack and Discord', () => {
  let d: DiscordHarness;
  beforeEach(async () => {
    d = await startDiscordHarness('length-limits-both', { slack: true });
  });
  afterEach(async () => {
    await d.close();
  });

  test('a long Slack reply mirrored into Discord is several posts there too; the parts’ combined status and a failed part show on both sides', async () => {
    await d.postWebhook(customerText({ text: 'Hello?' }));
    const root = await d.eventually(() => {
      const r = d.slack!.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
      expect(r).toBeDefined();
      expect(d.slack!.slack.threadReplies(CHANNEL, r!.ts)).toHaveLength(1);
      return r!.ts;
    });
    const thread = await d.thread(2);
    const text = longText(9_000);
    const { ts } = await d.slack!.agentReplies(root, text);
    const head = await d.eventually(async () => {
      const m = await d.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`);
      expect(m?.parts).toHaveLength(2);
      expect(m?.mirrors.length).toBeGreaterThanOrEqual(5); // 9,000 characters in posts of ≤ 2,000
      const parts = await Promise.all(m!.parts!.map((id) => d.bridge.store.getMessage(id)));
      for (const p of [m, ...parts]) expect(p?.wamid).toMatch(/^wamid\./);
      // Each part knows the Discord post, so its statuses reach it.
      for (const p of parts) expect(p?.mirrors).toEqual([m!.mirrors[0]]);
      return { ...m!, all: [m!, ...parts.map((p) => p!)] };
    }, 20_000);
    const mirrorPosts = d.fake.messagesIn(thread.id).filter((m) => m.content.startsWith('**Ana Agent** via Slack\n'));
    expect(mirrorPosts.map((m) => m.id)).toEqual(head.mirrors.map((m) => m.messageId));
    for (const m of mirrorPosts) expect(m.content.length).toBeLessThanOrEqual(2000);

    const botReactions = () =>
      (d.fake.messagesIn(thread.id).find((m) => m.id === mirrorPosts[0]!.id)?.reactions ?? []).filter((r) => r.me).map((r) => r.emoji.name);
    for (const p of head.all) await d.postWebhook(statusUpdate(p.wamid!, 'read'));
    await d.eventually(() => expect(d.slack!.slack.reactionsOn(CHANNEL, ts)).toEqual(['eyes']));
    await d.eventually(() => expect(botReactions()).toEqual(['👀']));
    await d.postWebhook(statusUpdate(head.all[2]!.wamid!, 'failed', { code: 131026, title: 'Message undeliverable' }));
    await d.eventually(() => expect(botReactions()).toEqual(['❌']));
    await d.eventually(() => expect(d.slack!.slack.reactionsOn(CHANNEL, ts)).toEqual(['x']));
    await d.eventually(() => expect(d.contents(thread.id).some((c) => c.includes('Part 3 of 3') && c.includes('131026'))).toBe(true));
  });
});
