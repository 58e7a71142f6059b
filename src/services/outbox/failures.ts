/**
 * The outbox's own refusals (a platform or number no longer configured, a file WhatsApp will not take, …) as
 * FailureExplanations carrying their catalogue key (`delivery.failures.<key>`, src/i18n/catalogue/en/delivery.ts):
 * `meaning` and `action` stay English (the logs and the job's `lastError` read them; English threads show them as
 * they always did), and a thread in another language shows the catalogue's words with `detail` (the number, the
 * file, the error) in brackets (src/services/present/notices.ts `explanationIn`).
 */
import type { FailureExplanation } from '../../domain/errors';
import type { en } from '../../i18n/catalogue/en';
import { t } from '../../i18n';

export type FailureKey = keyof (typeof en)['delivery']['failures'];

/** A refusal `code` worded by `delivery.failures.<key>`; `english` overrides the catalogue's English where the code says more. */
export function outboxFailure(code: string, key: FailureKey, english: { meaning?: string; action?: string; detail?: string } = {}): FailureExplanation {
  return {
    code,
    meaning: english.meaning ?? t('en', `delivery.failures.${key}.meaning`),
    action: english.action ?? t('en', `delivery.failures.${key}.action`),
    key: `delivery.failures.${key}`,
    ...(english.detail ? { detail: english.detail } : {}),
  };
}
