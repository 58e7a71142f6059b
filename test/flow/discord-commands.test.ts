/** `/wa` on Discord through INTERACTION_CREATE: the core's answers, ephemeral; deferred when the core is slow. */
import { DiscordAdapter } from '../../adapters/discord/discord-adapter';
import { toDiscordText } from '../../adapters/discord/format';
import type { ChatInbound } from '../../src/domain/chat/inbound';
import { createLogger } from '../../src/logger';
import { AGENT, CHANNEL } from '../support/harness';
import { DISCORD_AGENT, DISCORD_TEXT_CHANNEL, startDiscordHarness, startFakeDiscord, type DiscordHarness } from '../support/discord-harness';

const EPHEMERAL = 64;

describe('through the bridge', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    // With Slack too, so Discord's answers can be compared with what the same core says on Slack.
    h = await startDiscordHarness('discord-commands', { slack: true });
  });
  afterAll(async () => {
    await h.close();
  });

  /** The core's answer to a `/wa` line, as Slack shows it. */
  async function slackAnswer(text: string): Promise<string> {
    const res = await h.slack!.sender.sendCommand({ command: '/wa', text, user_id: AGENT, channel_id: CHANNEL });
    expect(res.status).toBe(200);
    return (JSON.parse(res.body) as { text: string }).text;
  }

  test('/wa help is answered ephemerally with the core’s help, in Discord markdown', async () => {
    const rec = h.fake.interaction({ name: 'wa', subcommand: 'help', channelId: DISCORD_TEXT_CHANNEL, user: DISCORD_AGENT });
    const reply = await h.fake.waitForInteractionResponse(rec.id, 'callback');
    expect(reply.type).toBe(4);
    expect(reply.data).toMatchObject({ flags: EPHEMERAL, allowed_mentions: { parse: [] } });
    const content = reply.data!.content as string;
    expect(content).toContain('**WhatsApp bridge**');
    expect(content).toContain('`/wa help`');
    expect(content).toBe(toDiscordText(await slackAnswer('help')));
  });

  test('a refused /wa template gets the core’s refusal, ephemerally; the typed options become the same command line', async () => {
    const rec = h.fake.interaction({
      name: 'wa',
      subcommand: 'template',
      // filled in another order than declared, as Discord users can
      options: { params: '"Jane Doe" 42', name: 'order_update:en', phone: '12' },
      channelId: DISCORD_TEXT_CHANNEL,
      user: DISCORD_AGENT,
    });
    const first = await h.fake.waitForInteractionResponse(rec.id, 'callback');
    expect(first.data).toMatchObject({ flags: EPHEMERAL });
    // Answered at once (type 4), or deferred (type 5) and then edited: either way the person sees the core's text.
    const shown = first.type === 4 ? first : await h.fake.waitForInteractionResponse(rec.id, 'editOriginal');
    const content = shown.data!.content as string;
    expect(content.length).toBeGreaterThan(0);
    expect(content).toBe(toDiscordText(await slackAnswer('template 12 order_update:en "Jane Doe" 42')));
  });

  test('autocomplete for the template name answers (no choices: this number has no synced templates)', async () => {
    const rec = h.fake.autocomplete({
      name: 'wa',
      subcommand: 'template',
      options: { phone: '+4915112345678', name: 'ord' },
      focused: 'name',
      channelId: DISCORD_TEXT_CHANNEL,
    });
    expect(await h.fake.waitForInteractionResponse(rec.id, 'callback')).toMatchObject({ type: 8, data: { choices: [] } });
  });
});

test('when the core takes longer than Discord allows for a first answer, the reply is deferred then edited', async () => {
  const fake = await startFakeDiscord();
  const lines: string[] = [];
  const core: ChatInbound = {
    agentMessage: async () => undefined,
    command: async (req) => {
      lines.push(req.text);
      await new Promise((r) => setTimeout(r, 2000));
      return { text: '*Template sent* to +4915112345678' };
    },
  };
  const adapter = new DiscordAdapter(
    { botToken: fake.botToken, guildId: fake.guildId, apiUrl: fake.apiUrl, channelIds: [DISCORD_TEXT_CHANNEL] },
    core,
    createLogger('silent'),
  );
  try {
    await adapter.start();
    const rec = fake.interaction({
      name: 'wa',
      subcommand: 'template',
      options: { phone: '+49 151 12345678', name: 'order_update:en' },
      channelId: DISCORD_TEXT_CHANNEL,
    });
    const edited = await fake.waitForInteractionResponse(rec.id, 'editOriginal', 8000);
    expect(fake.interactionResponses.map((r) => [r.kind, r.type, r.data?.flags])).toEqual([
      ['callback', 5, EPHEMERAL],
      ['editOriginal', undefined, undefined],
    ]);
    expect(edited.data?.content).toBe('**Template sent** to +4915112345678');
    expect(lines).toEqual(['template "+49 151 12345678" order_update:en']);
  } finally {
    await adapter.stop();
    await fake.close();
  }
}, 15_000);

test('autocomplete offers the synced templates the core returns for the channel, prefix passed through', async () => {
  const fake = await startFakeDiscord();
  const queries: unknown[] = [];
  const core: ChatInbound = {
    agentMessage: async () => undefined,
    command: async () => ({ text: '' }),
    templates: async (q) => {
      queries.push(q);
      return [
        { ref: 'order_update:en_US', name: 'order_update', language: 'en_US', category: 'UTILITY', preview: 'Your order {{1}} is on its way' },
        { ref: 'order_update:pt_BR', name: 'order_update', language: 'pt_BR', preview: 'Seu pedido {{1}} está a caminho' },
      ];
    },
  };
  const adapter = new DiscordAdapter(
    { botToken: fake.botToken, guildId: fake.guildId, apiUrl: fake.apiUrl, channelIds: [DISCORD_TEXT_CHANNEL] },
    core,
    createLogger('silent'),
  );
  try {
    await adapter.start();
    const rec = fake.autocomplete({
      name: 'wa',
      subcommand: 'template',
      options: { phone: '+4915112345678', name: 'ord' },
      focused: 'name',
      channelId: DISCORD_TEXT_CHANNEL,
    });
    const reply = await fake.waitForInteractionResponse(rec.id, 'callback');
    expect(reply).toMatchObject({
      type: 8,
      data: {
        choices: [
          { name: 'order_update [en_US] · utility', value: 'order_update:en_US' },
          { name: 'order_update [pt_BR]', value: 'order_update:pt_BR' },
        ],
      },
    });
    expect(queries).toEqual([{ platform: 'discord', channelId: DISCORD_TEXT_CHANNEL, prefix: 'ord' }]);
  } finally {
    await adapter.stop();
    await fake.close();
  }
});
