/** Slack → customer, statuses in the thread, and failures explained: through Bolt and the webhook route. */
import { loadSlackFixture } from '../fixtures/slack';
import { CHANNEL, AGENT, startHarness, type Harness } from '../support/harness';
import { customerText, statusUpdate } from '../support/webhooks';

let h: Harness;
beforeEach(async () => {
  h = await startHarness('slack-to-customer');
});
afterEach(async () => {
  await h.close();
});

/** The wamid the bridge recorded for an agent's Slack message, once the send went through. */
function wamidOf(ts: string): Promise<string> {
  return h.eventually(async () => {
    const wamid = (await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`))?.wamid;
    expect(wamid).toMatch(/^wamid\./);
    return wamid!;
  });
}

/** The bridge's "Not delivered" notice in a thread, once it is there. */
function failureNotice(thread: string) {
  return h.eventually(() => {
    const n = h.slack.threadReplies(CHANNEL, thread).find((m) => m.text.includes('Not delivered'));
    expect(n).toBeDefined();
    return n!;
  });
}

/** A customer writes; resolves to the Slack thread ts once the message is in it. */
async function openConversation(from = '16505551234'): Promise<string> {
  await h.postWebhook(customerText({ from, text: 'Hi, is my order shipped?' }));
  return h.eventually(() => {
    const root = h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
    expect(root).toBeDefined();
    expect(h.slack.threadReplies(CHANNEL, root!.ts).length).toBeGreaterThanOrEqual(1);
    return root!.ts;
  });
}

test('an agent reply in the thread is sent to the customer with the right `to` and body, and recorded with its wamid', async () => {
  const thread = await openConversation('4915112345678');
  const { status, ts } = await h.agentReplies(thread, 'Yes, it left this morning *by DHL*. <@U0NOTIFY1> FYI');
  expect(status).toBe(200);
  const [sent] = await h.eventually(() => {
    expect(h.graph.sentMessages()).toHaveLength(1);
    return h.graph.sentMessages();
  });
  expect(sent).toMatchObject({ messaging_product: 'whatsapp', to: '+4915112345678', type: 'text' });
  expect(sent!.text.body).toBe('Yes, it left this morning *by DHL*. @U0NOTIFY1 FYI');
  const record = await h.eventually(async () => {
    const m = await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`);
    expect(m?.wamid).toMatch(/^wamid\./);
    return m!;
  });
  expect(record.state).toBe('accepted');
  expect(record.origin?.authorName).toBe('Ana Agent');
});

test('a Slack retry of the same event does not send twice', async () => {
  const thread = await openConversation();
  const ts = '1749416999.000200';
  await h.agentReplies(thread, 'only once', { ts, eventId: 'Ev0001' });
  await h.agentReplies(thread, 'only once', { ts, eventId: 'Ev0001', retryNum: 1 });
  await h.eventually(() => expect(h.graph.sentMessages()).toHaveLength(1));
  await new Promise((r) => setTimeout(r, 300));
  expect(h.graph.sentMessages()).toHaveLength(1);
});

test('the bot’s own posts, other bots, edits, deletions, joins and unbridged threads are ignored', async () => {
  const thread = await openConversation();
  const inThread = (e: any) => ({ ...e, channel: CHANNEL, thread_ts: thread });
  const ownEcho = loadSlackFixture('bot_own_echo').event;
  const events = [
    inThread({ ...ownEcho, user: h.slack.botUserId, bot_id: h.slack.botId, app_id: h.slack.appId, ts: '1749417000.000100' }),
    inThread({ ...loadSlackFixture('bot_message').event, ts: '1749417000.000200' }),
    inThread(loadSlackFixture('message_changed').event),
    inThread(loadSlackFixture('message_deleted').event),
    { ...loadSlackFixture('channel_join').event, channel: CHANNEL },
    // a person writing in a thread the bridge did not open
    { type: 'message', channel: CHANNEL, user: AGENT, text: 'unrelated', ts: '1749417000.000300', thread_ts: '1600000000.000100' },
    // a top-level message in the channel
    { type: 'message', channel: CHANNEL, user: AGENT, text: 'top level', ts: '1749417000.000400' },
  ];
  for (const e of events) expect((await h.sender.sendEvent(e)).status).toBe(200);
  await new Promise((r) => setTimeout(r, 400));
  expect(h.graph.sentMessages()).toHaveLength(0);
});

test('statuses show on the agent’s message monotonically: a late `delivered` never replaces `read`', async () => {
  const thread = await openConversation();
  const { ts } = await h.agentReplies(thread, 'On its way');
  const wamid = await wamidOf(ts);
  await h.postWebhook(statusUpdate(wamid, 'sent'));
  await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['outbox_tray']));
  await h.postWebhook(statusUpdate(wamid, 'read'));
  await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['eyes']));
  // out of order: delivered after read, and a redelivered `sent`
  await h.postWebhook(statusUpdate(wamid, 'delivered'));
  await h.postWebhook(statusUpdate(wamid, 'sent'));
  await new Promise((r) => setTimeout(r, 300));
  expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['eyes']);
  expect((await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`))?.state).toBe('read');
});

test('a status that arrives before the send’s own response is still shown once the wamid is recorded', async () => {
  const thread = await openConversation();
  h.graph.beforeSendResponse = async (wamid) => {
    h.graph.beforeSendResponse = undefined;
    expect((await h.postWebhook(statusUpdate(wamid, 'delivered'))).status).toBe(200);
  };
  const { ts } = await h.agentReplies(thread, 'fast');
  await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['white_check_mark']));
  expect((await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`))?.state).toBe('delivered');
});

test('`failed` is final and posts a notice with the code, what it means and what to do', async () => {
  const thread = await openConversation();
  const { ts } = await h.agentReplies(thread, 'Here is our offer');
  const wamid = await wamidOf(ts);
  await h.postWebhook(statusUpdate(wamid, 'failed', { code: 131026, title: 'Message undeliverable' }));
  await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['x']));
  const notice = await failureNotice(thread);
  expect(notice.text).toContain('131026');
  expect(notice.text).toMatch(/What to do:/);
  await h.postWebhook(statusUpdate(wamid, 'read'));
  await new Promise((r) => setTimeout(r, 300));
  expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['x']);
});

test('a permanent Graph error (131047) on send posts the notice in the thread and is not retried', async () => {
  const thread = await openConversation();
  h.graph.failNext({
    path: /\/messages$/,
    status: 400,
    error: {
      code: 131047,
      message: 'Re-engagement message',
      details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    },
  });
  const { ts } = await h.agentReplies(thread, 'Are you still there?');
  const notice = await failureNotice(thread);
  expect(notice.text).toContain('131047');
  expect(notice.text).toContain('/wa template');
  expect(h.slack.reactionsOn(CHANNEL, ts)).toEqual(['x']);
  const sends = h.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));
  expect(sends).toHaveLength(1);
  const record = await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`);
  expect(record).toMatchObject({ state: 'failed', failure: { code: '131047', retryable: false } });
});

test('an expired token (190) needs a person: the reply is paused (not failed), the channel is told to renew the token (the token notice, issue 12), and it is sent once fixed', async () => {
  const thread = await openConversation();
  h.graph.failNext({ path: /\/messages$/, status: 401, error: { code: 190, message: 'Error validating access token: Session has expired' } });
  const { ts } = await h.agentReplies(thread, 'hello');
  const notice = await h.eventually(() => {
    const n = h.slack.messages(CHANNEL).find((m) => m.text.startsWith('🔑'));
    expect(n).toBeDefined();
    return n!;
  });
  expect(notice.text).toContain('WHATSAPP_ACCESS_TOKEN');
  expect(notice.text).toContain('resumes by itself');
  expect(h.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toHaveLength(1);
  expect(h.slack.threadReplies(CHANNEL, thread).some((m) => m.text.includes('Not delivered'))).toBe(false);
  expect((await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`))?.state).not.toBe('failed');
  // The token was renewed (the fake accepts it again): the next probe sends the reply.
  h.bridge.outbox.probeParked();
  await h.eventually(() => expect(h.graph.sentMessages()).toHaveLength(1));
  expect(h.graph.sentMessages()[0]!.text.body).toBe('hello');
});

test('Graph 5xx, then success: the reply is retried and sent once', async () => {
  const thread = await openConversation();
  h.graph.failNext({ path: /\/messages$/, status: 503, times: 2 });
  await h.agentReplies(thread, 'retry me');
  await h.eventually(() => expect(h.graph.sentMessages()).toHaveLength(1));
  expect(h.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toHaveLength(3);
});

test('WhatsApp throughput (130429) and pair-rate (131056) errors are retried; a dropped connection too', async () => {
  const thread = await openConversation();
  h.graph.failNext({ path: /\/messages$/, status: 400, error: { code: 130429, message: 'Rate limit hit' } });
  h.graph.failNext({ path: /\/messages$/, status: 400, error: { code: 131056, message: 'pair rate limit hit' } });
  h.graph.dropNext({ path: /\/messages$/ });
  await h.agentReplies(thread, 'eventually');
  await h.eventually(() => expect(h.graph.sentMessages()).toHaveLength(1), 15_000);
  expect(h.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toHaveLength(4);
});

test('a reply after the 24-hour window is refused before calling Meta, with the way out', async () => {
  const old = String(Math.floor(Date.now() / 1000) - 25 * 3600);
  await h.postWebhook(customerText({ from: '447700900123', text: 'old message', timestamp: old }));
  const thread = await h.eventually(() => {
    const root = h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
    expect(root).toBeDefined();
    return root!.ts;
  });
  await h.agentReplies(thread, 'sorry for the delay');
  const notice = await failureNotice(thread);
  expect(notice.text).toContain('/wa template');
  expect(h.graph.sentMessages()).toHaveLength(0);
});

test('a file shared in the thread is relayed with the text as its caption (media-*.test.ts covers the rest)', async () => {
  const thread = await openConversation();
  const fileShare = loadSlackFixture('file_share').event;
  const ts = '1749417100.000100';
  // The fixture's file, served by the fake (its url_private* point at files.slack.com).
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(2000, 7)]);
  const file = h.slack.addFile({ name: fileShare.files[0].name, content: png, mimetype: fileShare.files[0].mimetype, user: AGENT });
  const event = {
    ...fileShare,
    channel: CHANNEL,
    user: AGENT,
    ts,
    event_ts: ts,
    thread_ts: thread,
    text: 'here is the invoice',
    files: [{ ...fileShare.files[0], ...file }],
  };
  expect((await h.sender.sendEvent(event)).status).toBe(200);
  const [sent] = await h.eventually(() => {
    expect(h.graph.sentMessages()).toHaveLength(1);
    return h.graph.sentMessages();
  });
  expect(sent).toMatchObject({ type: 'image', image: { caption: 'here is the invoice' } });
  expect(h.graph.uploads[0]!.bytes.equals(png)).toBe(true);
  expect(h.slack.threadReplies(CHANNEL, thread).some((m) => m.text.includes('Not sent to the customer'))).toBe(false);
});
