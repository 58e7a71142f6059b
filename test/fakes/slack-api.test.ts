/**
 * Drives FakeSlackApi with the real @slack/web-api WebClient and SlackSender with the real Bolt
 * ExpressReceiver, so both fakes are proven against the libraries the bridge uses.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { ErrorCode, WebClient, type WebClientOptions } from '@slack/web-api';
import { loadSlackFixture } from '../fixtures/slack';
import { FakeSlackApi } from './slack-api';
import { SlackSender } from './slack-sender';

const TOKEN = 'xoxb-test-token';
const CHANNEL = 'C0BRIDGE01';

function clientFor(fake: FakeSlackApi, extra: WebClientOptions = {}, token = TOKEN): WebClient {
  return new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR, ...extra });
}

async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

describe('FakeSlackApi with the real WebClient', () => {
  let fake: FakeSlackApi;
  let client: WebClient;

  beforeAll(async () => {
    fake = await FakeSlackApi.start({ botToken: TOKEN, teamId: 'T0TEAM0001', botUserId: 'U0BOT00001', botId: 'B0BOT00001' });
    client = clientFor(fake);
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('answers auth.test like Slack, including bot_id', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'T0TEAM0001', user_id: 'U0BOT00001', bot_id: 'B0BOT00001', is_enterprise_install: false });
    expect(fake.calls[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('rejects a wrong token with invalid_auth', async () => {
    const err = await rejection(clientFor(fake, {}, 'xoxb-wrong').auth.test());
    expect(err.code).toBe(ErrorCode.PlatformError);
    expect(err.data.error).toBe('invalid_auth');
  });

  it('posts a root message and a thread reply, decoding JSON-encoded blocks', async () => {
    const root = await client.chat.postMessage({ channel: CHANNEL, text: 'New WhatsApp conversation', username: '+49 151 000' });
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];
    const reply = await client.chat.postMessage({ channel: CHANNEL, text: 'hi', blocks, thread_ts: root.ts as string });

    expect(root.ts).toBe('1700000000.000100');
    expect(Number(reply.ts)).toBeGreaterThan(Number(root.ts));
    expect(root.message).toMatchObject({ subtype: 'bot_message', username: '+49 151 000', bot_id: 'B0BOT00001' });
    expect(reply.message).toMatchObject({ type: 'message', user: 'U0BOT00001', thread_ts: root.ts, text: 'hi' });
    expect(fake.posted(CHANNEL).map((a) => a.text)).toEqual(['New WhatsApp conversation', 'hi']);
    expect(fake.posted(CHANNEL)[1]?.blocks).toEqual(blocks);
    expect(fake.threadReplies(CHANNEL, root.ts as string).map((m) => m.text)).toEqual(['hi']);
  });

  it('refuses a post without text or blocks (no_text)', async () => {
    const err = await rejection(client.apiCall('chat.postMessage', { channel: CHANNEL }));
    expect(err.data.error).toBe('no_text');
  });

  it('rejects unknown channels only in strict mode', async () => {
    fake.strictChannels = true;
    try {
      const err = await rejection(client.chat.postMessage({ channel: 'C0UNKNOWN1', text: 'x' }));
      expect(err.data.error).toBe('channel_not_found');
      fake.addChannel('C0KNOWN001', { name: 'wa-inbox' });
      await expect(client.chat.postMessage({ channel: 'C0KNOWN001', text: 'x' })).resolves.toMatchObject({ ok: true });
      await expect(client.conversations.info({ channel: 'C0KNOWN001' })).resolves.toMatchObject({ channel: { id: 'C0KNOWN001', name: 'wa-inbox' } });
    } finally {
      fake.strictChannels = false;
    }
  });

  it('updates a bot message and reports message_not_found / cant_update_message', async () => {
    const posted = await client.chat.postMessage({ channel: CHANNEL, text: 'sending…' });
    const updated = await client.chat.update({ channel: CHANNEL, ts: posted.ts as string, text: 'delivered ✓' });
    expect(updated).toMatchObject({ ok: true, channel: CHANNEL, ts: posted.ts, text: 'delivered ✓' });
    expect(fake.findMessage(CHANNEL, posted.ts as string)?.text).toBe('delivered ✓');

    expect((await rejection(client.chat.update({ channel: CHANNEL, ts: '1.000001', text: 'x' }))).data.error).toBe('message_not_found');
    fake.addMessage(CHANNEL, { ts: '1699999999.000001', user: 'U0HUMAN001', text: 'mine' });
    expect((await rejection(client.chat.update({ channel: CHANNEL, ts: '1699999999.000001', text: 'x' }))).data.error).toBe('cant_update_message');
  });

  it('adds and removes reactions with Slack error codes', async () => {
    const { ts } = fake.addMessage(CHANNEL, { ts: '1699999999.000100', user: 'U0HUMAN001', text: 'from agent' });
    await client.reactions.add({ channel: CHANNEL, timestamp: ts, name: 'white_check_mark' });
    expect(fake.reactionsOn(CHANNEL, ts)).toEqual(['white_check_mark']);

    const duplicate = await rejection(client.reactions.add({ channel: CHANNEL, timestamp: ts, name: 'white_check_mark' }));
    expect(duplicate.data.error).toBe('already_reacted');
    const missing = await rejection(client.reactions.add({ channel: CHANNEL, timestamp: '1.000002', name: 'x' }));
    expect(missing.data.error).toBe('message_not_found');

    await client.reactions.remove({ channel: CHANNEL, timestamp: ts, name: 'white_check_mark' });
    expect(fake.reactionsOn(CHANNEL, ts)).toEqual([]);
    const absent = await rejection(client.reactions.remove({ channel: CHANNEL, timestamp: ts, name: 'white_check_mark' }));
    expect(absent.data.error).toBe('no_reaction');
  });

  it('answers chat.postEphemeral with message_ts', async () => {
    const res = await client.chat.postEphemeral({ channel: CHANNEL, user: 'U0HUMAN001', text: 'template queued' });
    expect(res.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(fake.ephemerals).toEqual([expect.objectContaining({ user: 'U0HUMAN001', text: 'template queued', message_ts: res.message_ts })]);
  });

  it('runs the three-step filesUploadV2 into a thread and serves the file privately', async () => {
    const root = await client.chat.postMessage({ channel: CHANNEL, text: 'conversation' });
    const bytes = Buffer.from('%PDF-1.4 fake invoice');
    const res: any = await client.filesUploadV2({
      channel_id: CHANNEL,
      thread_ts: root.ts as string,
      file: bytes,
      filename: 'invoice.pdf',
      title: 'Invoice',
      initial_comment: 'customer sent a document',
    });

    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(fake.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({ filename: 'invoice.pdf', length: String(bytes.length) });
    expect(fake.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({ channel_id: CHANNEL, thread_ts: root.ts, files: [{ title: 'Invoice' }] });
    const file = res.files[0].files[0];
    expect(file).toMatchObject({ title: 'Invoice', name: 'invoice.pdf', mimetype: 'application/pdf', size: bytes.length });

    const [reply] = fake.threadReplies(CHANNEL, root.ts as string);
    expect(reply).toMatchObject({ text: 'customer sent a document', files: [expect.objectContaining({ id: file.id })] });
    expect(fake.files()[0]?.content?.equals(bytes)).toBe(true);

    const download = await fetch(file.url_private, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('sends unauthenticated downloads to the HTML login page', async () => {
    const file = fake.addFile({ name: 'photo.jpg', content: Buffer.from([0xff, 0xd8, 0xff]) });
    const manual = await fetch(file.url_private_download, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    const followed = await fetch(file.url_private);
    expect(followed.status).toBe(200);
    expect(followed.headers.get('content-type')).toContain('text/html');
    expect(await followed.text()).toContain('Sign in');
  });

  it('answers an injected 429 with Retry-After, which the client surfaces as retryAfter', async () => {
    fake.failNext({ method: 'chat.postMessage', status: 429, retryAfterSeconds: 7 });
    const err = await rejection(clientFor(fake, { rejectRateLimitedCalls: true }).chat.postMessage({ channel: CHANNEL, text: 'x' }));
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBe(7);
    expect(fake.posted()).toEqual([]);

    fake.failNext({ status: 429, retryAfterSeconds: 3 });
    const raw = await fetch(`${fake.apiUrl}chat.postMessage`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('3');
    expect(await raw.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('lets a retrying client wait out Retry-After and succeed', async () => {
    fake.failNext({ method: 'chat.postMessage', status: 429, retryAfterSeconds: 1 });
    const res = await clientFor(fake, { retryConfig: { retries: 1, factor: 1, minTimeout: 0, maxTimeout: 0 } }).chat.postMessage({
      channel: CHANNEL,
      text: 'x',
    });
    expect(res.ok).toBe(true);
    const [first, second] = fake.postTimes(CHANNEL);
    expect((second as number) - (first as number)).toBeGreaterThanOrEqual(950);
  });

  it('consumes faults FIFO per method, `times` at a time', async () => {
    fake.failNext({ method: 'reactions.add', error: 'ratelimited' });
    fake.failNext({ method: 'chat.postMessage', error: 'fatal_error', times: 2 });
    for (let i = 0; i < 2; i++) {
      expect((await rejection(client.chat.postMessage({ channel: CHANNEL, text: 'x' }))).data.error).toBe('fatal_error');
    }
    await expect(client.chat.postMessage({ channel: CHANNEL, text: 'x' })).resolves.toMatchObject({ ok: true });
    expect((await rejection(client.reactions.add({ channel: CHANNEL, timestamp: '1.1', name: 'x' }))).data.error).toBe('ratelimited');
  });

  it('injects 5xx as an HTTP error and hangs to trigger client timeouts', async () => {
    fake.failNext({ method: 'chat.postMessage', status: 503 });
    const http = await rejection(client.chat.postMessage({ channel: CHANNEL, text: 'x' }));
    expect(http.code).toBe(ErrorCode.HTTPError);
    expect(http.statusCode).toBe(503);

    fake.failNext({ method: 'chat.postMessage', hangMs: 2000 });
    const timeout = await rejection(clientFor(fake, { timeout: 150 }).chat.postMessage({ channel: CHANNEL, text: 'x' }));
    expect(timeout.code).toBe(ErrorCode.RequestError);
  });

  it('reports unknown methods and unknown users like Slack', async () => {
    expect((await rejection(client.apiCall('nope.method'))).data.error).toBe('unknown_method');
    expect((await rejection(client.users.info({ user: 'U0NOBODY01' }))).data.error).toBe('user_not_found');
    fake.addUser('U0AGENT001', { name: 'maria', realName: 'Maria Agent' });
    const res: any = await client.users.info({ user: 'U0AGENT001' });
    expect(res.user.profile).toMatchObject({ real_name: 'Maria Agent', display_name: 'maria' });
  });

  it('opens, pushes and updates views', async () => {
    const view = {
      type: 'modal' as const,
      callback_id: 'wa_template',
      private_metadata: '{"c":1}',
      title: { type: 'plain_text' as const, text: 'Send template' },
      blocks: [],
    };
    const opened: any = await client.views.open({ trigger_id: '123.456.abc', view });
    expect(opened.view).toMatchObject({ type: 'modal', callback_id: 'wa_template', private_metadata: '{"c":1}', root_view_id: opened.view.id });
    const pushed: any = await client.views.push({ trigger_id: '123.456.def', view: { ...view, callback_id: 'step2' } });
    expect(pushed.view.previous_view_id).toBe(opened.view.id);
    await client.views.update({ view_id: opened.view.id, view: { ...view, private_metadata: 'updated' } });
    expect(fake.views().find((v) => v.id === opened.view.id)).toMatchObject({ private_metadata: 'updated', openedWith: { method: 'views.update' } });
    expect((await rejection(client.apiCall('views.open', { view }))).data.error).toBe('invalid_arguments');
  });

  it('accepts application/json bodies too', async () => {
    const res = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ channel: CHANNEL, text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: CHANNEL });
    expect(fake.posted()[0]?.blocks).toEqual([{ type: 'divider' }]);
  });

  it('records JSON POSTed to a response_url', async () => {
    const url = fake.newResponseUrl();
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'done' }) });
    expect(res.status).toBe(200);
    expect(fake.responses).toEqual([expect.objectContaining({ url, body: { text: 'done' } })]);
  });
});

describe('SlackSender against a real Bolt ExpressReceiver', () => {
  const SIGNING_SECRET = 'test-signing-secret';
  let fake: FakeSlackApi;
  let server: Server;
  let sender: SlackSender;
  const seen: { mentions: any[]; commands: any[]; actions: any[]; retryNums: Array<number | undefined> } = {
    mentions: [],
    commands: [],
    actions: [],
    retryNums: [],
  };

  beforeAll(async () => {
    fake = await FakeSlackApi.start({ botToken: TOKEN, botUserId: 'U0BOT00001', botId: 'B0BOT00001' });
    const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, processBeforeResponse: true, logLevel: LogLevel.ERROR });
    const app = new App({
      token: TOKEN,
      receiver,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.event('app_mention', async ({ event, context, say }) => {
      seen.mentions.push(event);
      seen.retryNums.push(context.retryNum);
      await say({ text: 'pong', thread_ts: event.ts });
    });
    app.command('/wa', async ({ command, ack, respond }) => {
      seen.commands.push(command);
      await ack('queued');
      await respond({ text: `sent to ${command.text}` });
    });
    app.action('approve', async ({ ack, action }) => {
      seen.actions.push(action);
      await ack();
    });
    server = receiver.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    sender = new SlackSender({ url, signingSecret: SIGNING_SECRET, botUserId: 'U0BOT00001', newResponseUrl: () => fake.newResponseUrl() });
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await fake.close();
  });

  it('delivers a signed app_mention that reaches the handler, whose say() hits the fake', async () => {
    const event = { ...loadSlackFixture('app_mention').event, channel: CHANNEL };
    const res = await sender.sendEvent(event, { eventId: 'Ev0TEST0001' });
    expect(res.status).toBe(200);
    expect(seen.mentions.at(-1)).toMatchObject({ type: 'app_mention', text: '<@W111> Hi there!' });
    expect(fake.posted(CHANNEL).at(-1)).toMatchObject({ text: 'pong', thread_ts: event.ts });
    expect(fake.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);
  });

  it('passes retry headers through to context.retryNum', async () => {
    const event = { ...loadSlackFixture('app_mention').event, channel: CHANNEL };
    expect((await sender.sendEvent(event, { retryNum: 2, retryReason: 'http_timeout' })).status).toBe(200);
    expect(seen.retryNums.at(-1)).toBe(2);
  });

  it('delivers a slash command whose ack body and respond() come back', async () => {
    const res = await sender.sendCommand({ command: '/wa', text: '+4915100000', user_id: 'U0AGENT001', channel_id: CHANNEL });
    expect(res).toMatchObject({ status: 200, body: 'queued' });
    expect(seen.commands.at(-1)).toMatchObject({ command: '/wa', text: '+4915100000', user_id: 'U0AGENT001', api_app_id: 'A0FAKEAPP' });
    expect(fake.responses.at(-1)?.body).toMatchObject({ text: 'sent to +4915100000' });
  });

  it('delivers interactivity as payload=<json>', async () => {
    const res = await sender.sendInteraction({
      type: 'block_actions',
      user: { id: 'U0AGENT001', username: 'maria', team_id: 'T0FAKETEAM' },
      api_app_id: 'A0FAKEAPP',
      team: { id: 'T0FAKETEAM', domain: 'fake-workspace' },
      channel: { id: CHANNEL, name: 'bridge' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: CHANNEL },
      trigger_id: '123.456.abc',
      response_url: fake.newResponseUrl(),
      actions: [{ action_id: 'approve', block_id: 'b1', value: 'yes', type: 'button', action_ts: '1700000001.000000' }],
    });
    expect(res.status).toBe(200);
    expect(seen.actions.at(-1)).toMatchObject({ action_id: 'approve', value: 'yes' });
  });

  it('is answered with 401 for a bad signature or a stale timestamp, without reaching handlers', async () => {
    const before = seen.mentions.length;
    const event = { ...loadSlackFixture('app_mention').event, channel: CHANNEL };
    expect((await sender.sendEvent(event, { badSignature: true })).status).toBe(401);
    expect((await sender.sendEvent(event, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 })).status).toBe(401);
    expect((await sender.sendCommand({ command: '/wa', text: 'x', user_id: 'U1', channel_id: CHANNEL }, { badSignature: true })).status).toBe(401);
    expect(seen.mentions.length).toBe(before);
  });

  it('gets the url_verification challenge echoed by Bolt', async () => {
    const res = await sender.sendUrlVerification('abc123');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'abc123' });
  });
});
