/** loadConfig(env): a valid environment parses; anything wrong is a ConfigError that names the variable. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/domain/errors';
import { SECRETS } from '../../support/config-env';

const SLACK_ENV: Record<string, string | undefined> = {
  ...SECRETS,
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  SLACK_CHANNEL_ID: 'C0123ABCD',
};

function configError(env: Record<string, string | undefined>): string {
  let thrown: unknown;
  try {
    loadConfig(env);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  const message = (thrown as ConfigError).message;
  for (const secret of Object.values(SECRETS)) expect(message).not.toContain(secret);
  return message;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bridge-config-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeConfigFile(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('loadConfig: valid environments', () => {
  it('a minimal Slack environment, with every default', () => {
    expect(loadConfig(SLACK_ENV)).toEqual({
      port: 3000,
      lifecycle: { sameThreadDays: 7 },
      logLevel: 'info',
      mongodbUri: undefined,
      dataDir: './data',
      whatsapp: {
        appSecret: SECRETS.WHATSAPP_APP_SECRET,
        verifyToken: SECRETS.WHATSAPP_VERIFY_TOKEN,
        graphApiUrl: 'https://graph.facebook.com',
        graphApiVersion: 'v23.0',
      },
      accounts: [
        {
          name: 'default',
          phoneNumberId: '106540352242922',
          businessAccountId: undefined,
          accessToken: SECRETS.WHATSAPP_ACCESS_TOKEN,
          slack: { channelId: 'C0123ABCD', notifyUsers: [] },
          discord: undefined,
          replyMode: 'notes',
          notePrefixes: ['note:', 'private:'],
          windowReminderMinutes: 60,
        },
      ],
      chats: {
        slack: {
          botToken: SECRETS.SLACK_BOT_TOKEN,
          signingSecret: SECRETS.SLACK_SIGNING_SECRET,
          apiUrl: 'https://slack.com/api/',
          postsPerSecondPerChannel: 1,
          commandAckMs: 2000,
        },
      },
      outbox: { concurrency: 8, stuckAlertMinutes: 15, parkedProbeSeconds: 60 },
    });
  });

  it('parses numbers, lists (with spaces), Mongo URI and trims the Graph URL', () => {
    const c = loadConfig({
      ...SLACK_ENV,
      PORT: '8080',
      MONGODB_URI: 'mongodb+srv://cluster0.example.net/bridge',
      SLACK_NOTIFY_USERS: 'U0123ABCD, W0456EFGH ,',
      GRAPH_API_URL: 'http://localhost:9999/',
      GRAPH_API_VERSION: 'v24.0',
      OUTBOX_CONCURRENCY: '2',
    });
    expect(c.port).toBe(8080);
    expect(c.mongodbUri).toBe('mongodb+srv://cluster0.example.net/bridge');
    expect(c.accounts[0]!.slack).toEqual({ channelId: 'C0123ABCD', notifyUsers: ['U0123ABCD', 'W0456EFGH'] });
    expect(c.whatsapp.graphApiUrl).toBe('http://localhost:9999');
    expect(c.whatsapp.graphApiVersion).toBe('v24.0');
    expect(c.outbox).toEqual({ concurrency: 2, stuckAlertMinutes: 15, parkedProbeSeconds: 60 });
  });

  it('empty strings are treated as unset (defaults apply, optional sides stay off)', () => {
    const c = loadConfig({
      ...SLACK_ENV,
      PORT: '',
      MONGODB_URI: '',
      GRAPH_API_VERSION: '',
      SLACK_NOTIFY_USERS: '',
      DISCORD_BOT_TOKEN: '',
      DISCORD_GUILD_ID: '',
      DISCORD_CHANNEL_ID: '',
      BRIDGE_CONFIG: '',
      WHATSAPP_BUSINESS_ACCOUNT_ID: '',
    });
    expect(c.port).toBe(3000);
    expect(c.mongodbUri).toBeUndefined();
    expect(c.whatsapp.graphApiVersion).toBe('v23.0');
    expect(c.chats.discord).toBeUndefined();
    expect(c.accounts).toHaveLength(1);
    expect(c.accounts[0]!.businessAccountId).toBeUndefined();
    expect(c.accounts[0]!.slack!.notifyUsers).toEqual([]);
  });

  it('Discord only', () => {
    const c = loadConfig({
      WHATSAPP_APP_SECRET: SECRETS.WHATSAPP_APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: SECRETS.WHATSAPP_VERIFY_TOKEN,
      WHATSAPP_ACCESS_TOKEN: SECRETS.WHATSAPP_ACCESS_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      DISCORD_BOT_TOKEN: 'discord-bot-token-0123456789',
      DISCORD_GUILD_ID: '123456789012345678',
      DISCORD_CHANNEL_ID: '223456789012345678',
      DISCORD_NOTIFY_USERS: '323456789012345678',
    });
    expect(c.chats.slack).toBeUndefined();
    expect(c.chats.discord).toEqual({ botToken: 'discord-bot-token-0123456789', guildId: '123456789012345678', apiUrl: 'https://discord.com/api' });
    expect(c.accounts[0]!.discord).toEqual({ channelId: '223456789012345678', notifyUsers: ['323456789012345678'] });
  });

  it('BRIDGE_CONFIG with two accounts (one inherits WHATSAPP_ACCESS_TOKEN)', () => {
    const file = writeConfigFile(
      'two-accounts.json',
      JSON.stringify({
        accounts: [
          {
            name: 'Sales',
            phoneNumberId: '106540352242922',
            businessAccountId: '102290129340398',
            slack: { channelId: 'C0SALES01', notifyUsers: ['U0SALES01'] },
          },
          { phoneNumberId: '106540352242999', accessToken: 'EAAGsupportTOKENsecret', slack: { channelId: 'G0SUPPORT' } },
        ],
      }),
    );
    const env = { ...SLACK_ENV, BRIDGE_CONFIG: file, WHATSAPP_PHONE_NUMBER_ID: undefined, SLACK_CHANNEL_ID: undefined };
    expect(loadConfig(env).accounts).toEqual([
      {
        name: 'Sales',
        phoneNumberId: '106540352242922',
        businessAccountId: '102290129340398',
        accessToken: SECRETS.WHATSAPP_ACCESS_TOKEN,
        slack: { channelId: 'C0SALES01', notifyUsers: ['U0SALES01'] },
        replyMode: 'notes',
        notePrefixes: ['note:', 'private:'],
        windowReminderMinutes: 60,
      },
      {
        name: '106540352242999',
        phoneNumberId: '106540352242999',
        accessToken: 'EAAGsupportTOKENsecret',
        slack: { channelId: 'G0SUPPORT', notifyUsers: [] },
        replyMode: 'notes',
        notePrefixes: ['note:', 'private:'],
        windowReminderMinutes: 60,
      },
    ]);
  });
});

describe('loadConfig: errors name the variable', () => {
  const cases: Array<[string, Record<string, string | undefined>, RegExp]> = [
    ['WHATSAPP_APP_SECRET missing', { ...SLACK_ENV, WHATSAPP_APP_SECRET: undefined }, /WHATSAPP_APP_SECRET: /],
    ['WHATSAPP_APP_SECRET empty', { ...SLACK_ENV, WHATSAPP_APP_SECRET: '' }, /WHATSAPP_APP_SECRET: /],
    ['WHATSAPP_VERIFY_TOKEN too short', { ...SLACK_ENV, WHATSAPP_VERIFY_TOKEN: 'short' }, /WHATSAPP_VERIFY_TOKEN: must be a string of at least 8 characters/],
    ['WHATSAPP_PHONE_NUMBER_ID missing', { ...SLACK_ENV, WHATSAPP_PHONE_NUMBER_ID: undefined }, /WHATSAPP_PHONE_NUMBER_ID: required/],
    [
      'WHATSAPP_PHONE_NUMBER_ID not numeric',
      { ...SLACK_ENV, WHATSAPP_PHONE_NUMBER_ID: '+1 555 0100' },
      /WHATSAPP_PHONE_NUMBER_ID: must be the numeric phone number ID/,
    ],
    ['WHATSAPP_ACCESS_TOKEN missing', { ...SLACK_ENV, WHATSAPP_ACCESS_TOKEN: undefined }, /WHATSAPP_ACCESS_TOKEN: required/],
    [
      'SLACK_CHANNEL_ID given as a name',
      { ...SLACK_ENV, SLACK_CHANNEL_ID: 'general' },
      /SLACK_CHANNEL_ID: must be a Slack channel id like C0123ABCD \(not a channel name\)/,
    ],
    ['SLACK_CHANNEL_ID given as #general', { ...SLACK_ENV, SLACK_CHANNEL_ID: '#general' }, /SLACK_CHANNEL_ID: /],
    ['SLACK_NOTIFY_USERS with a bad id', { ...SLACK_ENV, SLACK_NOTIFY_USERS: 'U0123ABCD,@alice' }, /SLACK_NOTIFY_USERS\.1: each entry must be a Slack user id/],
    ['SLACK_BOT_TOKEN not xoxb-', { ...SLACK_ENV, SLACK_BOT_TOKEN: 'xoxp-1111-SECRETuser' }, /SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/],
    [
      'SLACK_BOT_TOKEN without SLACK_SIGNING_SECRET',
      { ...SLACK_ENV, SLACK_SIGNING_SECRET: undefined },
      /SLACK_SIGNING_SECRET: required when the Slack side is configured \(SLACK_BOT_TOKEN set\)/,
    ],
    [
      'SLACK_SIGNING_SECRET without SLACK_BOT_TOKEN',
      { ...SLACK_ENV, SLACK_BOT_TOKEN: undefined },
      /SLACK_BOT_TOKEN: required when the Slack side is configured/,
    ],
    [
      'neither Slack nor Discord',
      { ...SLACK_ENV, SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined, SLACK_CHANNEL_ID: undefined },
      /Neither Slack nor Discord is configured: set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_CHANNEL_ID, and\/or DISCORD_BOT_TOKEN/,
    ],
    ['Slack side without SLACK_CHANNEL_ID', { ...SLACK_ENV, SLACK_CHANNEL_ID: undefined }, /SLACK_CHANNEL_ID \/ DISCORD_CHANNEL_ID: no channel/],
    [
      'DISCORD_BOT_TOKEN without DISCORD_GUILD_ID',
      { ...SLACK_ENV, DISCORD_BOT_TOKEN: 'discord-bot-token-0123456789' },
      /DISCORD_GUILD_ID: required when the Discord side is configured/,
    ],
    ['DISCORD_CHANNEL_ID not a snowflake', { ...SLACK_ENV, DISCORD_CHANNEL_ID: 'support' }, /DISCORD_CHANNEL_ID: must be a Discord id/],
    ['PORT not a number', { ...SLACK_ENV, PORT: 'eighty' }, /PORT: /],
    ['PORT out of range', { ...SLACK_ENV, PORT: '70000' }, /PORT: /],
    ['MONGODB_URI not mongodb://', { ...SLACK_ENV, MONGODB_URI: 'postgres://db/bridge' }, /MONGODB_URI: must start with mongodb:\/\/ or mongodb\+srv:\/\//],
    ['GRAPH_API_VERSION v23', { ...SLACK_ENV, GRAPH_API_VERSION: 'v23' }, /GRAPH_API_VERSION: must look like v23\.0/],
    ['GRAPH_API_VERSION 23.0', { ...SLACK_ENV, GRAPH_API_VERSION: '23.0' }, /GRAPH_API_VERSION: must look like v23\.0/],
    ['GRAPH_API_URL not a URL', { ...SLACK_ENV, GRAPH_API_URL: 'graph.facebook.com' }, /GRAPH_API_URL: must be an http\(s\) URL/],
    ['LOG_LEVEL unknown', { ...SLACK_ENV, LOG_LEVEL: 'verbose' }, /LOG_LEVEL: /],
    ['OUTBOX_CONCURRENCY 0', { ...SLACK_ENV, OUTBOX_CONCURRENCY: '0' }, /OUTBOX_CONCURRENCY: /],
  ];

  it.each(cases)('%s', (_name, env, expected) => {
    const message = configError(env);
    expect(message).toMatch(expected);
    expect(message).toMatch(/^Invalid configuration:\n/);
    expect(message).toMatch(/See \.env\.example for every variable\.$/);
  });

  it('every invalid variable is listed at once', () => {
    const message = configError({ ...SLACK_ENV, PORT: 'x', GRAPH_API_VERSION: 'v23', SLACK_CHANNEL_ID: 'general' });
    expect(message).toMatch(/PORT: /);
    expect(message).toMatch(/GRAPH_API_VERSION: /);
    expect(message).toMatch(/SLACK_CHANNEL_ID: /);
  });

  it('a malformed secret is named but never echoed', () => {
    const badSecret = 'xoxp-0000-VERYSECRETUSERTOKEN';
    const message = configError({ ...SLACK_ENV, SLACK_BOT_TOKEN: badSecret, WHATSAPP_ACCESS_TOKEN: 'EAAshort' });
    expect(message).toMatch(/SLACK_BOT_TOKEN: /);
    expect(message).toMatch(/WHATSAPP_ACCESS_TOKEN: /);
    expect(message).not.toContain(badSecret);
    expect(message).not.toContain('VERYSECRET');
    expect(message).not.toContain('EAAshort');
  });
});

describe('loadConfig: BRIDGE_CONFIG errors', () => {
  const fileEnv = (file: string) => ({ ...SLACK_ENV, BRIDGE_CONFIG: file, WHATSAPP_PHONE_NUMBER_ID: undefined, SLACK_CHANNEL_ID: undefined });

  it('bad JSON → the message names BRIDGE_CONFIG and the file', () => {
    const file = writeConfigFile('bad.json', '{"accounts": [ {"phoneNumberId": "106540352242922",, } ] }');
    const message = configError(fileEnv(file));
    expect(message).toContain(`BRIDGE_CONFIG: cannot read ${file} as JSON`);
  });

  it('missing file → the message names BRIDGE_CONFIG', () => {
    const file = path.join(dir, 'does-not-exist.json');
    expect(configError(fileEnv(file))).toContain(`BRIDGE_CONFIG: cannot read ${file} as JSON (ENOENT`);
  });

  it('schema error → BRIDGE_CONFIG, the file and the path of the bad field', () => {
    const file = writeConfigFile('bad-channel.json', JSON.stringify({ accounts: [{ phoneNumberId: '106540352242922', slack: { channelId: 'general' } }] }));
    expect(configError(fileEnv(file))).toContain(`BRIDGE_CONFIG ${file}: accounts.0.slack.channelId: must be a Slack channel id`);
  });

  it('no accounts → BRIDGE_CONFIG', () => {
    const file = writeConfigFile('empty.json', JSON.stringify({ accounts: [] }));
    expect(configError(fileEnv(file))).toContain(`BRIDGE_CONFIG ${file}: accounts: `);
  });

  it('the same phoneNumberId twice → BRIDGE_CONFIG', () => {
    const account = { phoneNumberId: '106540352242922', slack: { channelId: 'C0123ABCD' } };
    const file = writeConfigFile('dupe.json', JSON.stringify({ accounts: [account, account] }));
    expect(configError(fileEnv(file))).toContain('BRIDGE_CONFIG: the same phoneNumberId is listed twice');
  });

  it('an account without a token while WHATSAPP_ACCESS_TOKEN is unset → BRIDGE_CONFIG', () => {
    const file = writeConfigFile('no-token.json', JSON.stringify({ accounts: [{ phoneNumberId: '106540352242922', slack: { channelId: 'C0123ABCD' } }] }));
    expect(configError({ ...fileEnv(file), WHATSAPP_ACCESS_TOKEN: undefined })).toContain(
      'BRIDGE_CONFIG: account 106540352242922 has no accessToken and WHATSAPP_ACCESS_TOKEN is not set',
    );
  });

  it('an account routed to Discord while the Discord side is not configured → DISCORD_BOT_TOKEN', () => {
    const file = writeConfigFile(
      'discord.json',
      JSON.stringify({ accounts: [{ name: 'Ops', phoneNumberId: '106540352242922', discord: { channelId: '223456789012345678' } }] }),
    );
    expect(configError(fileEnv(file))).toContain(
      'DISCORD_BOT_TOKEN: account Ops routes to Discord channel 223456789012345678 but the Discord side is not configured',
    );
  });

  it('an account with no channel at all → BRIDGE_CONFIG', () => {
    const file = writeConfigFile('nowhere.json', JSON.stringify({ accounts: [{ name: 'Lost', phoneNumberId: '106540352242922' }] }));
    expect(configError(fileEnv(file))).toContain('BRIDGE_CONFIG: account Lost: no channel to post conversations into');
  });

  it('a bad token in the file is not echoed', () => {
    const file = writeConfigFile(
      'short-token.json',
      JSON.stringify({ accounts: [{ phoneNumberId: '106540352242922', accessToken: 'EAAtiny', slack: { channelId: 'C0123ABCD' } }] }),
    );
    const message = configError(fileEnv(file));
    expect(message).toContain(`BRIDGE_CONFIG ${file}: accounts.0.accessToken: `);
    expect(message).not.toContain('EAAtiny');
  });

  // KNOWN BUG in src/config.ts (reported, not fixed here: not this task's file). Node 20's JSON.parse message
  // quotes ~10 characters of the text around the error ("…"ssToken": EAAGsecret"… is not valid JSON), and
  // accountsFromFile copies that message into the ConfigError, so part of an access token leaks into logs.
  // Remove `.failing` once config.ts stops echoing the parser message (position only would do).
  it('bad JSON next to a token does not echo any of the token', () => {
    const file = writeConfigFile('leaky.json', '{"accounts": [{"phoneNumberId": "106540352242922", "accessToken": EAAGsecretTOKEN123}]}');
    const message = configError(fileEnv(file));
    expect(message).not.toContain('EAAGsecret');
  });
});

describe('loadConfig: which thread messages go to the customer (BRIDGE_REPLY_MODE, BRIDGE_NOTE_PREFIXES)', () => {
  const fileEnv = (file: string, extra: Record<string, string> = {}) => ({
    ...SLACK_ENV,
    BRIDGE_CONFIG: file,
    WHATSAPP_PHONE_NUMBER_ID: undefined,
    SLACK_CHANNEL_ID: undefined,
    ...extra,
  });

  it('the environment sets the default for every number; an account in BRIDGE_CONFIG may choose its own', () => {
    expect(loadConfig({ ...SLACK_ENV, BRIDGE_REPLY_MODE: 'mention', BRIDGE_NOTE_PREFIXES: 'NB:, intern:' }).accounts[0]).toMatchObject({
      replyMode: 'mention',
      notePrefixes: ['NB:', 'intern:'],
    });
    const file = writeConfigFile(
      'reply-modes.json',
      JSON.stringify({
        accounts: [
          { phoneNumberId: '106540352242922', slack: { channelId: 'C0SALES01' }, replyMode: 'all' },
          { phoneNumberId: '106540352242999', slack: { channelId: 'C0SUPPORT' }, notePrefixes: ['//'] },
        ],
      }),
    );
    const [sales, support] = loadConfig(fileEnv(file, { BRIDGE_REPLY_MODE: 'mention' })).accounts;
    expect(sales).toMatchObject({ replyMode: 'all', notePrefixes: ['note:', 'private:'] });
    expect(support).toMatchObject({ replyMode: 'mention', notePrefixes: ['//'] });
  });

  it('a bad mode or prefix stops start-up naming the variable', () => {
    expect(configError({ ...SLACK_ENV, BRIDGE_REPLY_MODE: 'everything' })).toMatch(/BRIDGE_REPLY_MODE: must be one of notes, mention, all/);
    expect(configError({ ...SLACK_ENV, BRIDGE_NOTE_PREFIXES: 'note:,for the team' })).toMatch(/BRIDGE_NOTE_PREFIXES\.1: each entry must be a prefix/);
  });

  it('a bad mode or prefix in BRIDGE_CONFIG names the file and the field', () => {
    const mode = writeConfigFile(
      'bad-mode.json',
      JSON.stringify({ accounts: [{ phoneNumberId: '106540352242922', slack: { channelId: 'C0123ABCD' }, replyMode: 'tagged' }] }),
    );
    expect(configError(fileEnv(mode))).toContain(`BRIDGE_CONFIG ${mode}: accounts.0.replyMode: must be one of notes, mention, all`);
    const prefixes = writeConfigFile(
      'bad-prefixes.json',
      JSON.stringify({ accounts: [{ phoneNumberId: '106540352242922', slack: { channelId: 'C0123ABCD' }, notePrefixes: [] }] }),
    );
    expect(configError(fileEnv(prefixes))).toContain(`BRIDGE_CONFIG ${prefixes}: accounts.0.notePrefixes: `);
  });
});
