/**
 * A real bridge (real express routes, real Bolt, real mongoose on a real MongoDB-wire server) wired to
 * the local fakes of the Graph API and the Slack Web API. Requests carry real signatures. With `socketMode`, the
 * bridge runs with SLACK_APP_TOKEN and no signing secret, and Slack's deliveries go over the fake's WebSocket.
 */
import { startBridge, type BridgeOptions, type RunningBridge } from '../../src/bridge';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { FakeGraphApi } from '../fakes/graph-api';
import { escapeLikeMeta, signMetaBody } from '../fakes/meta-signature';
import { FakeSlackApi } from '../fakes/slack-api';
import { SlackSender } from '../fakes/slack-sender';
import { SocketModeSender } from '../fakes/slack/socket-sender';
import { FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID } from '../fixtures/whatsapp';
import { testMongoUri, uniqueDbName } from './mongo';

export const APP_SECRET = 'test-meta-app-secret';
export const VERIFY_TOKEN = 'test-verify-token';
export const SIGNING_SECRET = 'test-slack-signing-secret';
export const CHANNEL = 'C0SUPPORT1';
export const NOTIFY = ['U0NOTIFY1', 'U0NOTIFY2'];
export const AGENT = 'U0AGENT01';

export interface Harness {
  graph: FakeGraphApi;
  slack: FakeSlackApi;
  bridge: RunningBridge;
  /** Delivers Slack's requests: signed POSTs to /slack/events, or envelopes on the socket (a SocketModeSender). */
  sender: SlackSender;
  config: Config;
  dbName: string;
  /** POSTs a webhook body to /webhooks/whatsapp, signed like Meta (over the escaped bytes). */
  postWebhook(body: unknown, opts?: { signature?: string | null; raw?: string }): Promise<Response>;
  /** A person's reply in a Slack thread, delivered as a signed Events API request. */
  agentReplies(
    threadTs: string,
    text: string,
    opts?: { user?: string; ts?: string; eventId?: string; retryNum?: number },
  ): Promise<{ status: number; ts: string }>;
  /** Waits until `check` passes (polling), failing with its last error after `ms`. */
  eventually<T>(check: () => T | Promise<T>, ms?: number): Promise<T>;
  close(): Promise<void>;
}

let tsCounter = 0;
/** Like Slack's own ts: seconds and microseconds (here milliseconds plus a counter, so ts values never repeat). */
export const slackTs = () => {
  const now = Date.now();
  return `${Math.floor(now / 1000)}.${String(now % 1000).padStart(3, '0')}${String(++tsCounter % 1000).padStart(3, '0')}`;
};

/** A person's reply in a bridged thread of CHANNEL, as Slack's Events API delivers it (`message` in a thread). */
export function threadReplyEvent(slack: FakeSlackApi, m: { user: string; text: string; ts: string; threadTs: string }) {
  return {
    type: 'message',
    channel: CHANNEL,
    user: m.user,
    text: m.text,
    ts: m.ts,
    thread_ts: m.threadTs,
    parent_user_id: slack.botUserId,
    channel_type: 'channel',
    event_ts: m.ts,
    team: slack.teamId,
  };
}

/**
 * Waits until `check` passes, polling every 50 ms. The default deadline only bounds a hang: on a busy 2-core machine
 * (a full `npm test` beside other work) a state that takes 1 s idle has taken more than 10 s.
 */
export async function eventually<T>(check: () => T | Promise<T>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw last;
}

export function testEnv(graph: FakeGraphApi, slack: FakeSlackApi, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG ?? 'silent',
    MONGODB_URI: testMongoUri(),
    WHATSAPP_PHONE_NUMBER_ID: FIXTURE_PHONE_NUMBER_ID,
    WHATSAPP_BUSINESS_ACCOUNT_ID: FIXTURE_WABA_ID,
    WHATSAPP_ACCESS_TOKEN: 'test-access-token',
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    GRAPH_API_URL: graph.url,
    GRAPH_API_VERSION: 'v23.0',
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_CHANNEL_ID: CHANNEL,
    SLACK_NOTIFY_USERS: NOTIFY.join(','),
    SLACK_API_URL: slack.apiUrl,
    // Tests should not wait a second between posts unless they measure pacing.
    SLACK_POSTS_PER_SECOND_PER_CHANNEL: '10',
    // Tests read /wa answers from the acknowledgement: a loaded machine must not turn them into late answers.
    SLACK_COMMAND_ACK_MS: '20000',
    ...extra,
  };
}

export async function startHarness(
  label: string,
  opts: {
    env?: Record<string, string>;
    bridge?: BridgeOptions;
    beforeStart?: (fakes: { graph: FakeGraphApi; slack: FakeSlackApi }) => void;
    waitForAdapters?: boolean;
    logLines?: string[];
    /** Slack over Socket Mode: SLACK_APP_TOKEN set, SLACK_SIGNING_SECRET unset, nothing served at /slack/events. */
    socketMode?: boolean;
  } = {},
): Promise<Harness> {
  const graph = await FakeGraphApi.start();
  const slack = await FakeSlackApi.start();
  slack.addUser(AGENT, { name: 'ana', realName: 'Ana Agent' });
  opts.beforeStart?.({ graph, slack });
  const env = opts.socketMode ? { SLACK_APP_TOKEN: slack.appToken, SLACK_SIGNING_SECRET: '', ...opts.env } : opts.env;
  const config = loadConfig(testEnv(graph, slack, env));
  const dbName = uniqueDbName(label);
  const log = opts.logLines ? createLogger(config.logLevel, { write: (line: string) => void opts.logLines!.push(line) }) : createLogger(config.logLevel);
  const bridge = await startBridge(config, log, {
    dbName,
    startRetryMs: { slack: 100 },
    outbox: { pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 2000 },
    ...opts.bridge,
  });
  if (opts.waitForAdapters !== false) await bridge.adaptersStarted;
  const senderOptions = {
    url: `${bridge.url}/slack/events`,
    signingSecret: SIGNING_SECRET,
    teamId: slack.teamId,
    botUserId: slack.botUserId,
    newResponseUrl: () => slack.newResponseUrl(),
  };
  const sender = opts.socketMode ? new SocketModeSender(senderOptions, slack.socketMode) : new SlackSender(senderOptions);

  const postWebhook: Harness['postWebhook'] = (body, o = {}) => {
    const raw = o.raw ?? escapeLikeMeta(JSON.stringify(body));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const signature = o.signature === undefined ? signMetaBody(raw, APP_SECRET) : o.signature;
    if (signature !== null) headers['x-hub-signature-256'] = signature;
    return fetch(`${bridge.url}/webhooks/whatsapp`, { method: 'POST', headers, body: raw });
  };

  const agentReplies: Harness['agentReplies'] = async (threadTs, text, o = {}) => {
    const ts = o.ts ?? slackTs();
    const event = threadReplyEvent(slack, { user: o.user ?? AGENT, text, ts, threadTs });
    // In real Slack the person's message exists before the event is sent; the fake needs it for reactions.
    if (!slack.findMessage(CHANNEL, ts)) slack.addMessage(CHANNEL, { ts, text, user: o.user ?? AGENT, thread_ts: threadTs });
    const res = await sender.sendEvent(event, { eventId: o.eventId, retryNum: o.retryNum, retryReason: o.retryNum ? 'http_timeout' : undefined });
    return { status: res.status, ts };
  };

  return {
    graph,
    slack,
    bridge,
    sender,
    config,
    dbName,
    postWebhook,
    agentReplies,
    eventually,
    close: async () => {
      await bridge.stop();
      await Promise.all([graph.close(), slack.close()]);
    },
  };
}
