/** Odoo's WhatsApp FAQ errors, each named with its fix; 131030 and the FAQ meaning of 100 in the explanations table. */
import { explainWhatsAppError } from '../../../../adapters/whatsapp/errors';
import { faqEntry } from '../../../../adapters/whatsapp/doctor';

test('190: an expired token → a permanent token of a system user', () => {
  expect(faqEntry(190)?.fix).toMatch(/System users .*Token expiration: Never/);
});

test('100: an Employee system user → an Admin system user', () => {
  expect(faqEntry(100)?.name).toContain('Employee system user');
  expect(faqEntry(100)?.fix).toContain('create an Admin system user');
});

test('131030: the app is not Live → switch to Live or add the number to the test list', () => {
  expect(faqEntry(131030)?.name).toContain('not Live');
  expect(faqEntry(131030)?.fix).toContain('App Mode: Live');
  expect(faqEntry(131030)?.fix).toContain('test list');
});

test('a duplicate template name, told by Meta’s words', () => {
  expect(faqEntry(100, 'Message template "order_update" already exists in en_US')?.name).toBe('duplicate template name');
});

test('business verification for permission errors; nothing for an unrelated code', () => {
  expect(faqEntry(10)?.fix).toContain('business verification');
  expect(faqEntry(131047)).toBeUndefined();
});

test('the explanations table: 131030 is the app not Live, 100 names the Employee system user', () => {
  const notLive = explainWhatsAppError({ code: 131030, title: 'Recipient phone number not in allowed list' });
  expect(notLive.meaning).toContain('the app is not Live');
  expect(notLive.action).toContain('test list');
  expect(notLive.retryable).toBe(false);
  expect(explainWhatsAppError({ code: 100, title: 'Invalid parameter' }).action).toContain('Employee system user');
});
