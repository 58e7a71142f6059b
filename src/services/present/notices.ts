/** How the bridge words what went wrong with a delivery, in a thread or a channel, in the account's language (src/i18n). */
import { PLATFORM_LABEL } from '../../domain/platform';
import type { FailureExplanation } from '../../domain/errors';
import type { ParkedInfo } from '../../domain/records';
import { DEFAULT_LANGUAGE, t, textOr, type Language } from '../../i18n';

export const PLATFORM_NAME = PLATFORM_LABEL;

/** Actions written for a failure the outbox retries: never true of a message that is reported as failed. */
const RETRY_PROMISE = /^nothing: the bridge (waits and )?retries/;

/**
 * An explanation in `lang`: the catalogue's words for its code when the adapter gave a key (errors.<key>, or a full key), the
 * platform's detail appended; otherwise (no key, or a key a language lacks) the adapter's English as it is.
 */
export function explanationIn<E extends Pick<FailureExplanation, 'meaning' | 'action' | 'key' | 'detail'>>(e: E, lang: Language): E {
  if (!e.key || lang === DEFAULT_LANGUAGE) return e;
  // An adapter's code is under `errors.`; the core's own failures name their area (`delivery.failures.…`).
  const at = textOr(lang, `errors.${e.key}.meaning`, '') ? `errors.${e.key}` : e.key;
  const meaning = textOr(lang, `${at}.meaning`, '');
  if (!meaning) return e;
  return { ...e, meaning: e.detail ? `${meaning} (${e.detail})` : meaning, action: textOr(lang, `${at}.action`, e.action) };
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
