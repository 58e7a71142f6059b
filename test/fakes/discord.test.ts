/**
 * Drives FakeDiscord with the REAL discord.js 14 client (no jest.mock): login over REST + gateway,
 * threads, forum posts, archived threads, webhooks, slash commands, rate limits and gateway resumes.
 */
import { once } from 'node:events';
import {
  ApplicationCommandOptionType,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  ForumChannel,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  TextChannel,
  ThreadAutoArchiveDuration,
  WebhookClient,
  type ClientEvents,
  type Interaction,
  type Message,
  type ThreadChannel,
} from 'discord.js';
import WebSocket from 'ws';
import gatewayBotExample from '../fixtures/discord/gateway-bot.example.json';
import textChannelExample from '../fixtures/discord/guild-text-channel.example.json';
import helloExample from '../fixtures/discord/hello.example.json';
import messageExample from '../fixtures/discord/message.example.json';
import rateLimitExample from '../fixtures/discord/rate-limit-429.example.json';
import slashInteractionExample from '../fixtures/discord/slash-command-interaction.example.json';
import threadExample from '../fixtures/discord/thread-channel.example.json';
import { FakeDiscord } from './discord';

const TEXT_ID = '1110000000000000001';
const FORUM_ID = '1110000000000000002';
const T = 15_000;

/** Resolves with the first `event` whose args satisfy `pred`, or rejects after `timeoutMs`. */
function nextEvent<E extends keyof ClientEvents>(
  client: Client,
  event: E,
  pred: (...args: ClientEvents[E]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<ClientEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`timed out waiting for ${String(event)}`));
    }, timeoutMs);
    const listener = (...args: ClientEvents[E]) => {
      if (!pred(...args)) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args);
    };
    client.on(event, listener);
  });
}

/** Dotted paths of every key in `example` (objects only, not arrays) that `actual` lacks. */
function missingKeys(example: unknown, actual: unknown, prefix = ''): string[] {
  if (!example || typeof example !== 'object' || Array.isArray(example)) return [];
  const act = (actual ?? {}) as Record<string, unknown>;
  return Object.entries(example as Record<string, unknown>).flatMap(([k, v]) => (k in act ? missingKeys(v, act[k], `${prefix}${k}.`) : [`${prefix}${k}`]));
}

async function expectApiError(p: Promise<unknown>, status: number, code: number): Promise<DiscordAPIError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DiscordAPIError);
  expect((err as DiscordAPIError).status).toBe(status);
  expect((err as DiscordAPIError).code).toBe(code);
  return err as DiscordAPIError;
}

describe('FakeDiscord driven by the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let text: TextChannel;
  let forum: ForumChannel;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    fake.addTextChannel(TEXT_ID, 'wa-inbox');
    fake.addForumChannel(FORUM_ID, 'wa-conversations');
    client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
      rest: { api: fake.apiUrl, retries: 1, timeout: 2000 },
    });
    client.on(Events.ShardError, () => undefined); // expected during the outage test
    const ready = once(client, Events.ClientReady);
    await client.login(fake.botToken);
    await ready;
    text = client.channels.cache.get(TEXT_ID) as TextChannel;
    forum = client.channels.cache.get(FORUM_ID) as ForumChannel;
  }, T);

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  afterEach(() => fake.reset());

  it('logs in: GET /gateway/bot, IDENTIFY (intents 33281), READY + GUILD_CREATE → clientReady', () => {
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: fake.botToken, intents: 33281, compress: false, shard: [0, 1] });
    const gw = fake.calls.find((c) => c.route === '/gateway/bot')!;
    expect(gw).toMatchObject({ method: 'GET', path: '/api/v10/gateway/bot', status: 200 });
    expect(gw.headers.authorization).toBe(`Bot ${fake.botToken}`);
    expect(fake.gateway.connections).toEqual(['/?v=10&encoding=json']);
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.user?.bot).toBe(true);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId)!;
    expect(guild.available).toBe(true);
    expect(guild.roles.everyone.id).toBe(fake.guildId);
    expect(guild.members.me?.id).toBe(fake.botUserId);
    expect(text).toBeInstanceOf(TextChannel);
    expect(forum).toBeInstanceOf(ForumChannel);
  });

  it(
    'creates a thread in a text channel, sends into it, and sees its own MESSAGE_CREATE',
    async () => {
      const thread = await text.threads.create({
        name: 'WA +49 151 1234567',
        autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
        type: ChannelType.PublicThread,
      });
      expect(thread.parentId).toBe(TEXT_ID);
      expect(fake.threadsOf(TEXT_ID).map((t) => t.id)).toEqual([thread.id]);
      expect(fake.calls.at(-1)).toMatchObject({
        method: 'POST',
        route: `/channels/${TEXT_ID}/threads`,
        body: { name: 'WA +49 151 1234567', auto_archive_duration: 1440, type: 11 },
      });

      const echo = nextEvent(client, Events.MessageCreate, (m) => m.channelId === thread.id);
      const sent = await thread.send('Hello from WhatsApp');
      const [seen] = await echo;
      expect(seen.id).toBe(sent.id);
      expect(seen.author.id).toBe(fake.botUserId);
      expect(seen.author.bot).toBe(true);
      expect(fake.messagesIn(thread.id)).toMatchObject([{ id: sent.id, content: 'Hello from WhatsApp', author: { id: fake.botUserId } }]);
    },
    T,
  );

  it(
    'rejects auto_archive_duration outside 60/1440/4320/10080 with 50035',
    async () => {
      const err = await expectApiError(client.rest.post(Routes.threads(TEXT_ID), { body: { name: 'x', auto_archive_duration: 30, type: 11 } }), 400, 50035);
      expect(err.rawError).toMatchObject({ errors: { auto_archive_duration: { _errors: [{ code: 'BASE_TYPE_CHOICES' }] } } });
    },
    T,
  );

  it(
    'starts a thread from a message (thread id = message id)',
    async () => {
      const root = await text.send('New conversation');
      const thread = await root.startThread({ name: 'from message', autoArchiveDuration: ThreadAutoArchiveDuration.OneHour });
      expect(thread.id).toBe(root.id);
      expect(fake.channel(thread.id)).toMatchObject({ parent_id: TEXT_ID, type: 11 });
    },
    T,
  );

  it(
    'creates a forum post with a starter message and an uploaded attachment',
    async () => {
      const created = nextEvent(client, Events.MessageCreate, (m) => m.channel.isThread() && m.channel.parentId === FORUM_ID);
      const post = await forum.threads.create({
        name: 'Customer +55 11 91234-5678',
        autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
        message: { content: 'First message', files: [{ attachment: Buffer.from('hello pdf'), name: 'invoice.pdf' }] },
      });
      expect(post.parentId).toBe(FORUM_ID);
      const [starter] = await created;
      expect(starter.id).toBe(post.id); // forum starter message id = thread id
      const stored = fake.messagesIn(post.id);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.attachments[0]).toMatchObject({ filename: 'invoice.pdf', size: 9, content_type: 'application/pdf' });
      const call = fake.calls.find((c) => c.route === `/channels/${FORUM_ID}/threads`)!;
      expect(call.files).toEqual([{ field: 'files[0]', filename: 'invoice.pdf', contentType: 'application/octet-stream', size: 9 }]);
      const res = await fetch(stored[0]!.attachments[0]!.url);
      expect(await res.text()).toBe('hello pdf');
      await expectApiError(forum.client.rest.post(Routes.channelMessages(FORUM_ID), { body: { content: 'x' } }), 400, 50008);
    },
    T,
  );

  it(
    'sending into an archived thread unarchives it; archived + locked gives 50083',
    async () => {
      const thread = await text.threads.create({ name: 'archived one', type: ChannelType.PublicThread });
      const archivedSeen = nextEvent(client, Events.ThreadUpdate, (_o, n) => n.id === thread.id && n.archived === true);
      fake.setThreadState(thread.id, { archived: true });
      await archivedSeen;
      expect(thread.archived).toBe(true);

      const unarchivedSeen = nextEvent(client, Events.ThreadUpdate, (_o, n) => n.id === thread.id && n.archived === false);
      await thread.send('wake up');
      await unarchivedSeen;
      expect(fake.channel(thread.id)).toMatchObject({ thread_metadata: { archived: false } });

      fake.setThreadState(thread.id, { archived: true, locked: true });
      await expectApiError(client.rest.post(Routes.channelMessages(thread.id), { body: { content: 'nope' } }), 403, 50083);
      const reopened = await (thread as ThreadChannel).edit({ archived: false, locked: false });
      expect(reopened.archived).toBe(false);
      expect(fake.calls.at(-1)).toMatchObject({ method: 'PATCH', route: `/channels/${thread.id}`, body: { archived: false, locked: false } });
    },
    T,
  );

  it(
    'edits, reacts to and deletes messages (MESSAGE_UPDATE / MESSAGE_DELETE); lists archived threads',
    async () => {
      const msg = await text.send('draft');
      const updated = nextEvent(client, Events.MessageUpdate, (_o, n) => n.id === msg.id);
      await msg.edit('final');
      await updated;
      expect(fake.messagesIn(TEXT_ID).find((m) => m.id === msg.id)).toMatchObject({ content: 'final', edited_timestamp: expect.any(String) });
      await msg.react('✅');
      expect(fake.calls.at(-1)).toMatchObject({ method: 'PUT', route: `/channels/${TEXT_ID}/messages/${msg.id}/reactions/✅/@me`, status: 204 });
      expect(fake.messagesIn(TEXT_ID).find((m) => m.id === msg.id)?.reactions).toMatchObject([{ count: 1, me: true, emoji: { id: null, name: '✅' } }]);
      const deleted = nextEvent(client, Events.MessageDelete, (m) => m.id === msg.id);
      await msg.delete();
      await deleted;
      expect(fake.messagesIn(TEXT_ID).some((m) => m.id === msg.id)).toBe(false);

      const old = await text.threads.create({ name: 'old conversation', type: ChannelType.PublicThread });
      fake.setThreadState(old.id, { archived: true });
      const { threads } = await text.threads.fetchArchived({ type: 'public' });
      expect(threads.has(old.id)).toBe(true);
    },
    T,
  );

  it(
    'answers with documented rate-limit headers, and 429 bodies per rate-limits.mdx',
    async () => {
      const auth = { authorization: `Bot ${fake.botToken}` };
      const ok = await fetch(`${fake.apiUrl}/v10/channels/${TEXT_ID}`, { headers: auth });
      expect(ok.status).toBe(200);
      for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-reset-after', 'x-ratelimit-bucket']) {
        expect(ok.headers.get(h)).toBeTruthy();
      }
      fake.failNext({ status: 429, retryAfterSeconds: 2.5, global: true });
      const limited = await fetch(`${fake.apiUrl}/v10/channels/${TEXT_ID}`, { headers: auth });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2.5');
      expect(limited.headers.get('x-ratelimit-global')).toBe('true');
      expect(limited.headers.get('x-ratelimit-scope')).toBe('global');
      expect(await limited.json()).toEqual({ message: 'You are being rate limited.', retry_after: 2.5, global: true });
      const unknown = await fetch(`${fake.apiUrl}/v10/channels/999`, { headers: auth });
      expect([unknown.status, await unknown.json()]).toEqual([404, { message: 'Unknown Channel', code: 10003 }]);
    },
    T,
  );

  it(
    'emits every field of the discord-api-docs example payloads (test/fixtures/discord)',
    async () => {
      const msg = await text.send('shape check');
      await msg.react('🔥');
      expect(
        missingKeys(
          messageExample,
          fake.messagesIn(TEXT_ID).find((m) => m.id === msg.id),
        ),
      ).toEqual([]);
      const thread = await text.threads.create({ name: 'shape thread', type: ChannelType.PublicThread });
      expect(missingKeys(threadExample, fake.channel(thread.id))).toEqual([]);
      expect(missingKeys(textChannelExample, fake.channel(TEXT_ID))).toEqual([]);
      const gatewayBot = await (await fetch(`${fake.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${fake.botToken}` } })).json();
      expect(missingKeys(gatewayBotExample, gatewayBot)).toEqual([]);
      const got = nextEvent(client, Events.InteractionCreate);
      const rec = fake.interaction({ name: 'wa', options: { phone: '+4915112345678' }, channelId: TEXT_ID });
      await got;
      // `member.is_pending` is in the example but not in the documented guild member structure
      expect(missingKeys(slashInteractionExample, rec.payload)).toEqual(['member.is_pending']);
      fake.failNext({ status: 429, retryAfterSeconds: 1 });
      const limited = await fetch(`${fake.apiUrl}/v10/channels/${TEXT_ID}`, { headers: { authorization: `Bot ${fake.botToken}` } });
      expect(Object.keys(rateLimitExample.headers).filter((h) => !limited.headers.has(h))).toEqual([]);
      expect(missingKeys(rateLimitExample.body, await limited.json())).toEqual([]);
    },
    T,
  );

  it(
    'a human message (with attachment) arrives as messageCreate',
    async () => {
      const got = nextEvent(client, Events.MessageCreate, (m) => !m.author.bot);
      fake.userSays({
        channelId: TEXT_ID,
        content: 'please reply to the customer',
        user: { id: '300000000000000042', username: 'agent.bob' },
        attachments: [{ filename: 'a.png', content: Buffer.from([1, 2, 3]), contentType: 'image/png' }],
      });
      const [msg] = (await got) as [Message];
      expect(msg.content).toBe('please reply to the customer');
      expect(msg.author).toMatchObject({ id: '300000000000000042', username: 'agent.bob', bot: false });
      expect(msg.member?.id).toBe('300000000000000042');
      expect(msg.webhookId).toBeNull();
      const att = msg.attachments.first()!;
      expect(att).toMatchObject({ name: 'a.png', size: 3, contentType: 'image/png' });
      expect(Buffer.from(await (await fetch(att.url)).arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
    },
    T,
  );

  it(
    'webhook messages into a thread carry webhook_id',
    async () => {
      const thread = await text.threads.create({ name: 'webhook thread', type: ChannelType.PublicThread });
      const hook = await text.createWebhook({ name: 'WhatsApp' });
      const wh = new WebhookClient({ id: hook.id, token: hook.token! }, { rest: { api: fake.apiUrl, retries: 0, timeout: 2000 } });
      try {
        const seen = nextEvent(client, Events.MessageCreate, (m) => m.channelId === thread.id);
        const raw = await wh.send({ content: 'Hi, I need help', username: 'Maria (+55 11 91234-5678)', threadId: thread.id });
        expect(raw).toMatchObject({ webhook_id: hook.id, channel_id: thread.id, author: { username: 'Maria (+55 11 91234-5678)', bot: true } });
        const [msg] = await seen;
        expect(msg.webhookId).toBe(hook.id);
        const call = fake.calls.find((c) => c.route === `/webhooks/${hook.id}/${hook.token}`)!;
        expect(call.query).toEqual({ wait: 'true', thread_id: thread.id });
        expect(call.headers.authorization).toBeUndefined();
      } finally {
        wh.destroy();
      }
    },
    T,
  );

  it(
    'registers guild commands by bulk overwrite',
    async () => {
      const cmds = await client.application!.commands.set(
        [
          {
            name: 'wa',
            description: 'WhatsApp tools',
            options: [{ type: ApplicationCommandOptionType.String, name: 'phone', description: 'E.164 number', required: true, autocomplete: true }],
          },
        ],
        fake.guildId,
      );
      const registered = fake.registeredCommands() as Array<{ id: string; name: string }>;
      expect(registered).toHaveLength(1);
      expect(cmds.first()!.id).toBe(registered[0]!.id);
      expect(fake.calls.at(-1)).toMatchObject({ method: 'PUT', route: `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands` });
    },
    T,
  );

  it(
    'INTERACTION_CREATE → ChatInputCommandInteraction; ephemeral reply reaches the callback',
    async () => {
      const got = nextEvent(client, Events.InteractionCreate);
      const rec = fake.interaction({
        name: 'wa',
        options: { phone: '+4915112345678' },
        channelId: TEXT_ID,
        user: { id: '300000000000000042', username: 'agent.bob' },
      });
      const [interaction] = (await got) as [Interaction];
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      expect(interaction.id).toBe(rec.id);
      expect(interaction.commandName).toBe('wa');
      expect(interaction.options.getString('phone')).toBe('+4915112345678');
      expect(interaction.channelId).toBe(TEXT_ID);
      expect(interaction.guildId).toBe(fake.guildId);
      expect(interaction.user.id).toBe('300000000000000042');

      await interaction.reply({ content: 'Queued', flags: MessageFlags.Ephemeral });
      const resp = await fake.waitForInteractionResponse(rec.id, 'callback');
      expect(resp).toMatchObject({ type: 4, data: { content: 'Queued', flags: 64 } });
      const call = fake.calls.find((c) => c.route === `/interactions/${rec.id}/${rec.token}/callback`)!;
      expect(call.headers.authorization).toBeUndefined();
      expect(call.status).toBe(204);
      // a second initial response is refused like Discord does
      await expectApiError(
        client.rest.post(Routes.interactionCallback(rec.id, rec.token), { body: { type: 4, data: { content: 'again' } }, auth: false }),
        400,
        40060,
      );
    },
    T,
  );

  it(
    'deferReply + editReply go to the callback and PATCH @original',
    async () => {
      const got = nextEvent(client, Events.InteractionCreate);
      const rec = fake.interaction({ name: 'wa', options: { phone: '+4915112345678' }, channelId: TEXT_ID });
      const [interaction] = (await got) as [Interaction];
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.deferReply();
      const edited = await interaction.editReply({ content: 'Template sent' });
      expect(edited.content).toBe('Template sent');
      expect(fake.interactionResponses.map((r) => [r.kind, r.type])).toEqual([
        ['callback', 5],
        ['editOriginal', undefined],
      ]);
      expect(fake.calls.at(-1)).toMatchObject({ method: 'PATCH', route: `/webhooks/${fake.applicationId}/${rec.token}/messages/@original` });
      const followUp = await interaction.followUp({ content: 'done', flags: MessageFlags.Ephemeral });
      expect(followUp.flags.has(MessageFlags.Ephemeral)).toBe(true);
    },
    T,
  );

  it(
    'autocomplete interactions get choices back (type 8)',
    async () => {
      const got = nextEvent(client, Events.InteractionCreate);
      const rec = fake.autocomplete({ name: 'wa', options: { phone: '+4915' }, focused: 'phone', channelId: TEXT_ID });
      const [interaction] = (await got) as [Interaction];
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      expect(interaction.options.getFocused()).toBe('+4915');
      await interaction.respond([{ name: 'Maria', value: '+4915112345678' }]);
      expect(await fake.waitForInteractionResponse(rec.id)).toMatchObject({ type: 8, data: { choices: [{ name: 'Maria', value: '+4915112345678' }] } });
    },
    T,
  );

  it(
    '429 with Retry-After: 1 → discord.js waits and retries by itself',
    async () => {
      fake.failNext({ route: /^\/channels\/\d+\/messages$/, status: 429, retryAfterSeconds: 1 });
      const limited = once(client.rest, 'rateLimited');
      const t0 = Date.now();
      const msg = await text.send('after a rate limit');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
      const [info] = (await limited) as [{ retryAfter: number; scope: string }];
      expect(info.scope).toBe('user');
      const posts = fake.calls.filter((c) => c.route === `/channels/${TEXT_ID}/messages`);
      expect(posts.map((c) => c.status)).toEqual([429, 200]);
      expect(fake.messagesIn(TEXT_ID).at(-1)?.id).toBe(msg.id);
    },
    T,
  );

  it(
    'a 500 is retried once (rest.retries: 1)',
    async () => {
      fake.failNext({ route: /\/messages$/, status: 500 });
      await text.send('after a 500');
      expect(fake.calls.filter((c) => c.route === `/channels/${TEXT_ID}/messages`).map((c) => c.status)).toEqual([500, 200]);
    },
    T,
  );

  it(
    'wrong bot token → 401 {message:"401: Unauthorized", code:0}',
    async () => {
      const rest = new REST({ api: fake.apiUrl, retries: 0, timeout: 2000 }).setToken('not-the-token');
      const err = await expectApiError(rest.get(Routes.user()), 401, 0);
      expect(err.rawError).toEqual({ message: '401: Unauthorized', code: 0 });
    },
    T,
  );

  it(
    'forced disconnect → RESUME replays what was dispatched meanwhile',
    async () => {
      const resumed = once(client, Events.ShardResume);
      const got = nextEvent(client, Events.MessageCreate, (m) => m.content === 'sent while you were away', 10_000);
      expect(fake.disconnectAll(4000)).toBe(1);
      fake.userSays({ channelId: TEXT_ID, content: 'sent while you were away' });
      await resumed;
      await got;
      expect(fake.resumes).toMatchObject([{ ok: true }]);
      expect(fake.resumes[0]!.replayed).toBeGreaterThanOrEqual(1);
      expect(fake.identifies).toHaveLength(0); // resumed, not re-identified
    },
    T,
  );

  it('gateway outage (503 on upgrade) → client keeps retrying, then resumes', async () => {
    const got = nextEvent(client, Events.MessageCreate, (m) => m.content === 'during the outage', 12_000);
    fake.gatewayDown(1200);
    fake.userSays({ channelId: TEXT_ID, content: 'during the outage' });
    await got;
    expect(fake.resumes.at(-1)).toMatchObject({ ok: true });
    // a message after recovery flows live
    const live = nextEvent(client, Events.MessageCreate, (m) => m.content === 'after recovery');
    fake.userSays({ channelId: TEXT_ID, content: 'after recovery' });
    await live;
  }, 20_000);

  it('op 7 Reconnect → resume; outage with TCP resets → fresh IDENTIFY', async () => {
    const resumed = once(client, Events.ShardResume);
    fake.gateway.requestReconnect();
    await resumed;
    expect(fake.resumes.at(-1)).toMatchObject({ ok: true });

    const reidentified = once(client, Events.ShardReady);
    fake.gatewayDown(800, { mode: 'reset' });
    await reidentified;
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]!.intents).toBe(33281);
    const live = nextEvent(client, Events.MessageCreate, (m) => m.content === 'after re-identify');
    fake.userSays({ channelId: TEXT_ID, content: 'after re-identify' });
    await live;
  }, 20_000);
});

describe('FakeDiscord gateway protocol (raw WebSocket)', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    fake.addTextChannel(TEXT_ID, 'wa-inbox');
  });
  afterAll(() => fake.close());

  function connect(): Promise<{
    ws: WebSocket;
    frames: Array<{ op: number; t?: string; s?: number; d: any }>;
    next: (pred: (f: any) => boolean) => Promise<any>;
  }> {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const frames: any[] = [];
    const waiters: Array<{ pred: (f: any) => boolean; resolve: (f: any) => void }> = [];
    ws.on('message', (data) => {
      const f = JSON.parse(data.toString());
      frames.push(f);
      for (const w of [...waiters])
        if (w.pred(f)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(f);
        }
    });
    const next = (pred: (f: any) => boolean) => {
      const hit = frames.find(pred);
      return hit ? Promise.resolve(hit) : new Promise((resolve) => waiters.push({ pred, resolve }));
    };
    return once(ws, 'open').then(() => ({ ws, frames, next }));
  }

  it(
    'HELLO, heartbeat ACK, bad token → close 4004',
    async () => {
      const { ws, next } = await connect();
      const hello = await next((f) => f.op === 10);
      expect(missingKeys(helloExample, hello)).toEqual([]);
      expect(hello.d.heartbeat_interval).toBe(45000);
      ws.send(JSON.stringify({ op: 1, d: null }));
      await next((f) => f.op === 11);
      const closed = once(ws, 'close');
      ws.send(JSON.stringify({ op: 2, d: { token: 'bad', intents: 513, properties: {} } }));
      const [code] = await closed;
      expect(code).toBe(4004);
    },
    T,
  );

  it(
    'without MESSAGE_CONTENT intent, human message content arrives empty',
    async () => {
      const { ws, next } = await connect();
      ws.send(JSON.stringify({ op: 2, d: { token: fake.botToken, intents: 513, properties: { os: 'linux', browser: 'test', device: 'test' } } }));
      const ready = await next((f) => f.t === 'READY');
      expect(ready).toMatchObject({
        s: 1,
        d: { application: { id: fake.applicationId, flags: 0 }, guilds: [{ id: fake.guildId, unavailable: true }], resume_gateway_url: fake.gatewayUrl },
      });
      expect(await next((f) => f.t === 'GUILD_CREATE')).toMatchObject({ s: 2 });
      fake.userSays({ channelId: TEXT_ID, content: 'secret' });
      const msg = await next((f) => f.t === 'MESSAGE_CREATE');
      expect(msg.d.content).toBe('');
      expect(msg.s).toBe(3);
      ws.close(1000);
    },
    T,
  );
});
