/**
 * The Slack side's configuration in Socket Mode (adapters/slack/config.ts, read through loadConfig): SLACK_APP_TOKEN
 * makes SLACK_SIGNING_SECRET unneeded, and every mistake is named by its variable.
 */
import { loadConfig } from '../../../../src/config';
import { ConfigError } from '../../../../src/domain/errors';

const BASE: Record<string, string | undefined> = {
  WHATSAPP_APP_SECRET: 'app-secret-9f8e7d6c',
  WHATSAPP_VERIFY_TOKEN: 'verify-token-1234',
  WHATSAPP_ACCESS_TOKEN: 'EAAGtokenSECRETvalue0123456789',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-SECRETslack',
  SLACK_CHANNEL_ID: 'C0123ABCD',
};
const APP_TOKEN = 'xapp-1-A0123ABCD-1111-SECRETapp';

function configError(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  throw new Error('loadConfig accepted the environment');
}

test('SLACK_APP_TOKEN without SLACK_SIGNING_SECRET: Socket Mode, accepted', () => {
  const slack = loadConfig({ ...BASE, SLACK_APP_TOKEN: APP_TOKEN }).chats.slack;
  expect(slack).toMatchObject({ botToken: BASE.SLACK_BOT_TOKEN, appToken: APP_TOKEN });
  expect(slack?.signingSecret).toBeUndefined();
});

test('both set: Socket Mode (the app token decides), the signing secret kept', () => {
  const slack = loadConfig({ ...BASE, SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: 'signing-secret-abcdef' }).chats.slack;
  expect(slack).toMatchObject({ appToken: APP_TOKEN, signingSecret: 'signing-secret-abcdef' });
});

test('neither SLACK_SIGNING_SECRET nor SLACK_APP_TOKEN: SLACK_SIGNING_SECRET named, with the Socket Mode way out', () => {
  expect(configError(BASE)).toMatch(
    /SLACK_SIGNING_SECRET: required when the Slack side is configured \(SLACK_BOT_TOKEN set\), unless SLACK_APP_TOKEN is set \(Socket Mode\)/,
  );
});

test('SLACK_APP_TOKEN alone turns the Slack side on: SLACK_BOT_TOKEN is named as missing', () => {
  const message = configError({ ...BASE, SLACK_BOT_TOKEN: undefined, SLACK_APP_TOKEN: APP_TOKEN });
  expect(message).toMatch(/SLACK_BOT_TOKEN: required when the Slack side is configured \(SLACK_APP_TOKEN set\)/);
  expect(message).not.toMatch(/SLACK_SIGNING_SECRET/);
});

test.each([
  ['a bot token', 'xoxb-1111-2222-SECRETslack'],
  ['a user token', 'xoxp-1111-SECRETuser'],
])('SLACK_APP_TOKEN given %s: named, and not echoed', (_what, token) => {
  const message = configError({ ...BASE, SLACK_APP_TOKEN: token });
  expect(message).toMatch(/SLACK_APP_TOKEN: must be an app-level token starting with xapp- \(Basic Information → App-Level Tokens, scope connections:write\)/);
  expect(message).not.toContain('SECRET');
});
