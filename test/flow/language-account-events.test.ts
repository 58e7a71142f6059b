/**
 * An account event from Meta (adapters/whatsapp/account-events.ts) is announced in the account's channel in the
 * account's language (issue 11 point 9): the line comes from the catalogue's area `account`, Meta's values put in as
 * they come. Meta's fixture (account_update, ACCOUNT_VIOLATION) through the signed webhook route.
 */
import { loadWhatsAppFixture } from '../fixtures/whatsapp';
import { CHANNEL, startHarness, type Harness } from '../support/harness';
import { it as italian } from '../../src/i18n/catalogue/it';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('language-account-events', { env: { BRIDGE_LANGUAGE: 'it' } });
});

afterAll(async () => {
  await h?.close();
});

test('an account update is announced in Italian in the account’s channel', async () => {
  const res = await h.postWebhook(loadWhatsAppFixture('account-update-violation'));
  expect(res.status).toBe(200);
  const notice = await h.eventually(() => {
    const n = h.slack.posted(CHANNEL).find((p) => !p.thread_ts && String(p.text).startsWith('📣'));
    expect(n).toBeDefined();
    return String(n!.text);
  });
  expect(notice).toBe(`📣 ${italian.account.events.accountUpdate.replace('{{event}}', 'ACCOUNT_VIOLATION')}`);
  expect(notice).not.toContain('WhatsApp account update');
});
