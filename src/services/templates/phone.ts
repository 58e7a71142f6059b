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

export type PhoneCheck = { ok: true; digits: string; e164: string } | { ok: false; reason: string };

/** E.164 allows at most 15 digits; real numbers below 8 digits are a handful of islands' (the library knows them). */
const E164 = 'an international number has 8 to 15';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** `Germany (+49)`, or `+1` when the digits fit no single country of a shared code. */
function where(countryCode: string, country: string | undefined): string {
  return country ? `${regionNames.of(country) ?? country} (+${countryCode})` : `+${countryCode}`;
}

/** The library's reason codes (ParseError messages and validatePhoneNumberLength results) in plain words. */
function explain(raw: string, digits: string, code: string, parsed?: PhoneNumber): string {
  const place = parsed ? ` for ${where(parsed.countryCallingCode, parsed.country)}` : '';
  const count = `it has ${digits.length} digits`;
  switch (code) {
    case 'INVALID_COUNTRY':
      return `\`${raw}\` has an invalid country code: no country code matches the start of +${digits.slice(0, 3)}…`;
    case 'TOO_SHORT':
      return `\`${raw}\` is too short${place}: ${count}${digits.length < 8 ? `; ${E164}` : ''}`;
    case 'TOO_LONG':
      return `\`${raw}\` is too long${place}: ${count}${digits.length > 15 ? `; ${E164}` : ''}`;
    case 'INVALID_LENGTH':
      return `\`${raw}\` has a length no number${place} has: ${count}`;
    default: // NOT_A_NUMBER
      return `\`${raw}\` is not a phone number`;
  }
}

export function normalizePhone(input: string): PhoneCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: 'no phone number given' };
  // Spaces, dashes, dots, slashes and parentheses are how people group digits: (+49) 151-1234 5678.
  const compact = raw.replace(/[\s\-./()\u00a0]/g, '');
  let typed: string;
  if (compact.startsWith('+')) typed = compact.slice(1);
  else if (compact.startsWith('00')) typed = compact.slice(2);
  else {
    return /^\d+$/.test(compact)
      ? { ok: false, reason: `\`${raw}\` has no country code: write it as +<country code><number>, e.g. +4915112345678` }
      : { ok: false, reason: `\`${raw}\` is not a phone number` };
  }
  // The library would read letters as a vanity number (1-800-FLOWERS) or drop what follows; an agent means digits.
  if (!/^\d+$/.test(typed)) return { ok: false, reason: `\`${raw}\` is not a phone number (only digits after the +)` };
  if (typed.startsWith('0')) return { ok: false, reason: `\`${raw}\` is not a valid international number: no country code starts with 0` };
  // The compact form: the library reads a `(0)` left in it as the trunk prefix it is and drops it.
  const plus = `+${typed}`;
  let parsed: PhoneNumber;
  try {
    parsed = parsePhoneNumberWithError(plus);
  } catch (err) {
    if (err instanceof ParseError) return { ok: false, reason: explain(raw, typed, err.message) };
    throw err;
  }
  const digits = parsed.number.slice(1);
  if (parsed.isValid()) return { ok: true, digits, e164: parsed.number };
  // Some countries' metadata allows lengths that, with the country code, pass E.164's 15 digits.
  const length = digits.length > 15 ? 'TOO_LONG' : validatePhoneNumberLength(plus);
  if (length) return { ok: false, reason: explain(raw, digits, length, parsed) };
  return {
    ok: false,
    reason: `\`${raw}\` is not a valid number for ${where(parsed.countryCallingCode, parsed.country)}: check the digits (no number range there matches them)`,
  };
}
