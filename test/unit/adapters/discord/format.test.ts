/** The Discord adapter's pure parts: markup both ways, splitting, the `/wa` line, and error typing. */
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { commandLine } from '../../../../adapters/discord/commands';
import { toDeliveryError } from '../../../../adapters/discord/errors';
import { escapeMarkdown, fromDiscordText, splitMessage, toDiscordText } from '../../../../adapters/discord/format';
import { splitArgs } from '../../../../src/services/command-line';

describe('WhatsApp markup → Discord markdown', () => {
  test.each([
    ['*bold* _italic_ ~strike~', '**bold** *italic* ~~strike~~'],
    ['*_both_*', '***both***'],
    ['```const a = *b*;```', '```const a = *b*;```'],
    ['use `snake_case` here', 'use `snake_case` here'],
    ['snake_case_name and 2*3*4', 'snake\\_case\\_name and 2\\*3\\*4'],
    ['see https://example.com/a_b_c?x=*y*', 'see https://example.com/a_b_c?x=*y*'],
    ['# not a heading', '\\# not a heading'],
    ['[click](https://evil.example)', '\\[click](https://evil.example)'],
    ['a || b', 'a \\|\\| b'],
    // discord.js's escapeMarkdown: only what Discord reads as markdown (a lone ~ or | is not), headings of every level,
    // subtext, a lone backtick, a backslash; lists look the same on both sides and stay lists.
    ['about ~5 km | 10 min', 'about ~5 km | 10 min'],
    ['## big\n### small\n-# tiny', '\\## big\n\\### small\n\\-# tiny'],
    ['it`s', 'it\\`s'],
    ['C:\\temp', 'C:\\\\temp'],
    ['- one\n- two\n1. first', '- one\n- two\n1. first'],
  ])('%s', (wa, discord) => {
    expect(toDiscordText(wa)).toBe(discord);
  });

  test.each(['about ~5 km | 10 min', '## big\n-# tiny', 'it`s C:\\temp', '||not a spoiler|| [a](https://b.example)', 'snake_case 2*3*4'])(
    'an agent’s copy of %j reads back as the customer wrote it',
    (wa) => {
      expect(fromDiscordText(toDiscordText(wa), { user: () => undefined, channel: () => undefined, role: () => undefined })).toBe(wa);
    },
  );

  test('a name shown in bold keeps its markdown characters literal (discord.js escapeMarkdown)', () => {
    expect(`**${escapeMarkdown('Joe *Star* Ana_B **x** `y` a\\b')}**`).toBe('**Joe \\*Star\\* Ana\\_B \\*\\*x\\*\\* \\`y\\` a\\\\b**');
  });
});

describe('Discord markdown → WhatsApp markup', () => {
  const names = {
    user: (id: string) => ({ '300000000000000101': 'Notify 1' })[id],
    channel: (id: string) => ({ '1110000000000000001': 'wa-inbox' })[id],
    role: (id: string) => ({ '400000000000000001': 'Support' })[id],
  };
  test.each([
    ['**bold** *italic* _italic_ ~~strike~~', '*bold* _italic_ _italic_ ~strike~'],
    ['***both*** __under__ ||secret||', '*_both_* under secret'],
    ['<@300000000000000101> <@!300000000000000101> <@999999999999999999>', '@Notify 1 @Notify 1 @999999999999999999'],
    ['<#1110000000000000001> <@&400000000000000001> <:party:123456789012345678>', '#wa-inbox @Support :party:'],
    ['[our shop](https://shop.example) <https://docs.example>', 'our shop (https://shop.example) https://docs.example'],
    ['<t:0:R>', '1970-01-01 00:00 UTC'],
    ['# Title\n-# small print', '*Title*\nsmall print'],
    ['```**kept**```', '```**kept**```'],
    ['2 \\* 3', '2 * 3'],
    // An agent's escapes are kept literal: no emphasis, no masked link read where the agent escaped it.
    ['2\\*3\\*4 snake\\_case\\_name \\[not a link](https://a.example) 1\\. first', '2*3*4 snake_case_name [not a link](https://a.example) 1. first'],
    ['`2\\*3` stays code', '`2\\*3` stays code'],
  ])('%s', (discord, wa) => {
    expect(fromDiscordText(discord, names)).toBe(wa);
  });
});

describe('splitMessage', () => {
  test('short text is one part', () => {
    expect(splitMessage('hello')).toEqual(['hello']);
  });
  test('long text is split at line breaks, each part ≤ 2000', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i} ${'y'.repeat(40)}`).join('\n');
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts.join('\n')).toBe(text);
  });
  test('a code block cut in two is closed and reopened', () => {
    const parts = splitMessage(`\`\`\`\n${'z '.repeat(1500)}\n\`\`\``);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.endsWith('\n```')).toBe(true);
    expect(parts[1]!.startsWith('```\n')).toBe(true);
  });
});

describe('/wa options → the core’s command line', () => {
  test('template: declared order, values with spaces quoted, params passed as typed', () => {
    const line = commandLine('template', [
      { name: 'params', value: '"Jane Doe" 42' },
      { name: 'phone', value: '+49 151 12345678' },
      { name: 'name', value: 'order_update:en' },
    ]);
    expect(line).toBe('template "+49 151 12345678" order_update:en "Jane Doe" 42');
    expect(splitArgs(line)).toEqual(['template', '+49 151 12345678', 'order_update:en', 'Jane Doe', '42']);
  });
  test('subcommands without options', () => {
    expect(commandLine('help', [])).toBe('help');
    expect(commandLine('templates', [])).toBe('templates');
  });
});

describe('Discord errors → DeliveryError', () => {
  const apiError = (status: number, code: number, message: string) =>
    new DiscordAPIError({ code, message }, code, status, 'POST', 'http://x/api/v10/channels/1/messages', { body: undefined, files: undefined });

  test.each([
    [403, 50001, 'Missing Access', 'View Channel'],
    [404, 10003, 'Unknown Channel', 'DISCORD_CHANNEL_ID'],
    [403, 50013, 'Missing Permissions', 'Manage Threads'],
    [400, 50083, 'Thread is archived', 'Manage Threads'],
  ])('%i %i is permanent, with an action for the admin', (status, code, message, action) => {
    const e = toDeliveryError(apiError(status, code, message));
    expect(e).toMatchObject({ retryable: false, platform: 'discord', explanation: { code: String(code) } });
    expect(e.explanation.action).toContain(action);
  });

  test('5xx, 429, rate-limit errors and network failures are retryable', () => {
    expect(toDeliveryError(apiError(500, 0, 'Internal Server Error')).retryable).toBe(true);
    expect(toDeliveryError(new HTTPError(502, 'Bad Gateway', 'POST', 'http://x', { body: undefined, files: undefined })).retryable).toBe(true);
    const limited = new RateLimitError({
      timeToReset: 1000,
      limit: 5,
      method: 'POST',
      hash: 'h',
      url: 'http://x',
      route: '/channels/:id/messages',
      majorParameter: '1',
      global: false,
      retryAfter: 1500,
      sublimitTimeout: 0,
      scope: 'user',
    });
    expect(toDeliveryError(limited)).toMatchObject({ retryable: true, retryAfterMs: 1500 });
    expect(toDeliveryError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {})).retryable).toBe(true);
    const abort = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
    expect(toDeliveryError(abort)).toMatchObject({ retryable: true, explanation: { code: 'network' } });
  });
});
