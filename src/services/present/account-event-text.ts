/**
 * An account event's line (adapters/whatsapp/account-events.ts picks the catalogue text) in an account's language
 * (src/i18n/catalogue/<language>/account.ts). Trimmed: an alert Meta sent without a type reads "…alert:" and no more.
 */
import type { AccountEvent } from '../../domain/whatsapp';
import { textOr, type Language } from '../../i18n';

export function accountEventText(lang: Language, text: NonNullable<AccountEvent['text']>, fallback = ''): string {
  return textOr(lang, text.key, fallback)
    .replace(/\{\{(\w+)\}\}/g, (_m, name: string) => text.vars[name] ?? '')
    .trim();
}
