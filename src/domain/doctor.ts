import type { FailureExplanation } from './errors';

/**
 * What `doctor` reports (src/doctor/): one line per check, and for each failure the fix an operator applies. A leaf
 * module, so each adapter's checks (adapters/<platform>/doctor.ts) and the core's runner share the shape.
 */

export interface DoctorCheck {
  /** What was checked, e.g. `access token valid`. */
  name: string;
  ok: boolean;
  /** What was found (a name, a date, a count); for a failure, what is wrong. */
  detail: string;
  /** For a failure: what to do, in steps an operator can follow. */
  fix?: string;
  /**
   * The same three texts as catalogue keys (area `doctor`, src/i18n), so `/wa doctor` answers in the channel's
   * language; `name`, `detail` and `fix` stay the English (the CLI's, and the fallback of a check without keys).
   */
  text?: { name: DoctorText; detail: DoctorText; fix?: DoctorText };
}

/**
 * A text of the catalogue with its variables (a variable may itself be such a text), or a Graph error's explanation
 * (`meaning` or `action`: the errors area words it by its `key`, adapters/whatsapp/errors.ts). Plain data: the core
 * renders it (src/doctor/text.ts), so the adapters need no language.
 */
export type DoctorText =
  | { key: string; vars?: Readonly<Record<string, DoctorVar>> }
  | { explanation: Pick<FailureExplanation, 'meaning' | 'action' | 'key' | 'detail'>; part: 'meaning' | 'action' };
/** A variable: a name, an id, Meta's own words (kept as they are), or a text to render in the language. */
export type DoctorVar = string | number | DoctorText;

/** The checks of one side of one account (e.g. `WhatsApp · default (106540352242922)`), in order. */
export interface DoctorSection {
  title: string;
  checks: DoctorCheck[];
}

export interface DoctorReport {
  sections: DoctorSection[];
  /** False when any check failed: `npm run doctor` then exits non-zero. */
  ok: boolean;
}
