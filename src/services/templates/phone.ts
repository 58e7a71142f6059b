/**
 * A phone number as agents type it → E.164 digits. WhatsApp needs the country code: without a leading + (or 00)
 * Meta would prepend the *business's* country code, so such numbers are refused rather than guessed.
 *
 * Which digits make a real number is libphonenumber-js's job (Google's libphonenumber metadata, the `max` set so
 * number ranges are checked, not only lengths): it drops the trunk prefix people write after the country code,
 * `+49 (0)151 2345 6789` → `+4915123456789` (sent as typed, the extra 0 reaches another number or none), and it
 * knows each country's lengths (https://gitlab.com/catamphetamine/libphonenumber-js#readme).
 */
import { ParseError, parsePhoneNumberWithError, validatePhoneNumberLength, type PhoneNumber } from 'libphonenumber-js/max';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';

export type PhoneCheck = { ok: true; digits: string; e164: string } | { ok: false; reason: string };

/** E.164 allows at most 15 digits; real numbers below 8 digits are a handful of islands' (the library knows them). */
const E164_MIN = 8;
const E164_MAX = 15;

const regionNames = new Map<Language, Intl.DisplayNames>();

/** `Germany (+49)` (the country as `lang` names it: Intl.DisplayNames), or `+1` when the digits fit no single country of a shared code. */
function where(lang: Language, countryCode: string, country: string | undefined): string {
  if (!country) return `+${countryCode}`;
  let names = regionNames.get(lang);
  if (!names) regionNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'region' })));
  return `${names.of(country) ?? country} (+${countryCode})`;
}

/** The library's reason codes (ParseError messages and validatePhoneNumberLength results) in plain words. */
function explain(lang: Language, raw: string, digits: string, code: string, parsed?: PhoneNumber): string {
  const place = parsed ? where(lang, parsed.countryCallingCode, parsed.country) : undefined;
  const count = t(lang, 'templatePhone.digits', { count: digits.length });
  switch (code) {
    case 'INVALID_COUNTRY':
      return t(lang, 'templatePhone.invalidCountry', { raw, start: digits.slice(0, 3) });
    case 'TOO_SHORT': {
      const d = `${count}${digits.length < E164_MIN ? t(lang, 'templatePhone.e164') : ''}`;
      return place ? t(lang, 'templatePhone.tooShortFor', { raw, where: place, digits: d }) : t(lang, 'templatePhone.tooShort', { raw, digits: d });
    }
    case 'TOO_LONG': {
      const d = `${count}${digits.length > E164_MAX ? t(lang, 'templatePhone.e164') : ''}`;
      return place ? t(lang, 'templatePhone.tooLongFor', { raw, where: place, digits: d }) : t(lang, 'templatePhone.tooLong', { raw, digits: d });
    }
    case 'INVALID_LENGTH':
      return place
        ? t(lang, 'templatePhone.invalidLengthFor', { raw, where: place, digits: count })
        : t(lang, 'templatePhone.invalidLength', { raw, digits: count });
    default: // NOT_A_NUMBER
      return t(lang, 'templatePhone.notPhone', { raw });
  }
}

/** `input` as E.164, or why not in `lang` (the language of the agents who typed it). */
export function normalizePhone(input: string, lang: Language = DEFAULT_LANGUAGE): PhoneCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: t(lang, 'templatePhone.none') };
  // Spaces, dashes, dots, slashes and parentheses are how people group digits: (+49) 151-1234 5678.
  const compact = raw.replace(/[\s\-./()\u00a0]/g, '');
  let typed: string;
  if (compact.startsWith('+')) typed = compact.slice(1);
  else if (compact.startsWith('00')) typed = compact.slice(2);
  else {
    return /^\d+$/.test(compact)
      ? { ok: false, reason: t(lang, 'templatePhone.noCountryCode', { raw }) }
      : { ok: false, reason: t(lang, 'templatePhone.notPhone', { raw }) };
  }
  // The library would read letters as a vanity number (1-800-FLOWERS) or drop what follows; an agent means digits.
  if (!/^\d+$/.test(typed)) return { ok: false, reason: t(lang, 'templatePhone.onlyDigits', { raw }) };
  if (typed.startsWith('0')) return { ok: false, reason: t(lang, 'templatePhone.startsWithZero', { raw }) };
  // The compact form: the library reads a `(0)` left in it as the trunk prefix it is and drops it.
  const plus = `+${typed}`;
  let parsed: PhoneNumber;
  try {
    parsed = parsePhoneNumberWithError(plus);
  } catch (err) {
    if (err instanceof ParseError) return { ok: false, reason: explain(lang, raw, typed, err.message) };
    throw err;
  }
  const digits = parsed.number.slice(1);
  if (parsed.isValid()) return { ok: true, digits, e164: parsed.number };
  // Some countries' metadata allows lengths that, with the country code, pass E.164's 15 digits.
  const length = digits.length > 15 ? 'TOO_LONG' : validatePhoneNumberLength(plus);
  if (length) return { ok: false, reason: explain(lang, raw, digits, length, parsed) };
  return { ok: false, reason: t(lang, 'templatePhone.notValidFor', { raw, where: where(lang, parsed.countryCallingCode, parsed.country) }) };
}
