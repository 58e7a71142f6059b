/**
 * `doctor`'s texts in a language (issue 11 point 9): each check carries its catalogue keys (area `doctor`,
 * src/i18n/catalogue/<lang>/doctor.ts) beside its English, and `/wa doctor` renders them in the channel's language.
 * The checks build their English from the same keys (`checkPassed` / `checkFailed`), so the English catalogue is the
 * one source of the words and the CLI's report reads exactly as before.
 */
import type { DoctorCheck, DoctorText, DoctorVar } from '../domain/doctor';
import { DEFAULT_LANGUAGE, t, type Language, type TextKey } from '../i18n';
import { catalogueWords } from '../services/present/notices';

/** A catalogue text of `doctor` with its variables; the key is checked against the English catalogue. */
export const doctorText = (key: TextKey, vars?: Record<string, DoctorVar>): DoctorText => (vars ? { key, vars } : { key });

/** Words the platform wrote (an error message), the same in every language. */
export const rawText = (text: string): DoctorText => ({ key: 'doctor.raw', vars: { text } });

/** Texts joined with commas (`a, b, c`), each in the language. */
export const listText = ([first, ...rest]: [DoctorText, ...DoctorText[]]): DoctorText =>
  rest.length ? { key: 'doctor.list', vars: { first, rest: listText(rest as [DoctorText, ...DoctorText[]]) } } : first;

/** A Graph error's meaning or action (adapters/whatsapp/errors.ts), in the language when the errors area has its key. */
export const explanationText = (explanation: Extract<DoctorText, { part: unknown }>['explanation'], part: 'meaning' | 'action'): DoctorText => ({
  explanation,
  part,
});

// The keys come from the checks at run time (plain data in src/domain/doctor.ts), as `textOr`'s do.
const lookup = t as unknown as (language: Language, key: string, vars?: Record<string, string | number>) => string;

export function renderText(language: Language, text: DoctorText): string {
  if ('explanation' in text) {
    const { explanation, part } = text;
    const words = language === DEFAULT_LANGUAGE ? undefined : catalogueWords(explanation, language);
    return words ? words[part] : explanation[part];
  }
  const vars = Object.fromEntries(Object.entries(text.vars ?? {}).map(([k, v]) => [k, typeof v === 'object' ? renderText(language, v) : v]));
  return lookup(language, text.key, vars);
}

export function checkPassed(name: DoctorText, detail: DoctorText): DoctorCheck {
  return { name: renderText(DEFAULT_LANGUAGE, name), ok: true, detail: renderText(DEFAULT_LANGUAGE, detail), text: { name, detail } };
}

export function checkFailed(name: DoctorText, detail: DoctorText, fix: DoctorText): DoctorCheck {
  const en = (x: DoctorText) => renderText(DEFAULT_LANGUAGE, x);
  return { name: en(name), ok: false, detail: en(detail), fix: en(fix), text: { name, detail, fix } };
}

/** A check's name, detail and fix in `language`: its keys' texts, or its English when it carries none. */
export function checkIn(check: DoctorCheck, language: Language): Pick<DoctorCheck, 'name' | 'detail' | 'fix'> {
  if (language === DEFAULT_LANGUAGE || !check.text) return check;
  const { name, detail, fix } = check.text;
  return { name: renderText(language, name), detail: renderText(language, detail), fix: fix ? renderText(language, fix) : check.fix };
}
