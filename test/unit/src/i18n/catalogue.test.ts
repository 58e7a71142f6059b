/**
 * The agents' message catalogue (issue 11 point 9): every language has every English key with the same variables, a
 * text a language lacks falls back to English, plurals follow the language's rules, and tokens are put in unescaped.
 */
import { CATALOGUES, LANGUAGES, catalogueInstance, formatNumber, t, tokenText, translator } from '../../../../src/i18n';
import { en } from '../../../../src/i18n/catalogue/en';
import { flatten, type Tree } from '../../../support/catalogue-texts';

const variables = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

/** What a catalogue lacks or has in excess, and where its variables differ from English's. */
function differences(reference: Tree, other: Tree): string[] {
  const want = flatten(reference);
  const have = flatten(other);
  return [
    ...[...want.keys()].filter((k) => !have.has(k)).map((k) => `missing ${k}`),
    ...[...have.keys()].filter((k) => !want.has(k)).map((k) => `unknown ${k}`),
    ...[...want]
      .filter(([k, text]) => have.has(k) && variables(have.get(k)!).join() !== variables(text).join())
      .map(([k, text]) => `${k}: variables ${variables(have.get(k)!).join(', ') || 'none'} instead of ${variables(text).join(', ') || 'none'}`),
  ];
}

describe('every catalogue key is present in every language, with the same variables', () => {
  test.each(LANGUAGES.filter((l) => l !== 'en'))('%s', (language) => {
    expect(differences(en, CATALOGUES[language])).toEqual([]);
  });

  test('every area is in the check, the template texts’ among them (catalogue/<lang>/templates.ts)', () => {
    const keys = [...flatten(en).keys()];
    for (const area of ['templateSend', 'templateValues', 'templatePhone', 'templateCsv', 'templateStatus', 'templateBulk', 'templateSync'])
      expect(keys.filter((k) => k.startsWith(`${area}.`)).length).toBeGreaterThan(0);
    const broken = structuredClone(CATALOGUES.vi) as unknown as { templateBulk: Record<string, string> };
    delete broken.templateBulk.started_one;
    expect(differences(en, broken as unknown as Tree)).toEqual(['missing templateBulk.started_one']);
  });

  test('no text is empty', () => {
    for (const language of LANGUAGES) expect([...flatten(CATALOGUES[language])].filter(([, text]) => !text.trim())).toEqual([]);
  });

  test('the check itself catches a missing key, an extra key and a changed variable', () => {
    const broken = structuredClone(CATALOGUES.it) as unknown as { card: Record<string, string>; notices: Record<string, string> };
    delete broken.card.nobody;
    broken.card.extra = 'in più';
    broken.notices.notDelivered = broken.notices.notDelivered!.replace('{{code}}', '{{codice}}');
    expect(differences(en, broken as unknown as Tree)).toEqual([
      'missing card.nobody',
      'unknown card.extra',
      'notices.notDelivered: variables action, codice, meaning instead of action, code, meaning',
    ]);
  });
});

describe('a missing translation falls back to English', () => {
  test('a language lacking a text gets the English one, the texts it has stay its own (partial resource, separate instance)', () => {
    const partial = catalogueInstance({
      en: { translation: { card: { nobody: 'nobody', open: '*Open*: nobody owns it yet' } } },
      it: { translation: { card: { nobody: 'nessuno' } } },
    });
    expect(partial.t('card.nobody', { lng: 'it' })).toBe('nessuno');
    expect(partial.t('card.open', { lng: 'it' })).toBe('*Open*: nobody owns it yet');
  });

  test('the bridge’s own instance answers every key in every language (no key is returned as itself)', () => {
    const keys = [...flatten(en).keys()].map((k) => k.replace(/_(one|other)$/, ''));
    const anyKey = t as unknown as (language: string, key: string, vars: object) => string;
    for (const language of LANGUAGES) for (const key of keys) expect(anyKey(language, key, { count: 2 })).not.toBe(key);
  });
});

describe('t', () => {
  test('English texts read exactly as before the catalogue', () => {
    expect(t('en', 'notices.notDelivered', { meaning: 'the number is not on WhatsApp', code: '131026', action: 'check it' })).toBe(
      '⚠️ *Not delivered to the customer:* the number is not on WhatsApp (code 131026).\n*What to do:* check it',
    );
    expect(t('en', 'lifecycle.ownNow', { name: 'Ann' })).toBe('Ann owns this conversation now.');
  });

  test('variables are not HTML-escaped nor read as catalogue syntax (a customer’s text is only ever a variable)', () => {
    expect(t('en', 'content.tapped', { title: 'Fish & <chips> {{count}} $t(card.nobody)' })).toBe('🔘 Tapped: *Fish & <chips> {{count}} $t(card.nobody)*');
  });

  test('plurals follow each language’s rules (i18next _one / _other through Intl.PluralRules)', () => {
    expect([1, 2].map((count) => t('en', 'time.minutes', { count }))).toEqual(['1 minute', '2 minutes']);
    // French says "0 minute" and "1 minute" (CLDR: 0 and 1 are `one`); Italian "0 minuti"; Vietnamese has one form.
    expect([0, 1, 2].map((count) => t('fr', 'time.minutes', { count }))).toEqual(['0 minute', '1 minute', '2 minutes']);
    expect([0, 1].map((count) => t('it', 'time.seconds', { count }))).toEqual(['0 secondi', '1 secondo']);
    expect([1, 5].map((count) => t('vi', 'time.minutes', { count }))).toEqual(['1 phút', '5 phút']);
  });

  test('the compiler refuses a missing variable and an unknown key (tsc --noEmit checks these lines)', () => {
    // @ts-expect-error -- `name` is required by the English text
    expect(t('en', 'lifecycle.ownNow')).toBe('{{name}} owns this conversation now.');
    // @ts-expect-error -- no such key: i18next answers with the key itself
    expect(t('en', 'card.nope')).toBe('card.nope');
  });

  test('translator binds a language', () => {
    expect(translator('it')('lifecycle.reopened')).toBe('Conversazione riaperta.');
  });

  test('tokenText escapes the words around a token, never the token', () => {
    const escape = (s: string) => s.replace(/</g, '&lt;');
    expect(tokenText('en', 'card.owned', { owner: '<@U1>' }, escape)).toBe('*Owned* by <@U1>');
    expect(tokenText('fr', 'card.windowOpen', { until: '<t:1:f>' }, (s) => `[${s}]`)).toBe('[🟢 Fenêtre de 24 heures ouverte, fin : ]<t:1:f>');
  });
});

test('amounts are written the language’s way (Intl.NumberFormat), English as String(n)', () => {
  expect(formatNumber('en', 1234.5)).toBe('1234.5');
  expect(formatNumber('en', 0.1)).toBe('0.1');
  expect(formatNumber('it', 1234.5)).toBe('1234,5');
  expect(formatNumber('fr', 12.25)).toBe('12,25');
});
