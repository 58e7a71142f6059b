/**
 * The fake Slack's Socket Mode (slack/socket-mode.ts) against Slack's rules, and the bridge's Socket Mode transport
 * (adapters/slack/receiver.ts) on it with the real Bolt and @slack/socket-mode: apps.connections.open takes only the
 * app-level token in the Authorization header; a ticket opens one connection; hello comes first; envelopes are
 * answered by acks; and the bridge acknowledges an envelope only once its listener is done (a failure leaves it
 * unacknowledged, so Slack sends it again).
 */
import { App } from '@slack/bolt';
import { WebSocket } from 'ws';
import { createSlackTransport, type SlackTransport } from '../../adapters/slack/receiver';
import { createLogger } from '../../src/logger';
import { loadSlackFixture } from '../fixtures/slack';
import { FakeSlackApi } from './slack-api';

const CHANNEL = 'C0SOCKET01';
const eventually = async <T>(check: () => T, ms = 10_000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
};

let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await FakeSlackApi.start();
});
afterAll(async () => {
  await fake.close();
});

async function open(token: string, opts: { asArgument?: boolean } = {}): Promise<{ ok: boolean; url?: string; error?: string }> {
  const res = await fetch(`${fake.apiUrl}apps.connections.open`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(opts.asArgument ? {} : { Authorization: `Bearer ${token}` }) },
    body: opts.asArgument ? `token=${token}` : '',
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; url?: string; error?: string };
}

/** Connects a plain WebSocket client; resolves with it and the messages it receives (parsed). */
function connect(url: string): Promise<{ ws: WebSocket; received: any[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const received: any[] = [];
    ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8'))));
    ws.once('open', () => resolve({ ws, received }));
    ws.once('error', reject);
  });
}

describe('apps.connections.open', () => {
  test('the app-level token in the Authorization header gets a one-time ws URL with a ticket and the app id', async () => {
    const res = await open(fake.appToken);
    expect(res.ok).toBe(true);
    expect(res.url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/link/\\?ticket=[0-9a-f-]+&app_id=${fake.appId}$`));
  });

  test.each([
    ['the bot token', () => open(fake.botToken), 'not_allowed_token_type'],
    ['an unknown token', () => open('xapp-1-A0OTHER-1-nope'), 'invalid_auth'],
    ['the app token as a POST argument (the method wants the header)', () => open(fake.appToken, { asArgument: true }), 'not_authed'],
  ])('%s is refused', async (_what, call, error) => {
    expect(await call()).toEqual({ ok: false, error });
  });

  test('the app-level token is refused by the bot’s methods', async () => {
    const res = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${fake.appToken}` },
      body: `channel=${CHANNEL}&text=hi`,
    });
    expect(await res.json()).toEqual({ ok: false, error: 'not_allowed_token_type' });
  });
});

describe('the WebSocket', () => {
  test('hello first; an envelope is answered by its ack; a message without a known envelope id is stray; disconnect carries its reason', async () => {
    const { url } = await open(fake.appToken);
    const { ws, received } = await connect(url!);
    try {
      await eventually(() =>
        expect(received[0]).toEqual({
          type: 'hello',
          num_connections: 1,
          debug_info: expect.objectContaining({ host: expect.any(String) }),
          connection_info: { app_id: fake.appId },
        }),
      );
      const acked = fake.socketMode.deliver('slash_commands', { command: '/wa', text: 'help' });
      const envelope = await eventually(() => {
        expect(received).toHaveLength(2);
        return received[1];
      });
      expect(envelope).toEqual({
        envelope_id: expect.any(String),
        type: 'slash_commands',
        payload: { command: '/wa', text: 'help' },
        accepts_response_payload: true,
      });
      ws.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload: { text: 'ok' } }));
      expect(await acked).toMatchObject({ envelope_id: envelope.envelope_id, payload: { text: 'ok' } });

      ws.send(JSON.stringify({ envelope_id: 'never-sent' }));
      await eventually(() => expect(fake.socketMode.stray).toContain('{"envelope_id":"never-sent"}'));

      fake.socketMode.disconnect('warning');
      await eventually(() => expect(received.at(-1)).toEqual({ type: 'disconnect', reason: 'warning', debug_info: { host: expect.any(String) } }));
    } finally {
      ws.close();
    }
  });

  test('an events_api envelope carries retry_attempt and retry_reason; no ack in time resolves to undefined', async () => {
    const { url } = await open(fake.appToken);
    const { ws, received } = await connect(url!);
    try {
      const ack = await fake.socketMode.deliver('events_api', { type: 'event_callback' }, { retryAttempt: 2, retryReason: 'timeout', ackTimeoutMs: 200 });
      expect(ack).toBeUndefined();
      expect(received.at(-1)).toMatchObject({ type: 'events_api', accepts_response_payload: false, retry_attempt: 2, retry_reason: 'timeout' });
    } finally {
      ws.close();
    }
  });

  test('a ticket opens one connection only, and an unknown one none', async () => {
    const { url } = await open(fake.appToken);
    const first = await connect(url!);
    first.ws.close();
    await expect(connect(url!)).rejects.toThrow(/401/);
    await expect(connect(url!.replace(/ticket=[^&]+/, 'ticket=made-up'))).rejects.toThrow(/401/);
  });
});

describe('the bridge’s Socket Mode transport on the fake', () => {
  let transport: SlackTransport;
  let release: () => void = () => undefined;
  let failNext = false;
  const handled: string[] = [];

  beforeAll(async () => {
    const log = createLogger('silent');
    transport = createSlackTransport({ appToken: fake.appToken, apiUrl: fake.apiUrl, log });
    const app = new App({ token: fake.botToken, botId: fake.botId, botUserId: fake.botUserId, receiver: transport.receiver, socketMode: true });
    app.event('app_mention', async ({ event }) => {
      if (failNext) {
        failNext = false;
        throw new Error('the database is away');
      }
      await new Promise<void>((r) => (release = r));
      handled.push(event.text);
    });
    app.command('/wa', async ({ ack }) => {
      await ack({ response_type: 'ephemeral', text: 'the answer' });
    });
    app.error(async (err) => {
      throw err;
    });
    await transport.start();
    expect(transport.connected()).toBe(true);
  });
  afterAll(async () => {
    await transport.stop();
    expect(transport.connected()).toBe(false);
  });

  const mention = (text: string) => {
    const body = loadSlackFixture('app_mention');
    body.event = { ...body.event, channel: CHANNEL, text };
    return body as Record<string, unknown>;
  };

  test('an event is acknowledged only once its listener has finished', async () => {
    const acked = fake.socketMode.deliver('events_api', mention('<@W111> first'));
    const envelope = await eventually(() => {
      const e = fake.socketMode.envelopes.at(-1)!;
      expect((e.payload.event as { text: string }).text).toBe('<@W111> first');
      return e;
    });
    // The listener is still waiting: nothing acknowledged yet.
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.socketMode.acks.some((a) => a.envelope_id === envelope.envelope_id)).toBe(false);
    release();
    expect(await acked).toMatchObject({ envelope_id: envelope.envelope_id });
    expect(handled).toEqual(['<@W111> first']);
  });

  test('a listener that fails leaves the envelope unacknowledged; Slack’s redelivery is acknowledged', async () => {
    failNext = true;
    expect(await fake.socketMode.deliver('events_api', mention('<@W111> again'), { ackTimeoutMs: 1500 })).toBeUndefined();
    const redelivered = fake.socketMode.deliver('events_api', mention('<@W111> again'), { retryAttempt: 1, retryReason: 'timeout' });
    await eventually(() => expect(fake.socketMode.envelopes.at(-1)!.retry_attempt).toBe(1));
    await eventually(() => {
      release();
      expect(handled).toContain('<@W111> again');
    });
    expect(await redelivered).toBeDefined();
  });

  test('a command’s ack carries the answer as its payload', async () => {
    const ack = await fake.socketMode.deliver('slash_commands', { ...loadSlackFixture('slash_command').fields, command: '/wa', text: 'help' });
    expect(ack?.payload).toEqual({ response_type: 'ephemeral', text: 'the answer' });
  });
});
