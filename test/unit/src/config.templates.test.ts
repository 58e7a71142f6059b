/** The template settings of the configuration. */
import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/domain/errors';

describe('configuration', () => {
  const base = {
    WHATSAPP_APP_SECRET: 'app-secret-123',
    WHATSAPP_VERIFY_TOKEN: 'verify-token-123',
    WHATSAPP_ACCESS_TOKEN: 'EAAG-access-token',
    WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    SLACK_BOT_TOKEN: 'xoxb-1-2-3',
    SLACK_SIGNING_SECRET: 'signing-secret-123',
    SLACK_CHANNEL_ID: 'C0123ABCD',
  };
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    throw new Error('no error');
  };

  test('defaults: no schedule set (the service uses 15 minutes), anyone may send, Meta’s throughput', () => {
    const c = loadConfig(base);
    expect(c.templateSyncMinutes).toBeUndefined();
    expect(c.messagesPerSecond).toBeUndefined();
    expect(c.accounts[0]!.templateSenders).toBeUndefined();
  });

  test('TEMPLATE_SYNC_MINUTES, TEMPLATE_SENDERS and WHATSAPP_MESSAGES_PER_SECOND are read', () => {
    const c = loadConfig({
      ...base,
      TEMPLATE_SYNC_MINUTES: '5',
      TEMPLATE_SENDERS: 'U0AGENT01, S0SUPPORT1,123456789012345678',
      WHATSAPP_MESSAGES_PER_SECOND: '20',
    });
    expect(c.templateSyncMinutes).toBe(5);
    expect(c.messagesPerSecond).toBe(20);
    expect(c.accounts[0]!.templateSenders).toEqual(['U0AGENT01', 'S0SUPPORT1', '123456789012345678']);
  });

  test('bad values name the variable', () => {
    expect(problem({ ...base, TEMPLATE_SYNC_MINUTES: 'often' })).toMatch(/TEMPLATE_SYNC_MINUTES: /);
    expect(problem({ ...base, TEMPLATE_SYNC_MINUTES: '-1' })).toMatch(/TEMPLATE_SYNC_MINUTES: must be 0 \(no schedule\) or more minutes/);
    expect(problem({ ...base, TEMPLATE_SENDERS: 'ana' })).toMatch(
      /TEMPLATE_SENDERS.0: each entry must be a Slack user id \(U…\), a Slack user-group id \(S…\) or a Discord user id/,
    );
  });
});
