/** How the bridge words what went wrong with a delivery, in a thread or a channel, in the account's language (src/i18n). */
import { PLATFORM_LABEL } from '../../domain/platform';
import type { FailureExplanation } from '../../domain/errors';
import type { ParkedInfo } from '../../domain/records';
import { DEFAULT_LANGUAGE, t, textOr, type Language } from '../../i18n';

export const PLATFORM_NAME = PLATFORM_LABEL;

/** Actions written for a failure the outbox retries: never true of a message that is reported as failed. */
const RETRY_PROMISE = /^nothing: the bridge (waits and )?retries/;

/**
 * The catalogue's words for a keyed explanation in `lang` (errors.<key> for an adapter's code; the core's own failures
 * name their area, `delivery.failures.…`), or undefined when the catalogue lacks the key. The platform's detail goes
 * where the text says `{{detail}}` (a status, Meta's own words), else in parentheses after the meaning: the adapters
 * word their English the same way, so English reads as the adapter wrote it.
 */
export function catalogueWords(e: Pick<FailureExplanation, 'action' | 'key' | 'detail'>, lang: Language): { meaning: string; action: string } | undefined {
  if (!e.key) return undefined;
  const at = textOr(lang, `errors.${e.key}.meaning`, '') ? `errors.${e.key}` : e.key;
  const meaning = textOr(lang, `${at}.meaning`, '');
  if (!meaning) return undefined;
  const detail = e.detail ?? '';
  const placed = meaning.includes('{{detail}}') ? meaning.split('{{detail}}').join(detail) : detail ? `${meaning} (${detail})` : meaning;
  return { meaning: placed, action: textOr(lang, `${at}.action`, e.action) };
}

/**
 * An explanation in `lang`: the catalogue's words for its code when it carries a key (catalogueWords), the platform's
 * detail kept; otherwise (no key, or a key a language lacks) the English as it is.
 */
export function explanationIn<E extends Pick<FailureExplanation, 'meaning' | 'action' | 'key' | 'detail'>>(e: E, lang: Language): E {
  if (lang === DEFAULT_LANGUAGE) return e;
  const words = catalogueWords(e, lang);
  return words ? { ...e, ...words } : e;
}

/**
 * A message that will not reach the customer. Never promises a retry: WhatsApp's `failed` status is final and the
 * outbox reports only refusals it will not retry, so a "the bridge retries" action (a code that is passing when the
 * bridge meets it on a send) becomes what a person can do now.
 */
export function failureNotice(e: FailureExplanation, lang: Language = DEFAULT_LANGUAGE): string {
  const shown = explanationIn(e, lang);
  const action = RETRY_PROMISE.test(e.action) ? t(lang, 'notices.gaveUp') : shown.action;
  return t(lang, 'notices.notDelivered', { meaning: shown.meaning, code: e.code, action });
}

/** Deliveries parked until a person fixes something (src/services/outbox/parking.ts): nothing is lost, nothing failed. */
export function pausedNotice(parked: Pick<ParkedInfo, 'label' | 'code' | 'meaning' | 'action' | 'key' | 'detail'>, lang: Language = DEFAULT_LANGUAGE): string {
  const p = explanationIn(parked, lang);
  return t(lang, 'notices.paused', { label: p.label, meaning: p.meaning, code: p.code, action: p.action });
}

/** Said under a refusal the outbox will not retry: how to send it again once the cause is fixed. */
export const requeueHint = (lang: Language = DEFAULT_LANGUAGE): string => t(lang, 'notices.requeueHint');
export const REQUEUE_HINT = requeueHint();

export function fileNotice(explanation: FailureExplanation, lang: Language = DEFAULT_LANGUAGE): string {
  const e = explanationIn(explanation, lang);
  return t(lang, 'notices.fileNotShown', { meaning: e.meaning, code: e.code, action: e.action });
}
