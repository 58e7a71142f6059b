/**
 * The smallest environments `loadConfig` accepts, for the configuration's unit tests: each test adds or removes the
 * variables it is about. The values are shaped like real ones and secret-looking, so a test can check that none of
 * them reaches a message.
 */

/** The credentials every configuration needs (the WhatsApp app and token, the Slack app), and no account. */
export const SECRETS = {
  WHATSAPP_APP_SECRET: 'app-secret-9f8e7d6c',
  WHATSAPP_VERIFY_TOKEN: 'verify-token-1234',
  WHATSAPP_ACCESS_TOKEN: 'EAAGtokenSECRETvalue0123456789',
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-SECRETslack',
  SLACK_SIGNING_SECRET: 'signing-secret-abcdef',
} as const;

/** One number routed to one Slack channel. */
export const BASE_ENV = { ...SECRETS, WHATSAPP_PHONE_NUMBER_ID: '106540352242922', SLACK_CHANNEL_ID: 'C0123ABCD' } as const;
