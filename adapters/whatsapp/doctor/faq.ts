/**
 * The errors of the FAQ of Odoo's WhatsApp documentation (odoo/documentation,
 * content/applications/productivity/whatsapp.rst, "WhatsApp API FAQ"), each named with its fix, plus Meta's 131030
 * that Odoo's "test the connection" step runs into while the app is not Live. `doctor` names these instead of
 * Meta's bare code when a Graph call of a check fails. The words are the catalogue's (area `doctor.faq`, src/i18n):
 * English here, the channel's language in `/wa doctor`.
 */
import type { DoctorText } from '../../../src/domain/doctor';
import type { DeliveryError } from '../../../src/domain/errors';
import { doctorText, renderText } from '../../../src/doctor/text';
import { DEFAULT_LANGUAGE } from '../../../src/i18n';

export interface FaqEntry {
  /** The FAQ's words for the problem. */
  name: string;
  fix: string;
  /** The same as catalogue texts. */
  text: { name: DoctorText; fix: DoctorText };
}

export const PERMANENT_TOKEN_FIX_TEXT = doctorText('doctor.faq.permanentTokenFix');
export const NOT_LIVE_FIX_TEXT = doctorText('doctor.faq.notLiveFix');
const ADMIN_SYSTEM_USER_FIX_TEXT = doctorText('doctor.faq.adminSystemUserFix');
const DUPLICATE_TEMPLATE_FIX_TEXT = doctorText('doctor.faq.duplicateFix');
const VERIFICATION_FIX_TEXT = doctorText('doctor.faq.verificationFix');

const english = (text: DoctorText) => renderText(DEFAULT_LANGUAGE, text);

const entry = (name: DoctorText, fix: DoctorText): FaqEntry => ({ name: english(name), fix: english(fix), text: { name, fix } });

const BY_CODE: Record<number, FaqEntry> = {
  190: entry(doctorText('doctor.faq.expired'), PERMANENT_TOKEN_FIX_TEXT),
  100: entry(doctorText('doctor.faq.invalidParameter'), doctorText('doctor.faq.checkIdsFix', { then: ADMIN_SYSTEM_USER_FIX_TEXT })),
  131030: entry(doctorText('doctor.faq.notLive'), NOT_LIVE_FIX_TEXT),
  // Permission errors: Odoo's FAQ "Verification" (advanced access needs business verification since 2023-02-01).
  10: entry(doctorText('doctor.faq.permission'), VERIFICATION_FIX_TEXT),
  200: entry(doctorText('doctor.faq.permission'), VERIFICATION_FIX_TEXT),
};

/** The FAQ entry for a Graph error, by its code; a duplicate template name is only told by Meta's words. */
export function faqEntry(code: number, message = ''): FaqEntry | undefined {
  if (/already exists|duplicate/i.test(message)) return entry(doctorText('doctor.faq.duplicate'), DUPLICATE_TEMPLATE_FIX_TEXT);
  return BY_CODE[code];
}

/** The Graph error code a GraphClient call failed with (its explanation's code), if Meta sent one. */
export function graphCode(err: unknown): number | undefined {
  const code = Number((err as Partial<DeliveryError>).explanation?.code);
  return Number.isInteger(code) && code > 0 ? code : undefined;
}
