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
}

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

export const passed = (name: string, detail: string): DoctorCheck => ({ name, ok: true, detail });
export const failed = (name: string, detail: string, fix: string): DoctorCheck => ({ name, ok: false, detail, fix });
