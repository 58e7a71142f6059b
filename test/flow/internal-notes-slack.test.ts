/**
 * Internal notes on Slack (issue 11, point 1): a thread message starting with a note prefix or with a colleague's
 * mention stays internal, marked 🔒 (`lock`); `mention` mode sends only what starts by mentioning the bot; `all`
 * sends everything. Through Bolt's events route and the Graph fake.
 */
import { loadSlackFixture } from '../fixtures/slack';
import type { SlackFileObject } from '../fakes/slack-api';
import { AGENT, CHANNEL, NOTIFY, slackTs, startHarness, type Harness } from '../support/harness';
import { fileBytes } from '../support/media';
import { customerText } from '../support/webhooks';

/** Calls that upload or send to WhatsApp (the template sync at start-up reads templates, which is not one). */
const sendCalls = (calls: Array<{ path: string }>) => calls.filter((c) => /\/(media|messages)$/.test(c.path));

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function openConversation(text = 'Hi, is my order shipped?'): Promise<{ thread: string; root: string }> {
  await h.postWebhook(customerText({ text }));
  return h.eventually(() => {
    const root = h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
    expect(root).toBeDefined();
    expect(h.slack.threadReplies(CHANNEL, root!.ts).length).toBeGreaterThanOrEqual(1);
    return { thread: root!.ts, root: root!.text };
  });
}

/** Waits for the 🔒 on a message; then a normal reply proves, once it is sent, that nothing was sent before it. */
async function expectKeptInternal(ts: string): Promise<void> {
  await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toContain('lock'));
  expect((await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`))?.direction).toBe('internal');
}

async function expectOnlySent(thread: string, bodies: string[]): Promise<void> {
  await h.agentReplies(thread, 'Your order left this morning.');
  await h.eventually(() => expect(h.graph.sentMessages().map((m) => m.text?.body)).toEqual([...bodies, 'Your order left this morning.']));
}

describe('notes mode (the default)', () => {
  beforeEach(async () => {
    h = await startHarness('internal-notes-slack');
  });

  test('the root message says which rule applies', async () => {
    const { root } = await openConversation();
    expect(root).toContain('Replies in this thread go to the customer on WhatsApp. Start with `note:`, `private:` or @someone to keep a message internal.');
  });

  test('a note prefix (any case) keeps the message internal: nothing sent, 🔒 on it, not an agent reply', async () => {
    const { thread } = await openConversation();
    const { ts: a } = await h.agentReplies(thread, 'note: refund approved, do not tell yet');
    const { ts: b } = await h.agentReplies(thread, 'PRIVATE: he was rude last time');
    await expectKeptInternal(a);
    await expectKeptInternal(b);
    const conversation = (await h.bridge.store.getConversation((await h.bridge.store.getMessage(`slack:${CHANNEL}:${a}`))!.conversationId))!;
    // The notify rule (notify.ts) must not take a note for an answer: nobody became a participant.
    expect(conversation.lastAgentReplyAt).toBeUndefined();
    expect(conversation.participants ?? []).toEqual([]);
    await expectOnlySent(thread, []);
  });

  test('after a note, the customer’s next message does not ping its author as if they had answered', async () => {
    const { thread } = await openConversation();
    const { ts } = await h.agentReplies(thread, 'note: I will take this one');
    await expectKeptInternal(ts);
    await h.postWebhook(customerText({ text: 'Hello? Anyone?' }));
    const post = await h.eventually(() => {
      const p = h.slack.threadReplies(CHANNEL, thread).find((m) => m.text.includes('Anyone?'));
      expect(p).toBeDefined();
      return p!;
    });
    expect(post.text).not.toContain(`<@${AGENT}>`);
  });

  test('a message starting with a colleague’s mention stays internal; a mention mid-sentence is sent', async () => {
    const { thread } = await openConversation();
    const { ts } = await h.agentReplies(thread, `<@${NOTIFY[0]}> can you check the stock?`);
    await expectKeptInternal(ts);
    await h.agentReplies(thread, `Thanks for waiting, <@${NOTIFY[0]}> is checking the stock.`);
    await expectOnlySent(thread, ['Thanks for waiting, @U0NOTIFY1 is checking the stock.']);
  });

  test('files attached to an internal note are not sent either', async () => {
    const { thread } = await openConversation();
    const ts = slackTs();
    const fixture = loadSlackFixture('file_share').event;
    const stored: SlackFileObject = h.slack.addFile({ name: 'refund.pdf', mimetype: 'application/pdf', content: fileBytes('pdf', 20_000), user: AGENT });
    const text = 'note: the refund form, for the record';
    h.slack.addMessage(CHANNEL, { ts, text, user: AGENT, thread_ts: thread });
    expect(
      (
        await h.sender.sendEvent({
          ...fixture,
          channel: CHANNEL,
          user: AGENT,
          ts,
          event_ts: ts,
          thread_ts: thread,
          text,
          files: [{ ...fixture.files[0], ...stored }],
        })
      ).status,
    ).toBe(200);
    await expectKeptInternal(ts);
    await expectOnlySent(thread, []);
    expect(sendCalls(h.graph.calls).filter((c) => c.path.endsWith('/media'))).toHaveLength(0);
  });

  test('starting with the bot’s mention sends the rest', async () => {
    const { thread } = await openConversation();
    await h.agentReplies(thread, `<@${h.slack.botUserId}> It is on its way.`);
    await expectOnlySent(thread, ['It is on its way.']);
  });
});

describe('mention mode', () => {
  beforeEach(async () => {
    h = await startHarness('internal-notes-slack-mention', { env: { BRIDGE_REPLY_MODE: 'mention' } });
  });

  test('only a message starting with the bot’s mention is sent, without the mention; a plain line stays internal; the root says so', async () => {
    const { thread, root } = await openConversation();
    expect(root).toContain('Only messages that start by mentioning this bot go to the customer');
    const { ts } = await h.agentReplies(thread, 'Let me look into it');
    await expectKeptInternal(ts);
    const { ts: sent } = await h.agentReplies(thread, `<@${h.slack.botUserId}> We are on it!`);
    await h.eventually(() => expect(h.graph.sentMessages().map((m) => m.text?.body)).toEqual(['We are on it!']));
    expect(h.slack.reactionsOn(CHANNEL, sent)).not.toContain('lock');
  });
});

describe('all mode', () => {
  beforeEach(async () => {
    h = await startHarness('internal-notes-slack-all', { env: { BRIDGE_REPLY_MODE: 'all' } });
  });

  test('every message is sent as written, as before', async () => {
    const { thread, root } = await openConversation();
    expect(root).toContain('Every reply in this thread goes to the customer on WhatsApp.');
    await h.agentReplies(thread, 'note: this goes out too');
    await h.agentReplies(thread, `<@${NOTIFY[0]}> will call you`);
    await h.eventually(() => expect(h.graph.sentMessages().map((m) => m.text?.body)).toEqual(['note: this goes out too', '@U0NOTIFY1 will call you']));
  });
});
