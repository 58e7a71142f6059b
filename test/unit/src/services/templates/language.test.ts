/**
 * The template texts in the agents' language (issue 11 point 9, catalogue area `templates`): plurals follow each
 * language's rules, the pure functions write in the language they are given, a status notice in the account's, and
 * English reads exactly as before the catalogue.
 */
import { LANGUAGES, t } from '../../../../../src/i18n';
import type { BulkRecord } from '../../../../../src/domain/records';
import type { Store } from '../../../../../src/domain/store';
import type { TemplateRecord } from '../../../../../src/domain/templates';
import type { AccountEvent } from '../../../../../src/domain/whatsapp';
import { createLogger } from '../../../../../src/logger';
import { bulkText } from '../../../../../src/services/templates/bulk';
import { parseRecipientsCsv } from '../../../../../src/services/templates/csv';
import { normalizePhone } from '../../../../../src/services/templates/phone';
import { bullets } from '../../../../../src/services/templates/sender';
import { sendability, statusMeaning, TemplateStatusUpdates } from '../../../../../src/services/templates/status';
import { describeReport } from '../../../../../src/services/templates/sync';
import { assignArgs, buildMessage, templateShape } from '../../../../../src/services/templates/variables';

describe('pluralised template texts, in each language', () => {
  const counts = (key: Parameters<typeof t>[1], vars: object, language: (typeof LANGUAGES)[number], ns: number[]) =>
    ns.map((count) => (t as unknown as (l: string, k: string, v: object) => string)(language, key, { ...vars, count }));

  test('a bulk send’s start: number / numbers', () => {
    const v = { ref: 'offer:en', refused: '' };
    expect(counts('templateBulk.started', v, 'en', [1, 2]).map((s) => s.split('.')[0])).toEqual([
      '📤 Sending `offer:en` to 1 number',
      '📤 Sending `offer:en` to 2 numbers',
    ]);
    expect(counts('templateBulk.started', v, 'it', [1, 2]).map((s) => s.split('.')[0])).toEqual([
      '📤 Invio di `offer:en` a 1 numero',
      '📤 Invio di `offer:en` a 2 numeri',
    ]);
    // French: 0 and 1 are singular (CLDR `one`).
    expect(counts('templateBulk.started', v, 'fr', [0, 1, 2]).map((s) => s.split('.')[0])).toEqual([
      '📤 Envoi de `offer:en` à 0 numéro',
      '📤 Envoi de `offer:en` à 1 numéro',
      '📤 Envoi de `offer:en` à 2 numéros',
    ]);
    // Vietnamese has one form.
    expect(counts('templateBulk.started', v, 'vi', [1, 2]).map((s) => s.split('.')[0])).toEqual([
      '📤 Đang gửi `offer:en` đến 1 số',
      '📤 Đang gửi `offer:en` đến 2 số',
    ]);
  });

  test('the refused entries of a bulk send', () => {
    expect(counts('templateBulk.startedRefused', { inputs: 'x' }, 'en', [1, 2])).toEqual([' (1 refused: x)', ' (2 refused: x)']);
    expect(counts('templateBulk.startedRefused', { inputs: 'x' }, 'it', [1, 2])).toEqual([' (1 rifiutato: x)', ' (2 rifiutati: x)']);
    expect(counts('templateBulk.startedRefused', { inputs: 'x' }, 'fr', [1, 2])).toEqual([' (1 refusé : x)', ' (2 refusés : x)']);
    expect(counts('templateBulk.startedRefused', { inputs: 'x' }, 'vi', [1, 2])).toEqual([' (1 số bị từ chối: x)', ' (2 số bị từ chối: x)']);
  });

  test('how many values a template needs (`/wa templates`); English keeps its "value(s)"', () => {
    expect(counts('templateSend.listValues', {}, 'en', [1, 2])).toEqual(['1 value(s)', '2 value(s)']);
    expect(counts('templateSend.listValues', {}, 'it', [0, 1, 3])).toEqual(['0 valori', '1 valore', '3 valori']);
    expect(counts('templateSend.listValues', {}, 'fr', [0, 1, 3])).toEqual(['0 valeur', '1 valeur', '3 valeurs']);
    expect(counts('templateSend.listValues', {}, 'vi', [1, 3])).toEqual(['1 giá trị', '3 giá trị']);
  });

  test('too many values: value / values', () => {
    const v = { template: 'offer', given: 3 };
    expect(counts('templateValues.tooMany', v, 'en', [1, 2])).toEqual([
      'too many values: offer takes 1 value, you gave 3',
      'too many values: offer takes 2 values, you gave 3',
    ]);
    expect(counts('templateValues.tooMany', v, 'it', [1, 2])).toEqual([
      'troppi valori: offer richiede 1 valore, ne hai indicati 3',
      'troppi valori: offer richiede 2 valori, ne hai indicati 3',
    ]);
    expect(counts('templateValues.tooMany', v, 'fr', [1, 2])).toEqual([
      'trop de valeurs : offer demande 1 valeur, vous en avez donné 3',
      'trop de valeurs : offer demande 2 valeurs, vous en avez donné 3',
    ]);
    expect(counts('templateValues.tooMany', v, 'vi', [1, 2])).toEqual([
      'quá nhiều giá trị: offer cần 1 giá trị, bạn đã đưa 3',
      'quá nhiều giá trị: offer cần 2 giá trị, bạn đã đưa 3',
    ]);
  });

  test('a phone number’s digits: digit / digits (English keeps "digits")', () => {
    expect(counts('templatePhone.digits', {}, 'en', [1, 5])).toEqual(['it has 1 digits', 'it has 5 digits']);
    expect(counts('templatePhone.digits', {}, 'it', [1, 5])).toEqual(['ha 1 cifra', 'ha 5 cifre']);
    expect(counts('templatePhone.digits', {}, 'fr', [1, 5])).toEqual(['il a 1 chiffre', 'il a 5 chiffres']);
    expect(counts('templatePhone.digits', {}, 'vi', [1, 5])).toEqual(['nó có 1 chữ số', 'nó có 5 chữ số']);
  });
});

describe('the pure functions write in the language given; English as before', () => {
  test('a phone number too short names the country in the language (Intl.DisplayNames)', () => {
    expect(normalizePhone('+49123')).toEqual({
      ok: false,
      reason: '`+49123` is too short for Germany (+49): it has 5 digits; an international number has 8 to 15',
    });
    expect(normalizePhone('+49123', 'it')).toEqual({
      ok: false,
      reason: '`+49123` è troppo corto per Germania (+49): ha 5 cifre; un numero internazionale ha da 8 a 15 cifre',
    });
    expect(normalizePhone('+49123', 'fr')).toEqual({
      ok: false,
      reason: '`+49123` est trop court pour Allemagne (+49) : il a 5 chiffres ; un numéro international a de 8 à 15 chiffres',
    });
    expect(normalizePhone('+49123', 'vi')).toMatchObject({ ok: false, reason: expect.stringContaining('quá ngắn đối với Đức (+49): nó có 5 chữ số') });
  });

  test('a CSV that cannot be read says where, in the language (csv-parse’s own detail stays as it is)', () => {
    const read = (language: 'en' | 'it') => () => parseRecipientsCsv('phone,name\n+4915112345678,"Ann\n', language);
    expect(read('en')).toThrow(/^is not a CSV file that can be read: a quote opened in row 2, cell 2 is never closed \(Quote Not Closed/);
    expect(read('it')).toThrow(/^non è un file CSV leggibile: delle virgolette aperte alla riga 2, cella 2 non vengono mai chiuse \(Quote Not Closed/);
  });

  test('a status’s meaning, a rejection’s reason and recommendation in place', () => {
    const info = { reason: 'INVALID_FORMAT', detail: 'Two variables touch.', recommendation: 'Separate them.' };
    expect(statusMeaning('REJECTED', info)).toBe(
      'It cannot be sent. Meta’s reason: INVALID_FORMAT. Two variables touch. Meta recommends: Separate them. Edit it in WhatsApp Manager and submit it again.',
    );
    expect(statusMeaning('REJECTED', info, 'it')).toBe(
      'Non può essere inviato. Motivo indicato da Meta: INVALID_FORMAT. Two variables touch. Meta consiglia: Separate them. Modificalo in WhatsApp Manager e invialo di nuovo per la revisione.',
    );
    expect(statusMeaning('PAUSED', { detail: 'x' }, 'fr')).toContain('les envois échouent avec 132015 (x)');
    expect(statusMeaning('UNARCHIVED', {}, 'vi')).toBe('Có thể gửi lại nó bằng `/wa template`.');
    expect(statusMeaning('SOMETHING_NEW', {}, 'it')).toBe('');
    expect(sendability({ status: 'IN_APPEAL' })).toBe('⛔ in appeal');
    expect(sendability({ status: 'PAUSED' }, 'it')).toBe('⛔ in pausa');
    expect(sendability({ status: 'APPROVED', quality: 'RED' }, 'fr')).toBe('⚠️ approuvé, qualité faible');
    expect(sendability({ status: 'SOMETHING_NEW' }, 'vi')).toBe('⛔ something new');
  });

  test('a count problem replaces the "missing" lines it sums up, in every language', () => {
    const template = {
      name: 'offer',
      language: 'en',
      parameterFormat: 'POSITIONAL',
      status: 'APPROVED',
      components: [{ type: 'BODY', text: 'Hi {{1}}, your code is {{2}}.' }],
    } as unknown as TemplateRecord;
    for (const language of LANGUAGES) {
      const shape = templateShape(template, language);
      const { errors } = assignArgs(template, shape, ['Ann']);
      expect(Object.keys(errors).sort()).toEqual(['2', '_']);
      expect(bullets(errors, language).split('\n')).toEqual([`• ${errors._}`]);
    }
    const it = templateShape(template, 'it');
    expect(assignArgs(template, it, ['Ann']).errors._).toBe('valori insufficienti: offer ne richiede 2, ne hai indicati 1 (mancano corpo {{2}})');
    expect(buildMessage(template, it, { '1': 'Ann', '2': 'a\tb' })).toEqual({
      ok: false,
      errors: { '2': 'il valore contiene un a capo o una tabulazione, che WhatsApp non consente in una variabile' },
    });
  });

  test('a bulk send’s progress and final list', () => {
    const b = {
      _id: 'b1',
      accountId: '1',
      template: { name: 'offer', language: 'en' },
      createdBy: { platform: 'slack', userId: 'U1', name: 'Ana' },
      channel: { platform: 'slack', channelId: 'C1' },
      createdAt: new Date(0),
      recipients: [
        { phone: '4915112345678', args: [] },
        { phone: '447911123456', args: [] },
      ],
      results: { p4915112345678: { state: 'sent', at: new Date(0) }, p447911123456: { state: 'failed', reason: 'nope', at: new Date(0) } },
      refused: [{ input: 'abc', reason: 'not a number' }],
      state: 'running',
    } as unknown as BulkRecord;
    expect(bulkText(b, false)).toBe('📤 Sending `offer:en` to 2 numbers (started by Ana): 2/2 done — 1 sent, 1 failed, 1 refused.');
    expect(bulkText(b, true).split('\n')).toEqual([
      '📤 `offer:en` sent to 2 numbers (started by Ana): 1 sent, 1 failed, 1 refused.',
      '• +4915112345678 — sent',
      '• +447911123456 — failed: nope',
      '• abc — refused: not a number',
    ]);
    expect(bulkText(b, true, 'it').split('\n')).toEqual([
      '📤 `offer:en` inviato a 2 numeri (avviato da Ana): inviati: 1, non riusciti: 1, rifiutati: 1.',
      '• +4915112345678 — inviato',
      '• +447911123456 — non riuscito: nope',
      '• abc — rifiutato: not a number',
    ]);
    const one = { ...b, recipients: b.recipients.slice(0, 1), results: { p4915112345678: b.results.p4915112345678! }, refused: [] };
    expect(bulkText(one, false, 'fr')).toBe('📤 Envoi de `offer:en` à 1 numéro (lancé par Ana) : 1/1 traités — envoyés : 1, échecs : 0, refusés : 0.');
  });

  test('`/wa sync`’s report; a number without a WhatsApp Business Account is explained in the language', () => {
    const ok = { wabaId: '42', accounts: ['Shop'], added: 1, updated: 2, removed: 0, total: 3 };
    expect(describeReport(ok)).toBe('🔄 Templates of Shop (WhatsApp Business Account 42): 1 added, 2 updated, 0 removed; 3 in total.');
    expect(describeReport(ok, 'vi')).toBe('🔄 Các template của Shop (tài khoản WhatsApp Business 42): thêm 1, cập nhật 2, xóa 0; tổng cộng 3.');
    const noWaba = { accounts: ['Shop'], added: 0, updated: 0, removed: 0, total: 0, problem: 'English for the log', cause: { noWaba: '123' } };
    expect(describeReport(noWaba, 'it')).toMatch(/^⚠️ Template di Shop non sincronizzati: il numero 123 non ha un ID account WhatsApp Business/);
  });
});

test('a template status notice is written in the language of the account the WhatsApp Business Account belongs to', async () => {
  // Only what apply() reads and writes: the templates of a WABA (none synced here: the sync is asked for).
  const store = { listTemplates: async () => [], updateTemplate: async () => undefined } as unknown as Store;
  const asked: string[] = [];
  const updates = new TemplateStatusUpdates(
    store,
    () => ({ name: 'offer', language: 'en', status: 'PAUSED' }),
    createLogger('silent'),
    (waba) => asked.push(waba),
    undefined,
    (waba) => (waba === 'W-it' ? 'it' : 'en'),
  );
  const event = (wabaId: string) => ({ field: 'message_template_status_update', wabaId, value: {}, summary: '' }) as unknown as AccountEvent;
  expect(await updates.apply(event('W-it'))).toMatch(/^\*Cosa significa per chi invia:\* Non può essere inviato finché Meta non revoca la sospensione/);
  expect(await updates.apply(event('W-en'))).toMatch(/^\*What it means for senders:\* It cannot be sent until Meta lifts the pause/);
  expect(asked).toEqual(['W-it', 'W-en']);
});
