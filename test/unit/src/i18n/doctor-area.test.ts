/**
 * The `doctor` area of the catalogue (src/i18n/catalogue/<lang>/doctor.ts, `/wa doctor`): in the key-parity check of
 * catalogue.test.ts like every area, translated (not English left over), and every translation keeps what an admin
 * types or looks up as it is: code spans, env variables, API and permission identifiers, URLs and the emoji.
 */
import { CATALOGUES, LANGUAGES } from '../../../../src/i18n';
import { flatten, type Tree } from '../../../support/catalogue-texts';

const area = (language: (typeof LANGUAGES)[number]) => flatten((CATALOGUES[language] as unknown as { doctor: Tree }).doctor, 'doctor.');

/** What must not be translated: code spans, env variables, identifiers with `_` `.` `:` (APIs, scopes), URLs, emoji. */
const KEPT = /`[^`]+`|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|https?:\/\/\S+|\b[a-z]+(?:[_.:][a-z@]+)+\b|[✅❌🚫]/gu;
const kept = (text: string) => [...text.matchAll(KEPT)].map((m) => m[0]).sort();

const english = area('en');

test('the area is there in English, with its texts for the refusal, the frame and each platform’s checks', () => {
  for (const prefix of ['doctor.refused.', 'doctor.token.', 'doctor.number.', 'doctor.app.', 'doctor.faq.', 'doctor.slack.', 'doctor.discord.'])
    expect([prefix, [...english.keys()].some((k) => k.startsWith(prefix))]).toEqual([prefix, true]);
  // The kept-words check itself sees what it must keep.
  expect(kept(english.get('doctor.faq.permanentTokenFix')!)).toEqual(
    expect.arrayContaining(['whatsapp_business_messaging', 'whatsapp_business_management', 'WHATSAPP_ACCESS_TOKEN', 'BRIDGE_CONFIG']),
  );
  expect(kept(english.get('doctor.refused.askAdmin')!)).toEqual(['BRIDGE_ADMINS', '`/wa doctor`', '`npm run doctor`', '🚫']);
});

describe.each(LANGUAGES.filter((l) => l !== 'en'))('%s', (language) => {
  const texts = area(language);

  test('has every key of English', () => {
    expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
  });

  test('keeps code spans, env variables, identifiers, URLs and emoji as they are', () => {
    const changed = [...english].filter(([k, en]) => kept(texts.get(k)!).join(' ') !== kept(en).join(' ')).map(([k]) => k);
    expect(changed).toEqual([]);
  });

  test('is translated: only texts that are a variable, a product name or a pattern stay as in English', () => {
    const same = [...english].filter(([k, en]) => texts.get(k) === en).map(([k]) => k);
    const allowed = new Set([
      'doctor.raw',
      'doctor.list',
      'doctor.line',
      'doctor.graph.detail',
      'doctor.graph.on',
      'doctor.number.found',
      'doctor.number.waba',
      'doctor.app.fieldsOk',
      'doctor.app.pasteDetail',
      'doctor.slack.botIn',
      'doctor.discord.intent',
      'doctor.number.live',
      'doctor.discord.server',
    ]);
    expect(same.filter((k) => !allowed.has(k))).toEqual([]);
  });
});
