/**
 * Slack over Socket Mode (SLACK_APP_TOKEN): the bridge opens the WebSocket itself (apps.connections.open on the fake,
 * then Slack's hello), receives events, `/wa` and interactivity as envelopes and acknowledges each once it has
 * processed it; nothing is served at /slack/events, and the WhatsApp webhook stays the only public route. Slack's
 * `disconnect` makes it open a new connection. Envelopes: test/fakes/slack/socket-mode.ts (sources beside them);
 * the payloads inside are the same fixtures the HTTP tests use (test/fixtures/slack/SOURCES.md).
 */
import { loadSlackFixture } from '../fixtures/slack';
import { signSlackRequest } from '../fakes/slack-sender';
import { AGENT, CHANNEL, SIGNING_SECRET, startHarness, type Harness } from '../support/harness';
import { startTemplateHarness, templateSends } from '../support/templates';
import { customerText } from '../support/webhooks';

/** A customer writes; resolves to the Slack thread ts once the message is in it. */
async function openConversation(h: Harness, from = '4915112345678'): Promise<string> {
  expect((await h.postWebhook(customerText({ from, text: 'Hi, is my order shipped?' }))).status).toBe(200);
  return h.eventually(() => {
    const root = h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
    expect(root).toBeDefined();
    expect(h.slack.threadReplies(CHANNEL, root!.ts).map((m) => m.text)).toContain('Hi, is my order shipped?');
    return root!.ts;
  });
}

describe('Slack in Socket Mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('slack-socket-mode', { socketMode: true });
  });
  afterAll(async () => {
    await h.close();
  });

  test('the bridge opens the socket with the app-level token and is ready once Slack said hello', async () => {
    const opens = h.slack.callsTo('apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]!.headers.authorization).toBe(`Bearer ${h.slack.appToken}`);
    expect(h.slack.socketMode.openConnections).toBe(1);
    const ready = await fetch(`${h.bridge.url}/readyz`);
    expect(((await ready.json()) as { checks: Record<string, boolean> }).checks.slack).toBe(true);
  });

  test('customer message → thread; the agent’s reply arrives on the socket, is acked once stored, and reaches WhatsApp', async () => {
    const thread = await openConversation(h);
    const { status, ts } = await h.agentReplies(thread, 'Yes, it left this morning *by DHL*.');
    expect(status).toBe(200);
    // Acked only after processing (as processBeforeResponse over HTTP): the reply is stored by then.
    expect(await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`)).toBeDefined();
    const envelope = h.slack.socketMode.envelopes.at(-1)!;
    expect(envelope).toMatchObject({ type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
    expect(h.slack.socketMode.acks.map((a) => a.envelope_id)).toContain(envelope.envelope_id);
    const [sent] = await h.eventually(() => {
      expect(h.graph.sentMessages()).toHaveLength(1);
      return h.graph.sentMessages();
    });
    expect(sent).toMatchObject({ messaging_product: 'whatsapp', to: '+4915112345678', type: 'text' });
    expect(sent!.text.body).toBe('Yes, it left this morning *by DHL*.');
  });

  test('a redelivered envelope (retry_attempt 1) does not send twice', async () => {
    const thread = await openConversation(h, '4915112345679');
    const before = h.graph.sentMessages().length;
    const ts = '1749416999.000200';
    expect((await h.agentReplies(thread, 'only once', { ts, eventId: 'Ev0SOCKET1' })).status).toBe(200);
    expect((await h.agentReplies(thread, 'only once', { ts, eventId: 'Ev0SOCKET1', retryNum: 1 })).status).toBe(200);
    expect(h.slack.socketMode.envelopes.at(-1)).toMatchObject({ retry_attempt: 1, retry_reason: 'http_timeout' });
    await h.eventually(() => expect(h.graph.sentMessages().length).toBe(before + 1));
    await h.eventually(async () => expect((await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`))?.wamid).toMatch(/^wamid\./));
    expect(h.graph.sentMessages().length).toBe(before + 1);
  });

  test('/wa over the socket: the answer comes back in the ack’s payload, privately', async () => {
    const res = await h.sender.sendCommand({ command: '/wa', text: 'help', user_id: AGENT, channel_id: CHANNEL });
    expect(res.status).toBe(200);
    const envelope = h.slack.socketMode.envelopes.at(-1)!;
    expect(envelope).toMatchObject({ type: 'slash_commands', accepts_response_payload: true });
    expect(envelope.payload).toMatchObject({ command: '/wa', text: 'help', user_id: AGENT, channel_id: CHANNEL });
    const ack = h.slack.socketMode.acks.find((a) => a.envelope_id === envelope.envelope_id)!;
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(String(ack.payload!.text)).toContain('/wa template');
  });

  test('/slack/events is not served: a correctly signed request gets 404, and Slack needs no public URL', async () => {
    const res = await h.sender.post(JSON.stringify({ token: 'x', challenge: 'c', type: 'url_verification' }), 'application/json');
    expect(res.status).toBe(404);
    const form = 'command=%2Fwa&text=help';
    const ts = Math.floor(Date.now() / 1000);
    const command = await fetch(`${h.bridge.url}/slack/events`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Slack-Request-Timestamp': String(ts),
        'X-Slack-Signature': signSlackRequest(SIGNING_SECRET, ts, form),
      },
      body: form,
    });
    expect(command.status).toBe(404);
    // The WhatsApp webhook is still there.
    expect((await fetch(`${h.bridge.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status).toBe(403);
  });

  const slackReady = async () => ((await (await fetch(`${h.bridge.url}/readyz`)).json()) as { checks: Record<string, boolean> }).checks.slack;

  test('Slack’s disconnect (refresh_requested): the bridge opens a new connection at once, and replies keep flowing', async () => {
    const thread = await openConversation(h, '4915112345670');
    const opened = h.slack.socketMode.connectionsOpened;
    const opens = h.slack.callsTo('apps.connections.open').length;
    h.slack.socketMode.disconnect('refresh_requested');
    await h.eventually(() => {
      expect(h.slack.socketMode.connectionsOpened).toBe(opened + 1);
      expect(h.slack.socketMode.openConnections).toBe(1);
    });
    expect(h.slack.callsTo('apps.connections.open')).toHaveLength(opens + 1);
    const before = h.graph.sentMessages().length;
    expect((await h.agentReplies(thread, 'after the refresh')).status).toBe(200);
    await h.eventually(() => expect(h.graph.sentMessages().length).toBe(before + 1));
    expect(h.graph.sentMessages().at(-1)!.text.body).toBe('after the refresh');
    expect(await slackReady()).toBe(true);
  });

  test('a lost connection while Slack refuses new ones for a while: /readyz says slack false, then it reconnects and gets what Slack kept', async () => {
    const thread = await openConversation(h, '4915112345671');
    const opens = h.slack.callsTo('apps.connections.open').length;
    h.slack.failNext({ method: 'apps.connections.open', error: 'internal_error', times: 20 });
    h.slack.socketMode.dropConnections();
    await h.eventually(async () => expect(await slackReady()).toBe(false));
    const before = h.graph.sentMessages().length;
    // Sent while no connection is open: Slack keeps it for the next one.
    const { status } = await h.agentReplies(thread, 'sent while disconnected');
    expect(status).toBe(200);
    expect(h.slack.callsTo('apps.connections.open').length).toBe(opens + 21);
    await h.eventually(() => expect(h.graph.sentMessages().length).toBe(before + 1));
    expect(h.graph.sentMessages().at(-1)!.text.body).toBe('sent while disconnected');
    await h.eventually(async () => expect(await slackReady()).toBe(true));
  });
});

describe('Slack in Socket Mode: the template form (interactivity)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startTemplateHarness('slack-socket-mode-form', { socketMode: true });
  });
  afterAll(async () => {
    await h.close();
  });

  const currentView = () => h.slack.views().at(-1)!;
  const fromOpenedView = () => {
    const v = currentView();
    return { id: v.id, hash: v.hash, callback_id: v.callback_id, private_metadata: v.private_metadata };
  };
  const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
  const selected = (ref: string) => ({ wa_template_pick: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: ref }, value: ref } } });
  function submit(values: Record<string, Record<string, unknown>>) {
    const body = loadSlackFixture('view_submission');
    body.user.id = AGENT;
    Object.assign(body.view, fromOpenedView(), { blocks: currentView().blocks, state: { values } });
    return h.sender.sendInteraction(body);
  }

  test('/wa template opens the form, picking fills it (block_actions), a bad view_submission is answered inline in the ack, a good one sends', async () => {
    const res = await h.sender.sendCommand({
      command: '/wa',
      text: 'template',
      user_id: AGENT,
      channel_id: CHANNEL,
      trigger_id: '13345224609.738474920.8088930838d88f008e0',
    });
    expect(res.status).toBe(200);
    expect(currentView()).toMatchObject({
      callback_id: 'wa_template',
      openedWith: { method: 'views.open', trigger_id: '13345224609.738474920.8088930838d88f008e0' },
    });

    const pick = loadSlackFixture('block_actions_static_select');
    pick.user.id = AGENT;
    pick.container.view_id = currentView().id;
    Object.assign(pick.view, fromOpenedView());
    Object.assign(pick.actions[0], {
      action_id: 'wa_template_pick',
      block_id: 'template',
      selected_option: { text: { type: 'plain_text', text: 'coupon (en)', emoji: true }, value: 'coupon_expiration_reminder_number_vars:en' },
    });
    expect((await h.sender.sendInteraction(pick)).status).toBe(200);
    // Acked after processing: the form was already updated with the template's inputs.
    expect(h.slack.socketMode.envelopes.at(-1)).toMatchObject({ type: 'interactive', accepts_response_payload: false });
    expect(h.slack.callsTo('views.update')).toHaveLength(1);

    const refused = await submit({
      phone: text('015112345678'),
      template: selected('coupon_expiration_reminder_number_vars:en'),
      'var:header': text('Pablo'),
      'var:1': text('SUMMER20'),
      'var:2': text('10'),
    });
    expect(refused.status).toBe(200);
    expect(h.slack.socketMode.envelopes.at(-1)).toMatchObject({ type: 'interactive', accepts_response_payload: true });
    const answer = JSON.parse(refused.body) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(Object.keys(answer.errors)).toEqual(['phone']);
    expect(answer.errors.phone).toMatch(/015112345678 has no country code/);
    expect(templateSends(h)).toHaveLength(0);

    const ok = await submit({
      phone: text('+4915112345678'),
      template: selected('coupon_expiration_reminder_number_vars:en'),
      'var:header': text('Pablo'),
      'var:1': text('SUMMER20'),
      'var:2': text('10'),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('');
    await h.eventually(() => expect(templateSends(h)).toHaveLength(1));
    expect(templateSends(h)[0]).toMatchObject({ to: '+4915112345678', template: { name: 'coupon_expiration_reminder_number_vars' } });
    await h.eventually(() => expect(h.slack.ephemerals.some((e) => e.user === AGENT && /is on its way to \+4915112345678/.test(String(e.text)))).toBe(true));
  });
});

describe('Slack in Socket Mode: a refused app-level token', () => {
  test('start-up stops with SLACK_APP_TOKEN named and what to do; the bot token was fine', async () => {
    const h = await startHarness('slack-socket-mode-refused', {
      socketMode: true,
      env: { SLACK_APP_TOKEN: 'xapp-1-A0WRONG-1-refused' },
      waitForAdapters: false,
    });
    try {
      await expect(h.bridge.adaptersStarted).rejects.toThrow(
        /SLACK_APP_TOKEN was refused by Slack \(invalid_auth\): create an app-level token with the scope connections:write/,
      );
      expect(h.slack.callsTo('auth.test')).toHaveLength(1);
      expect(h.slack.socketMode.connectionsOpened).toBe(0);
    } finally {
      await h.close();
    }
  });
});
