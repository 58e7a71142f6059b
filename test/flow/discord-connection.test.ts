/** Discord connection: discord.js logs in against the fake (REST moved by DISCORD_API_URL), /wa is registered, /readyz tells. */
import { DiscordAdapter } from '../../adapters/discord/discord-adapter';
import { ConfigError } from '../../src/domain/errors';
import { en } from '../../src/i18n/catalogue/en';
import { fr } from '../../src/i18n/catalogue/fr';
import { it as italian } from '../../src/i18n/catalogue/it';
import { vi } from '../../src/i18n/catalogue/vi';
import { createLogger } from '../../src/logger';
import { FakeDiscord } from '../fakes/discord';
import { DISCORD_TEXT_CHANNEL, startDiscordHarness, startFakeDiscord, type DiscordHarness } from '../support/discord-harness';

describe('connected bridge', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness('discord-connection');
  });
  afterAll(async () => {
    await h.close();
  });

  test('logs in: GET /gateway/bot with the bot token on DISCORD_API_URL, IDENTIFY with intents 34305 (33281 + GuildMessageReactions 1024)', () => {
    const gateway = h.fake.calls.find((c) => c.route === '/gateway/bot');
    expect(gateway).toMatchObject({ method: 'GET', path: '/api/v10/gateway/bot', status: 200 });
    expect(gateway!.headers.authorization).toBe(`Bot ${h.fake.botToken}`);
    expect(h.fake.identifies).toHaveLength(1);
    // Guilds | GuildMessages | MessageContent
    expect(h.fake.identifies[0]).toMatchObject({ token: h.fake.botToken, intents: 34305 });
  });

  test('registers /wa in the guild by bulk overwrite, with typed subcommand options', () => {
    const put = h.fake.calls.find((c) => c.method === 'PUT' && c.route === `/applications/${h.fake.applicationId}/guilds/${h.fake.guildId}/commands`);
    expect(put?.status).toBe(200);
    const [wa] = h.fake.registeredCommands() as Array<{ name: string; options: Array<{ name: string; type: number; options?: unknown[] }> }>;
    expect(wa!.name).toBe('wa');
    expect(wa!.options.map((o) => [o.name, o.type])).toEqual([
      ['help', 1],
      ['template', 1],
      ['templates', 1],
      ...['claim', 'assign', 'add', 'close', 'reopen', 'doctor', 'replies', 'reply', 'find', 'history', 'failed', 'buttons', 'list'].map((sub) => [sub, 1]),
    ]);
    expect(wa!.options[1]!.options).toEqual([
      expect.objectContaining({ name: 'phone', type: 3, required: true }),
      expect.objectContaining({ name: 'name', type: 3, required: true, autocomplete: true }),
      expect.objectContaining({ name: 'params', type: 3, required: false }),
    ]);
  });

  test('/wa carries every description in Italian, French and Vietnamese too (description_localizations, Discord locales it / fr / vi)', () => {
    type Described = { name: string; description: string; description_localizations: Record<string, string> | null; options?: Described[] };
    const [wa] = h.fake.registeredCommands() as Described[];
    const all = (d: Described, path: string): Array<[string, Described]> => [[path, d], ...(d.options ?? []).flatMap((o) => all(o, `${path} ${o.name}`))];
    const described = all(wa!, '/wa');
    expect(described.length).toBeGreaterThan(40);
    for (const [path, d] of described) {
      expect([path, Object.keys(d.description_localizations ?? {}).sort()]).toEqual([path, ['fr', 'it', 'vi']]);
      // Discord refuses a description over 100 characters: every language fits, none is cut.
      for (const text of [d.description, ...Object.values(d.description_localizations!)]) expect([path, text.length <= 100]).toEqual([path, true]);
      expect(new Set([d.description, ...Object.values(d.description_localizations!)]).size).toBe(4);
    }
    expect(wa!.description).toBe(en.delivery.discord.wa);
    expect(wa!.description_localizations).toEqual({ it: italian.delivery.discord.wa, fr: fr.delivery.discord.wa, vi: vi.delivery.discord.wa });
    const claim = wa!.options!.find((o) => o.name === 'claim')!;
    expect(claim.description_localizations!.it).toBe('Prendi in carico questa conversazione: ricevi una menzione per il cliente');
  });

  test('/readyz includes the Discord client, and shows a lost gateway until it is back (without failing the webhook readiness)', async () => {
    const readyz = async () => {
      const res = await fetch(`${h.bridge.url}/readyz`);
      return { status: res.status, body: (await res.json()) as { checks: Record<string, boolean> } };
    };
    expect(await readyz()).toMatchObject({ status: 200, body: { checks: { database: true, discord: true } } });
    h.fake.gatewayDown(1500);
    // A lost gateway is said in the body; the status (webhook readiness) stays 200 (issue 12).
    await h.eventually(async () =>
      expect(await readyz()).toMatchObject({ status: 200, body: { checks: { discord: false }, chat: { discord: { up: false } }, webhooks: { ok: true } } }),
    );
    await h.eventually(async () => expect(await readyz()).toMatchObject({ status: 200, body: { checks: { discord: true } } }), 15_000);
    expect(h.fake.resumes.at(-1)).toMatchObject({ ok: true });
  }, 20_000);
});

test('a refused bot token stops start-up with a ConfigError naming DISCORD_BOT_TOKEN', async () => {
  const fake = await startFakeDiscord();
  const core = { agentMessage: async () => undefined, command: async () => ({ text: '' }) };
  const adapter = new DiscordAdapter(
    { botToken: 'not-the-right-token-at-all-0000', guildId: fake.guildId, apiUrl: fake.apiUrl, channelIds: [DISCORD_TEXT_CHANNEL] },
    core,
    createLogger('silent'),
  );
  try {
    const err = await adapter.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/^DISCORD_BOT_TOKEN was refused by Discord/);
    expect(adapter.isReady()).toBe(false);
  } finally {
    await adapter.stop();
    await fake.close();
  }
});

test('a bot without the Message Content intent enabled stops start-up with a ConfigError saying where to enable it', async () => {
  const fake = await FakeDiscord.start({ allowedPrivilegedIntents: 0 });
  const core = { agentMessage: async () => undefined, command: async () => ({ text: '' }) };
  const adapter = new DiscordAdapter(
    { botToken: fake.botToken, guildId: fake.guildId, apiUrl: fake.apiUrl, channelIds: [DISCORD_TEXT_CHANNEL] },
    core,
    createLogger('silent'),
  );
  try {
    const err = await adapter.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain('Message Content Intent');
  } finally {
    await adapter.stop();
    await fake.close();
  }
});
