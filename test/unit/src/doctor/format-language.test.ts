/**
 * `/wa doctor` in the channel's language (issue 11 point 9): each check carries its catalogue keys beside its English,
 * the report's frame and every check's words come out in en / it / fr / vi, the English stays as the CLI prints it,
 * and the refusal a non-admin gets is in the channel's language too.
 */
import { faqEntry } from '../../../../adapters/whatsapp/doctor';
import { NEEDED_PERMISSIONS } from '../../../../adapters/discord/permissions';
import { formatDoctorReport, registerDoctorCommand, type DoctorReport } from '../../../../src/doctor';
import { checkFailed, checkPassed, doctorText as tx, explanationText, listText, rawText, renderText } from '../../../../src/doctor/text';
import type { DoctorCheck } from '../../../../src/domain/doctor';
import { t, type Language } from '../../../../src/i18n';
import { Commands, type CommandRequest } from '../../../../src/services/commands';
import { passed } from '../../../support/doctor';

const report = (...checks: DoctorCheck[]): DoctorReport => ({
  sections: [{ title: 'WhatsApp · default (106540352242922)', checks }],
  ok: checks.every((c) => c.ok),
});

const sample = report(
  checkPassed(tx('doctor.token.valid'), tx('doctor.token.validOfAppWithId', { app: 'Odoo bridge', id: '1234' })),
  checkFailed(
    tx('doctor.chat.channel', { id: 'C0123ABCD' }),
    tx('doctor.slack.notMember', { bot: 'wa-bridge', channel: '#whatsapp' }),
    tx('doctor.slack.notMemberFix', { bot: 'wa-bridge', channel: '#whatsapp' }),
  ),
);

const expected: Record<Language, string> = {
  en: [
    '*WhatsApp · default (106540352242922)*',
    '  ✅ access token valid: a valid token of the app Odoo bridge (app id 1234)',
    '  ❌ channel C0123ABCD: @wa-bridge is not a member of #whatsapp: posts fail with not_in_channel',
    '      → fix: in #whatsapp, type /invite @wa-bridge',
    '1 of 2 checks failed.',
  ].join('\n'),
  it: [
    '*WhatsApp · default (106540352242922)*',
    '  ✅ token di accesso valido: un token valido dell’app Odoo bridge (ID app 1234)',
    '  ❌ canale C0123ABCD: @wa-bridge non è membro di #whatsapp: le pubblicazioni falliscono con not_in_channel',
    '      → soluzione: in #whatsapp, scrivi /invite @wa-bridge',
    '1 controllo su 2 non superato.',
  ].join('\n'),
  fr: [
    '*WhatsApp · default (106540352242922)*',
    '  ✅ jeton d’accès valide : un jeton valide de l’application Odoo bridge (ID d’application 1234)',
    '  ❌ canal C0123ABCD : @wa-bridge n’est pas membre de #whatsapp : les publications échouent avec not_in_channel',
    '      → solution : dans #whatsapp, tapez /invite @wa-bridge',
    '1 vérification sur 2 a échoué.',
  ].join('\n'),
  vi: [
    '*WhatsApp · default (106540352242922)*',
    '  ✅ token truy cập hợp lệ: một token hợp lệ của ứng dụng Odoo bridge (ID ứng dụng 1234)',
    '  ❌ kênh C0123ABCD: @wa-bridge không phải thành viên của #whatsapp: các bài đăng sẽ lỗi not_in_channel',
    '      → cách khắc phục: trong #whatsapp, gõ /invite @wa-bridge',
    '1 trên 2 mục kiểm tra không đạt.',
  ].join('\n'),
};

describe('the report in each language', () => {
  test.each(Object.keys(expected) as Language[])('%s', (language) => {
    expect(formatDoctorReport(sample, { chat: true, language })).toBe(expected[language]);
  });

  test('English is the default, and the CLI’s plain report is unchanged', () => {
    expect(formatDoctorReport(sample, { chat: true })).toBe(expected.en);
    expect(formatDoctorReport(sample)).toBe(expected.en.replace('*WhatsApp · default (106540352242922)*', 'WhatsApp · default (106540352242922)'));
  });

  test('the last line: all passed, in each language, plural by the count', () => {
    const ok = report(
      checkPassed(tx('doctor.number.live'), tx('doctor.number.isLive')),
      checkPassed(tx('doctor.token.expiry'), tx('doctor.token.neverExpires')),
    );
    expect(formatDoctorReport(ok, { language: 'en' }).split('\n').at(-1)).toBe('All 2 checks passed.');
    expect(formatDoctorReport(ok, { language: 'it' }).split('\n').at(-1)).toBe('Tutti i 2 controlli sono stati superati.');
    expect(formatDoctorReport(ok, { language: 'fr' }).split('\n').at(-1)).toBe('Les 2 vérifications ont toutes réussi.');
    expect(formatDoctorReport(ok, { language: 'vi' }).split('\n').at(-1)).toBe('Cả 2 mục kiểm tra đều đạt.');
    const two = report(
      checkFailed(tx('doctor.number.live'), tx('doctor.number.sandbox'), tx('doctor.faq.notLiveFix')),
      checkFailed(tx('doctor.token.expiry'), tx('doctor.token.expired', { when: '2026-01-01T00:00:00Z' }), tx('doctor.faq.permanentTokenFix')),
    );
    expect(formatDoctorReport(two, { language: 'it' })).toMatch(
      / {2}❌ app Live: il numero è un numero di test \(SANDBOX\).*\n {6}→ soluzione: passa l’app in modalità Live/,
    );
    expect(formatDoctorReport(two, { language: 'it' }).split('\n').at(-1)).toBe('2 controlli su 2 non superati.');
    expect(formatDoctorReport(two, { language: 'fr' }).split('\n').at(-1)).toBe('2 vérifications sur 2 ont échoué.');
  });

  test('a check without keys (English words only) shows its English in every language, in the language’s frame', () => {
    const plain = report(passed('access token valid', 'for 106540352242922'));
    expect(formatDoctorReport(plain, { language: 'fr' })).toContain('  ✅ access token valid : for 106540352242922');
  });
});

describe('a check’s texts', () => {
  test('the English of a keyed check is the English catalogue’s, variables and nested texts filled in', () => {
    const check = checkPassed(tx('doctor.number.live'), tx('doctor.number.liveUnknown', { fix: tx('doctor.faq.notLiveFix') }));
    expect(check.name).toBe('app Live');
    expect(check.detail).toBe(`not reported by Meta; check that App Dashboard → App Mode says Live (else: ${faqEntry(131030)!.fix})`);
    expect(renderText('it', check.text!.detail)).toMatch(/^non indicato da Meta; .*\(altrimenti: passa l’app in modalità Live/);
  });

  test('an empty list reads as the language says it (“none”, each in its gender)', () => {
    const lacks = tx('doctor.number.wabaLacks', { waba: '102290129340398', id: '106540352242922', ids: tx('doctor.number.noNumbers') });
    expect(renderText('en', lacks)).toBe('102290129340398 does not list the number 106540352242922 (it lists none)');
    expect(renderText('it', lacks)).toBe('102290129340398 non include il numero 106540352242922 (include: nessuno)');
    expect(renderText('fr', lacks)).toBe('102290129340398 ne contient pas le numéro 106540352242922 (il contient : aucun)');
    expect(renderText('vi', lacks)).toBe('102290129340398 không có số 106540352242922 (danh sách số: không có)');
    const scopes = tx('doctor.token.missingScopes', { missing: 'whatsapp_business_management', granted: tx('doctor.token.noScopes') });
    expect(renderText('en', scopes)).toBe('missing whatsapp_business_management (granted: none)');
    expect(renderText('it', scopes)).toBe('mancano whatsapp_business_management (concesse: nessuna)');
  });

  test('a platform’s own words stay as they are in every language', () => {
    for (const language of ['en', 'it', 'fr', 'vi'] as const)
      expect(renderText(language, rawText('GET /users/@me: 401 Unauthorized'))).toBe('GET /users/@me: 401 Unauthorized');
  });

  test('a list is joined with commas, each item in the language', () => {
    const list = listText([tx('doctor.discord.why.viewChannel'), tx('doctor.discord.why.attachFiles'), rawText('X')]);
    expect(renderText('en', list)).toBe('see the channel, post customers’ media, X');
    expect(renderText('it', list)).toBe('vedere il canale, pubblicare i file multimediali dei clienti, X');
  });

  test('a Graph error’s explanation comes from the errors area in the language, Meta’s detail kept', () => {
    const e = { meaning: 'the WhatsApp access token has expired or was revoked', action: 'create a new token', key: 'whatsapp.e190' };
    expect(renderText('en', explanationText(e, 'meaning'))).toBe(e.meaning);
    expect(renderText('it', explanationText(e, 'meaning'))).toBe(t('it', 'errors.whatsapp.e190.meaning'));
    expect(renderText('fr', explanationText(e, 'action'))).toBe(t('fr', 'errors.whatsapp.e190.action'));
    const unknown = {
      meaning: 'Something odd (more)',
      action: 'see Meta’s error code reference for this code',
      key: 'whatsappOther.unknown',
      detail: 'Something odd (more)',
    };
    expect(renderText('vi', explanationText(unknown, 'meaning'))).toBe('Something odd (more)');
  });

  test('the FAQ entries carry their keys; English names and fixes as before', () => {
    const expired = faqEntry(190)!;
    expect(expired.name).toBe('the access token has expired (a temporary token lasts 24 hours)');
    expect(renderText('it', expired.text.name)).toBe('il token di accesso è scaduto (un token temporaneo dura 24 ore)');
    expect(renderText('en', faqEntry(100)!.text.fix)).toBe(faqEntry(100)!.fix);
    expect(faqEntry(100)!.fix).toMatch(/^check WHATSAPP_PHONE_NUMBER_ID .*; if they are right, the token belongs to an Employee system user: /);
  });

  test('every Discord permission’s reason has its catalogue text, worded as permissions.ts words it', () => {
    const keys: Record<string, string> = {
      'View Channel': 'viewChannel',
      'Send Messages': 'sendMessages',
      'Send Messages in Threads': 'sendMessagesInThreads',
      'Create Public Threads': 'createPublicThreads',
      'Read Message History': 'readMessageHistory',
      'Add Reactions': 'addReactions',
      'Attach Files': 'attachFiles',
      'Manage Threads': 'manageThreads',
    };
    for (const p of NEEDED_PERMISSIONS)
      expect([p.name, renderText('en', tx(`doctor.discord.why.${keys[p.name]}` as 'doctor.discord.why.viewChannel'))]).toEqual([p.name, p.why]);
  });
});

describe('the refusal a non-admin gets, in the channel’s language', () => {
  const req = (userId: string): CommandRequest => ({ platform: 'slack', userId, channelId: 'C0123ABCD', text: 'doctor' });
  const commands = (language: Language, admins: string[]) => {
    const c = new Commands(() => language);
    registerDoctorCommand(c, { admins, run: async () => report(), languageOf: () => language });
    return c;
  };

  test('English, as before: with admins configured, and with none', async () => {
    expect((await commands('en', ['U0ADMIN']).handle(req('U0OTHER'))).text).toBe(
      '🚫 `/wa doctor` is for the bridge’s admins. Ask an admin to add your user id (U0OTHER) to BRIDGE_ADMINS, or run `npm run doctor` on the server.',
    );
    expect((await commands('en', []).handle(req('U0OTHER'))).text).toBe(
      '🚫 `/wa doctor` is for the bridge’s admins. No admin is configured: add your user id (U0OTHER) to BRIDGE_ADMINS, or run `npm run doctor` on the server.',
    );
  });

  test.each(['it', 'fr', 'vi'] as const)('%s', async (language) => {
    for (const [admins, key] of [
      [['U0ADMIN'], 'doctor.refused.askAdmin'],
      [[], 'doctor.refused.noAdmin'],
    ] as const) {
      const text = (await commands(language, [...admins]).handle(req('U0OTHER'))).text;
      expect(text).toBe(t(language, key, { user: 'U0OTHER' }));
      expect(text).not.toBe(t('en', key, { user: 'U0OTHER' }));
      expect(text).toMatch(/^🚫 `\/wa doctor` .*\(U0OTHER\).* BRIDGE_ADMINS.*`npm run doctor`/);
    }
  });

  test('an admin gets the report in the channel’s language', async () => {
    const c = new Commands(() => 'it');
    registerDoctorCommand(c, { admins: ['U0ADMIN'], run: async () => sample, languageOf: () => 'it' });
    expect((await c.handle(req('U0ADMIN'))).text).toBe(expected.it);
  });
});
