/**
 * Graph API / Cloud API error codes → plain words, what to do, and whether trying again can help.
 * Source: Meta's error-code reference (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes); the retry
 * column follows Meta's "solution" text.
 */
import { DeliveryError, type FailureExplanation } from '../../src/domain/errors';
import type { WhatsAppErrorInfo } from '../../src/domain/whatsapp';

interface Known {
  meaning: string;
  action: string;
  retryable: boolean;
}

const TEMPLATE_HINT = 'send an approved template with `/wa template <phone> <template>`';

const KNOWN: Record<number, Known> = {
  0: { meaning: 'WhatsApp could not authenticate the app', action: 'renew WHATSAPP_ACCESS_TOKEN and restart the bridge', retryable: false },
  1: {
    meaning: 'the Graph API rejected the request or had an internal error',
    action: 'check Meta’s status page; the bridge will not retry this one',
    retryable: false,
  },
  2: { meaning: 'WhatsApp is temporarily down or overloaded', action: 'nothing: the bridge retries', retryable: true },
  3: {
    meaning: 'the app lacks the capability or permission for this call',
    action: 'check the app’s WhatsApp permissions in Meta’s App Dashboard',
    retryable: false,
  },
  4: { meaning: 'the app hit Meta’s API call rate limit', action: 'nothing: the bridge retries later', retryable: true },
  10: { meaning: 'permission denied for this number', action: 'give the token’s system user access to the WhatsApp account', retryable: false },
  // Odoo's FAQ ("System user error 100"): when every call fails with 100, the token's system user is an Employee.
  100: {
    meaning: 'a parameter was invalid',
    action:
      'check the message; if every call fails with 100, the token belongs to an Employee system user: generate one for an Admin system user (`npm run doctor` tells)',
    retryable: false,
  },
  190: {
    meaning: 'the WhatsApp access token has expired or was revoked',
    action: 'create a new token (a system-user token does not expire), set WHATSAPP_ACCESS_TOKEN and restart',
    retryable: false,
  },
  368: { meaning: 'the account is temporarily blocked for a policy violation', action: 'see Business Support Home in Meta Business Suite', retryable: false },
  80007: { meaning: 'the WhatsApp account hit its rate limit', action: 'nothing: the bridge retries later', retryable: true },
  130429: { meaning: 'the number’s message throughput was reached', action: 'nothing: the bridge retries with backoff', retryable: true },
  130472: {
    meaning: 'the customer’s number is part of a Meta experiment and cannot receive this message',
    action: 'reach the customer another way',
    retryable: false,
  },
  130497: { meaning: 'this account may not message users in the customer’s country', action: 'reach the customer another way', retryable: false },
  131000: { meaning: 'WhatsApp had an unknown error', action: 'nothing: the bridge retries', retryable: true },
  131005: { meaning: 'access denied', action: 'check the token’s permissions (whatsapp_business_messaging)', retryable: false },
  131008: { meaning: 'a required parameter is missing', action: 'report this to the bridge’s maintainers', retryable: false },
  131009: { meaning: 'a parameter value is invalid', action: 'check the phone number and the message', retryable: false },
  131016: { meaning: 'the WhatsApp service is temporarily unavailable', action: 'nothing: the bridge retries', retryable: true },
  131021: { meaning: 'the recipient is the business number itself', action: 'send to the customer’s number', retryable: false },
  131026: {
    meaning: 'the message could not be delivered: the number may not be on WhatsApp, use an old app, or not have accepted the terms',
    action: 'check the number with the customer, or reach them another way',
    retryable: false,
  },
  // Meta: "Recipient phone number not in allowed list"; Odoo's "Test Connection" meets it while the app is not Live.
  131030: {
    meaning: 'the customer’s number is not in the test list: the app is not Live (or the number is a test number)',
    action: 'switch the app to Live in the App Dashboard, or add the number to the test list (WhatsApp → API Setup → To)',
    retryable: false,
  },
  131031: { meaning: 'the business account is locked or restricted', action: 'see Business Support Home in Meta Business Suite', retryable: false },
  131042: { meaning: 'there is a problem with the account’s payment method', action: 'fix billing in WhatsApp Manager', retryable: false },
  131045: { meaning: 'the business number is not registered correctly', action: 'register the number again in WhatsApp Manager', retryable: false },
  131047: {
    meaning: 'more than 24 hours have passed since the customer last wrote, so free-form replies are not allowed',
    action: TEMPLATE_HINT,
    retryable: false,
  },
  131048: {
    meaning: 'the number was limited because too many messages were reported as spam',
    action: 'check the number’s quality rating in WhatsApp Manager',
    retryable: false,
  },
  131049: {
    meaning: 'Meta held back this marketing message to keep engagement healthy (per-user marketing limit)',
    action: 'wait at least 24 hours before sending this customer another marketing template',
    retryable: false,
  },
  131050: {
    meaning: 'the customer stopped marketing messages from this business',
    action: 'do not send marketing templates to this customer',
    retryable: false,
  },
  131051: { meaning: 'this message type is not supported', action: 'send text or a supported media type', retryable: false },
  131052: { meaning: 'WhatsApp could not download the customer’s media', action: 'ask the customer to send the file again', retryable: false },
  131053: { meaning: 'the media could not be uploaded (unsupported or mismatched type)', action: 'send a file type WhatsApp supports', retryable: false },
  131056: {
    meaning: 'too many messages to this customer in a short time (pair rate limit)',
    action: 'nothing: the bridge retries with backoff',
    retryable: true,
  },
  131057: { meaning: 'the account is in maintenance mode (throughput upgrade)', action: 'nothing: the bridge retries in a minute', retryable: true },
  132000: {
    meaning: 'the number of template parameters does not match the template',
    action: 'give one value per variable (see `/wa templates`)',
    retryable: false,
  },
  132001: {
    meaning: 'the template does not exist, or not in that language, or is not approved',
    action: 'check the name and language with `/wa templates`',
    retryable: false,
  },
  132005: { meaning: 'the template text is too long once filled in', action: 'use shorter parameter values', retryable: false },
  132007: { meaning: 'the template violates WhatsApp’s policy', action: 'edit the template in WhatsApp Manager', retryable: false },
  132012: { meaning: 'a template parameter has the wrong format', action: 'check each value against the template', retryable: false },
  132015: { meaning: 'the template is paused because of low quality', action: 'use another template or edit this one in WhatsApp Manager', retryable: false },
  132016: { meaning: 'the template was disabled permanently', action: 'use another template', retryable: false },
  132018: { meaning: 'a template parameter failed validation', action: 'check each value against the template', retryable: false },
  133010: { meaning: 'the business number is not registered on the Cloud API', action: 'register the number in WhatsApp Manager', retryable: false },
};

/**
 * Codes a person clears for every message of the number at once (a new token, a permission for the system user,
 * billing, the account's restriction lifted): the outbox parks these sends and resumes them once a probe succeeds,
 * instead of failing each customer's message.
 */
const NEEDS_PERSON = new Set<number>([0, 3, 10, 190, 131005, 131031, 131042]);

/**
 * Whether Meta refused the access token itself (190: expired, revoked, invalid; or an HTTP 401 without Meta's body, as
 * the media download URL answers): every call with this token fails until it is replaced (src/services/whatsapp-token.ts).
 */
export function isTokenRefused(err: unknown): err is DeliveryError {
  return err instanceof DeliveryError && err.platform === 'whatsapp' && (err.explanation.code === '190' || err.explanation.code === 'HTTP 401');
}

/** Whether only a person can clear this Graph error (see NEEDS_PERSON). */
export function whatsAppNeedsPerson(code: number): boolean {
  return NEEDS_PERSON.has(code);
}

/** Every code the table words: each has its texts in the agents' catalogue (a unit test checks every language). */
export const WHATSAPP_CODES: readonly number[] = Object.keys(KNOWN).map(Number);

/**
 * Every explanation carries its catalogue key (src/i18n/catalogue/<language>/errors.ts: `whatsapp.e<code>`, or
 * `whatsappOther.*` for a code the table lacks), so the core shows it in the account's language; Meta's own words
 * (`detail`) stay as Meta wrote them.
 */
export function explainWhatsAppError(err: WhatsAppErrorInfo): FailureExplanation & { retryable: boolean } {
  const known = KNOWN[err.code];
  const details = err.details ? ` (${err.details})` : '';
  const detail = err.details ? { detail: err.details } : {};
  if (known)
    return {
      code: String(err.code),
      meaning: known.meaning + details,
      action: known.action,
      retryable: known.retryable,
      key: `whatsapp.e${err.code}`,
      ...detail,
    };
  const meaning = `${err.title}${details}`;
  return {
    code: String(err.code),
    meaning,
    action: 'see Meta’s error code reference for this code',
    retryable: false,
    key: 'whatsappOther.unknown',
    detail: meaning,
  };
}

/** Error from an HTTP response of the Graph API. HTTP 429 and 5xx are retryable whatever the code says. */
export function graphHttpError(status: number, body: unknown, retryAfterMs?: number): DeliveryError {
  const e = (body as { error?: { code?: number; message?: string; error_data?: { details?: string } } } | undefined)?.error;
  const info: WhatsAppErrorInfo =
    e?.code !== undefined
      ? { code: e.code, title: e.message ?? `error ${e.code}`, details: e.error_data?.details }
      : { code: -status, title: `HTTP ${status}` };
  // Without Meta's error body only the HTTP status speaks: 408, 429 and 5xx are passing; other 4xx are not.
  const statusRetryable = status === 408 || status === 429 || status >= 500;
  const explained =
    e?.code !== undefined
      ? explainWhatsAppError(info)
      : {
          code: `HTTP ${status}`,
          meaning: `the Graph API answered HTTP ${status}`,
          action: statusRetryable ? 'nothing: the bridge retries' : 'check GRAPH_API_URL, GRAPH_API_VERSION and WHATSAPP_PHONE_NUMBER_ID',
          retryable: statusRetryable,
          key: statusRetryable ? 'whatsappOther.httpPassing' : 'whatsappOther.httpRefused',
          detail: String(status),
        };
  const retryable = status === 429 || status >= 500 || explained.retryable;
  const { retryable: _ignored, ...explanation } = explained;
  // HTTP 401 without Meta's body is the token too.
  const needsPerson = !retryable && ((e?.code !== undefined && NEEDS_PERSON.has(e.code)) || (e?.code === undefined && status === 401));
  return new DeliveryError(retryable ? 'retryable' : needsPerson ? 'needs_person' : 'permanent', explanation, 'whatsapp', retryAfterMs);
}
