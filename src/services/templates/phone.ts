/**
 * A phone number as agents type it → E.164 digits. WhatsApp needs the country code: without a leading + (or 00)
 * Meta would prepend the *business's* country code, so such numbers are refused rather than guessed.
 */
export type PhoneCheck = { ok: true; digits: string; e164: string } | { ok: false; reason: string };

export function normalizePhone(input: string): PhoneCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: 'no phone number given' };
  // Spaces, dashes, dots, slashes and parentheses are how people group digits: (+49) 151-1234 5678.
  const compact = raw.replace(/[\s\-./()\u00a0]/g, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else {
    return /^\d+$/.test(compact)
      ? { ok: false, reason: `\`${raw}\` has no country code: write it as +<country code><number>, e.g. +4915112345678` }
      : { ok: false, reason: `\`${raw}\` is not a phone number` };
  }
  if (!/^\d+$/.test(digits)) return { ok: false, reason: `\`${raw}\` is not a phone number (only digits after the +)` };
  if (digits.startsWith('0')) return { ok: false, reason: `\`${raw}\` is not a valid international number: no country code starts with 0` };
  // E.164: at most 15 digits; the shortest real numbers (country code + subscriber) have 8.
  if (digits.length < 8 || digits.length > 15) return { ok: false, reason: `\`${raw}\` has ${digits.length} digits; an international number has 8 to 15` };
  return { ok: true, digits, e164: `+${digits}` };
}
