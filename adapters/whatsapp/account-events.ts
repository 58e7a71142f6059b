/**
 * One readable line for each non-message webhook field (templates, quality, account …), as a text of the agents'
 * catalogue (area `account`) the core shows in each account's language; `summary` is its English. Unknown fields are
 * kept too.
 */
import type { TemplateEventInfo } from '../../src/domain/templates';
import type { AccountEvent } from '../../src/domain/whatsapp';
import { DEFAULT_LANGUAGE } from '../../src/i18n';
import { en } from '../../src/i18n/catalogue/en';
import { accountEventText } from '../../src/services/present/account-event-text';

type Value = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A notice text of the agents' catalogue (src/i18n/catalogue/<language>/account.ts) and Meta's values for it. */
type Text = { key: keyof typeof en.account.events; vars: Record<string, string> };

const template = (v: Value) => ({ name: str(v.message_template_name), language: str(v.message_template_language) });

const summaries: Record<string, (v: Value) => Text> = {
  message_template_status_update: (v) =>
    v.reason && v.reason !== 'NONE'
      ? { key: 'templateStatusReason', vars: { ...template(v), status: str(v.event), reason: str(v.reason) } }
      : { key: 'templateStatus', vars: { ...template(v), status: str(v.event) } },
  message_template_quality_update: (v) => ({
    key: 'templateQuality',
    vars: { ...template(v), before: str(v.previous_quality_score), after: str(v.new_quality_score) },
  }),
  template_category_update: (v) => {
    // Meta's payload often has only new_category (no previous/correct one): say "is now X", not "category:  → X".
    const before = str(v.previous_category ?? v.correct_category);
    return before
      ? { key: 'templateCategory', vars: { ...template(v), before, after: str(v.new_category) } }
      : { key: 'templateCategoryNow', vars: { ...template(v), after: str(v.new_category) } };
  },
  account_update: (v) => ({ key: 'accountUpdate', vars: { event: str(v.event) } }),
  phone_number_quality_update: (v) => ({
    key: 'numberQuality',
    vars: { number: str(v.display_phone_number), event: str(v.event), limit: str(v.current_limit) },
  }),
  phone_number_name_update: (v) => ({
    key: 'numberName',
    vars: { number: str(v.display_phone_number), decision: str(v.decision), name: str(v.requested_verified_name) },
  }),
  account_alerts: (v) => ({ key: 'alert', vars: { alert: str(v.alert_type ?? v.alert_info ?? '') } }),
};

const obj = (v: unknown): Value => (typeof v === 'object' && v !== null ? (v as Value) : {});
const opt = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

/** The template fields of Meta's three template webhooks (notes §5), in the core's words; undefined for other fields. */
export function templateEventInfo(field: string, value: unknown): TemplateEventInfo | undefined {
  const v = obj(value);
  if (!['message_template_status_update', 'message_template_quality_update', 'template_category_update'].includes(field)) return undefined;
  const name = opt(v.message_template_name);
  const language = opt(v.message_template_language);
  if (!name || !language) return undefined;
  const base = { metaId: opt(v.message_template_id), name, language };
  if (field === 'message_template_status_update') {
    const rejection = obj(v.rejection_info);
    const other = obj(v.other_info);
    const disable = obj(v.disable_info);
    const detail = [
      opt(rejection.reason),
      opt(other.title),
      opt(other.description),
      disable.disable_date ? `disable date ${opt(disable.disable_date)}` : undefined,
    ]
      .filter(Boolean)
      .join(' — ');
    const reason = v.reason && v.reason !== 'NONE' ? opt(v.reason) : undefined;
    return {
      ...base,
      status: opt(v.event)?.toUpperCase(),
      reason,
      recommendation: opt(rejection.recommendation),
      detail: detail || undefined,
      category: opt(v.message_template_category)?.toUpperCase(),
    };
  }
  if (field === 'message_template_quality_update') {
    return { ...base, quality: opt(v.new_quality_score)?.toUpperCase(), previousQuality: opt(v.previous_quality_score)?.toUpperCase() };
  }
  return { ...base, category: opt(v.new_category)?.toUpperCase(), previousCategory: opt(v.previous_category ?? v.correct_category)?.toUpperCase() };
}

export function summarizeAccountEvent(field: string, wabaId: string, value: unknown): AccountEvent {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Value;
  const picked = summaries[field]?.(v) ?? { key: 'other', vars: { field } };
  const text = { key: `account.events.${picked.key}`, vars: picked.vars };
  return { field, wabaId, summary: accountEventText(DEFAULT_LANGUAGE, text), text, value };
}

/** Fields worth a notice in the account's channel: they change what agents can send. */
export const NOTICE_FIELDS = new Set([
  'message_template_status_update',
  'message_template_quality_update',
  'template_category_update',
  'account_update',
  'phone_number_quality_update',
  'phone_number_name_update',
  'account_alerts',
]);
