/**
 * A real bridge wired to the fake Discord (REST + gateway, driven by the real discord.js client) and the
 * fake Graph API; optionally to the fake Slack Web API too, for both platforms at once.
 */
import type { APIMessage, APIThreadChannel } from 'discord.js';
import { startBridge, type BridgeOptions, type RunningBridge } from '../../src/bridge';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { FakeDiscord } from '../fakes/discord';
import { FakeGraphApi } from '../fakes/graph-api';
import { escapeLikeMeta, signMetaBody } from '../fakes/meta-signature';
import type { FakeSlackApi } from '../fakes/slack-api';
import { APP_SECRET, eventually, startHarness, testEnv, type Harness } from './harness';
import { uniqueDbName } from './mongo';

export const DISCORD_TEXT_CHANNEL = '1110000000000000001';
export const DISCORD_FORUM_CHANNEL = '1110000000000000002';
export const DISCORD_CLOSED_TAG = '1110000000000000077';
/** A channel the bridge is not configured for. */
export const DISCORD_OTHER_CHANNEL = '1110000000000000003';
export const DISCORD_NOTIFY = ['300000000000000101', '300000000000000102'];
export const DISCORD_AGENT = { id: '300000000000000042', username: 'agent.bob', globalName: 'Bob Agent' };

export interface DiscordHarness {
  fake: FakeDiscord;
  graph: FakeGraphApi;
  bridge: RunningBridge;
  config: Config;
  /** The configured DISCORD_CHANNEL_ID (text or forum). */
  channelId: string;
  /** The Slack side, when started with `slack: true`. */
  slack?: Harness;
  postWebhook(body: unknown): Promise<Response>;
  /** A person writes in a Discord channel or thread: MESSAGE_CREATE over the gateway. */
  agentSays(channelId: string, content: string, user?: { id?: string; username?: string; globalName?: string | null }): APIMessage;
  /** Threads (or forum posts) under the configured channel. */
  threads(): APIThreadChannel[];
  /** Waits for the one thread of the configured channel holding at least `minMessages` messages. */
  thread(minMessages?: number): Promise<APIThreadChannel>;
  /** Contents of the messages in a thread, oldest first. */
  contents(threadId: string): string[];
  eventually<T>(check: () => T | Promise<T>, ms?: number): Promise<T>;
  close(): Promise<void>;
}

export interface DiscordHarnessOptions {
  /** Route the number to a forum channel instead of a text channel. */
  forum?: boolean;
  /** Configure Slack too (the regular harness with Discord added). */
  slack?: boolean;
  env?: Record<string, string>;
  bridge?: BridgeOptions;
}

const BRIDGE_OPTIONS: BridgeOptions = { startRetryMs: { slack: 100 }, outbox: { pollMs: 50, baseBackoffMs: 50, maxBackoffMs: 2000 } };

export function discordEnv(fake: FakeDiscord, channelId: string): Record<string, string> {
  return {
    DISCORD_BOT_TOKEN: fake.botToken,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_CHANNEL_ID: channelId,
    DISCORD_NOTIFY_USERS: DISCORD_NOTIFY.join(','),
    DISCORD_API_URL: fake.apiUrl,
  };
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start();
  fake.addTextChannel(DISCORD_TEXT_CHANNEL, 'wa-inbox');
  // A forum with a "Closed" tag (Discord's Forum Tag object): a closed conversation's post gets it.
  fake.addForumChannel(DISCORD_FORUM_CHANNEL, 'wa-conversations', {
    available_tags: [{ id: DISCORD_CLOSED_TAG, name: 'Closed', moderated: false, emoji_id: null, emoji_name: '✅' }],
  });
  fake.addTextChannel(DISCORD_OTHER_CHANNEL, 'general');
  // Members of the server, so their mentions resolve like in a real guild.
  for (const [i, id] of DISCORD_NOTIFY.entries()) fake.state.human({ id, username: `notify.${i + 1}`, globalName: `Notify ${i + 1}` });
  fake.state.human(DISCORD_AGENT);
  return fake;
}

export async function startDiscordHarness(label: string, opts: DiscordHarnessOptions = {}): Promise<DiscordHarness> {
  const fake = await startFakeDiscord();
  const channelId = opts.forum ? DISCORD_FORUM_CHANNEL : DISCORD_TEXT_CHANNEL;
  const env = { ...discordEnv(fake, channelId), ...opts.env };

  let slack: Harness | undefined;
  let graph: FakeGraphApi;
  let bridge: RunningBridge;
  let config: Config;
  let postWebhook: DiscordHarness['postWebhook'];
  if (opts.slack) {
    slack = await startHarness(label, { env, bridge: opts.bridge });
    ({ graph, bridge, config, postWebhook } = slack);
  } else {
    graph = await FakeGraphApi.start();
    // The regular test environment without its Slack variables: Discord is the only chat side.
    const noSlack = { botToken: 'unused', apiUrl: 'http://127.0.0.1:9/' } as FakeSlackApi;
    const base = Object.fromEntries(Object.entries(testEnv(graph, noSlack)).filter(([k]) => !k.startsWith('SLACK_')));
    config = loadConfig({ ...base, ...env });
    bridge = await startBridge(config, createLogger(config.logLevel), { dbName: uniqueDbName(label), ...BRIDGE_OPTIONS, ...opts.bridge });
    await bridge.adaptersStarted;
    const url = bridge.url;
    postWebhook = (body) => {
      const raw = escapeLikeMeta(JSON.stringify(body));
      return fetch(`${url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(raw, APP_SECRET) },
        body: raw,
      });
    };
  }

  const threads = () => fake.threadsOf(channelId);
  return {
    fake,
    graph,
    bridge,
    config,
    channelId,
    slack,
    postWebhook,
    agentSays: (where, content, user = DISCORD_AGENT) => fake.userSays({ channelId: where, content, user }),
    threads,
    thread: (minMessages = 1) =>
      eventually(() => {
        expect(threads()).toHaveLength(1);
        const t = threads()[0]!;
        expect(fake.messagesIn(t.id).length).toBeGreaterThanOrEqual(minMessages);
        return t;
      }),
    contents: (threadId) => fake.messagesIn(threadId).map((m) => m.content),
    eventually,
    close: async () => {
      if (slack) await slack.close();
      else {
        await bridge.stop();
        await graph.close();
      }
      await fake.close();
    },
  };
}
