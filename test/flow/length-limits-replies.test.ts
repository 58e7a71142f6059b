/**
 * Platform length limits (issue 9, point 9), agent → customer, through the real routes and the fakes: an agent's
 * 40,000-character Slack reply reaches the fake Graph API as several texts of at most 4,096 (Meta's limit, which the
 * fake enforces), in order, each its own send; the agent's one message (and its mirror on the other platform) shows
 * the parts' combined status, a part that fails is named in the thread, and a reply past 20 parts is refused.
 */
import { startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { CHANNEL, startHarness, type Harness } from '../support/harness';
import { longText, squash } from '../support/long-text';
import { customerText, statusUpdate } from '../support/webhooks';

describe('Slack', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('length-limits-replies');
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
