/** BRIDGE_ADMINS: the chat user ids that may run `/wa doctor`; each entry checked, unset is nobody. */
import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/domain/errors';

const ENV = {
  WHATSAPP_APP_SECRET: 'app-secret-9f8e7d6c',
  WHATSAPP_VERIFY_TOKEN: 'verify-token-1234',
  WHATSAPP_ACCESS_TOKEN: 'EAAGtokenSECRETvalue0123456789',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-SECRETslack',
  SLACK_SIGNING_SECRET: 'signing-secret-abcdef',
  SLACK_CHANNEL_ID: 'C0123ABCD',
};

test('unset or empty: nobody is an admin', () => {
  expect(loadConfig(ENV).admins ?? []).toEqual([]);
  expect(loadConfig({ ...ENV, BRIDGE_ADMINS: '' }).admins ?? []).toEqual([]);
});

test('Slack and Discord user ids, comma-separated, spaces dropped', () => {
  expect(loadConfig({ ...ENV, BRIDGE_ADMINS: 'U0ADMIN01, 300000000000000042' }).admins).toEqual(['U0ADMIN01', '300000000000000042']);
});

test('a name instead of an id is refused, naming the variable', () => {
  expect(() => loadConfig({ ...ENV, BRIDGE_ADMINS: 'U0ADMIN01,@alice' })).toThrow(ConfigError);
  expect(() => loadConfig({ ...ENV, BRIDGE_ADMINS: '@alice' })).toThrow(/BRIDGE_ADMINS/);
});
