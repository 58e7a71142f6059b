/**
 * The errors of the FAQ of Odoo's WhatsApp documentation (odoo/documentation,
 * content/applications/productivity/whatsapp.rst, "WhatsApp API FAQ"), each named with its fix, plus Meta's 131030
 * that Odoo's "test the connection" step runs into while the app is not Live. `doctor` names these instead of
 * Meta's bare code when a Graph call of a check fails.
 */
import type { DeliveryError } from '../../../src/domain/errors';

export interface FaqEntry {
  /** The FAQ's words for the problem. */
  name: string;
  fix: string;
}

export const PERMANENT_TOKEN_FIX =
  'create a permanent token: Meta Business Settings → Users → System users → an Admin system user → Generate new token ' +
  '(Token expiration: Never) for this app, with whatsapp_business_messaging and whatsapp_business_management; set it as ' +
  'WHATSAPP_ACCESS_TOKEN (or accessToken in BRIDGE_CONFIG) and restart the bridge';

export const ADMIN_SYSTEM_USER_FIX =
  'the token belongs to an Employee system user: create an Admin system user (Meta Business Settings → Users → System ' +
  'users → Add, role Admin), give it the app and the WhatsApp account (full control), generate its token and set it as ' +
  'WHATSAPP_ACCESS_TOKEN';

export const NOT_LIVE_FIX =
  'switch the app to Live (App Dashboard → App Mode: Live; it needs a privacy policy URL in App settings → Basic) and ' +
  'send from a real business number; while testing, add each customer’s number to the test list (WhatsApp → API Setup → To)';

export const DUPLICATE_TEMPLATE_FIX =
  'a template with this name already exists in this language: give the new template another name, or edit the existing one ' +
  'in WhatsApp Manager, then run `/wa sync`';

export const VERIFICATION_FIX =
  'the app may need advanced access, which needs a completed business verification (Meta Business Settings → Security ' +
  'Center → Start verification; developers.facebook.com/docs/development/release/business-verification)';

const BY_CODE: Record<number, FaqEntry> = {
  190: { name: 'the access token has expired (a temporary token lasts 24 hours)', fix: PERMANENT_TOKEN_FIX },
  100: {
    name: 'invalid parameter: the id is unknown to this token, or the token belongs to an Employee system user',
    fix: `check WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_BUSINESS_ACCOUNT_ID in WhatsApp Manager; if they are right, ${ADMIN_SYSTEM_USER_FIX}`,
  },
  131030: { name: 'recipient not in the allowed list: the app is not Live', fix: NOT_LIVE_FIX },
  // Permission errors: Odoo's FAQ "Verification" (advanced access needs business verification since 2023-02-01).
  10: { name: 'permission denied', fix: VERIFICATION_FIX },
  200: { name: 'permission denied', fix: VERIFICATION_FIX },
};

/** The FAQ entry for a Graph error, by its code; a duplicate template name is only told by Meta's words. */
export function faqEntry(code: number, message = ''): FaqEntry | undefined {
  if (/already exists|duplicate/i.test(message)) return { name: 'duplicate template name', fix: DUPLICATE_TEMPLATE_FIX };
  return BY_CODE[code];
}

/** The Graph error code a GraphClient call failed with (its explanation's code), if Meta sent one. */
export function graphCode(err: unknown): number | undefined {
  const code = Number((err as Partial<DeliveryError>).explanation?.code);
  return Number.isInteger(code) && code > 0 ? code : undefined;
}
