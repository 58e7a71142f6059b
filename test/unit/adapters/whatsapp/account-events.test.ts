/** Every account event the channel is told of has its line in every language's catalogue (area `account`). */
import { NOTICE_FIELDS, summarizeAccountEvent } from '../../../../adapters/whatsapp/account-events';
import { LANGUAGES, isLanguage } from '../../../../src/i18n';
import { accountEventText } from '../../../../src/services/present/account-event-text';

/** Values shaped as Meta's webhooks for each field (the fields of test/fixtures/whatsapp and Meta's webhook reference). */
const VALUES: Record<string, Record<string, unknown>> = {
  message_template_status_update: { event: 'PAUSED', message_template_name: 'order', message_template_language: 'it', reason: 'NONE' },
  message_template_quality_update: {
    message_template_name: 'order',
    message_template_language: 'it',
    previous_quality_score: 'GREEN',
    new_quality_score: 'RED',
  },
  template_category_update: { message_template_name: 'order', message_template_language: 'it', previous_category: 'UTILITY', new_category: 'MARKETING' },
  account_update: { event: 'ACCOUNT_RESTRICTION' },
  phone_number_quality_update: { display_phone_number: '15550783881', event: 'FLAGGED', current_limit: 'TIER_1K' },
  phone_number_name_update: { display_phone_number: '15550783881', decision: 'APPROVED', requested_verified_name: 'Acme' },
  account_alerts: { alert_type: 'OBA_APPROVED' },
};

test.each([...NOTICE_FIELDS])('%s: worded in every language, Meta’s values kept, English as the summary', (field) => {
  const e = summarizeAccountEvent(field, 'WABA1', VALUES[field]);
  expect(e.text).toBeDefined();
  expect(accountEventText('en', e.text!)).toBe(e.summary);
  for (const lang of LANGUAGES.filter((l) => isLanguage(l) && l !== 'en')) {
    const line = accountEventText(lang, e.text!);
    expect(line).not.toBe(e.summary);
    expect(line).not.toMatch(/\{\{/);
    for (const value of Object.values(e.text!.vars)) expect(line).toContain(value);
  }
});

test('an alert without a type reads without a dangling space in every language', () => {
  const e = summarizeAccountEvent('account_alerts', 'WABA1', {});
  expect(e.summary).toBe('WhatsApp account alert:');
  expect(accountEventText('it', e.text!)).toBe('Avviso dell’account WhatsApp:');
});
