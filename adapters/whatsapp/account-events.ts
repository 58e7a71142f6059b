/** One readable line for each non-message webhook field (templates, quality, account …). Unknown fields are kept too. */
import type { TemplateEventInfo } from '../../src/domain/templates';
import type { AccountEvent } from '../../src/domain/whatsapp';

type Value = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const summaries: Record<string, (v: Value) => string> = {
  message_template_status_update: (v) => {
    const reason = v.reason && v.reason !== 'NONE' ? ` (reason: ${str(v.reason)})` : '';
    return `Template ${str(v.message_template_name)} [${str(v.message_template_language)}] is now ${str(v.event)}${reason}`;
  },
  message_template_quality_update: (v) =>
    `Template ${str(v.message_template_name)} [${str(v.message_template_language)}] quality: ${str(v.previous_quality_score)} → ${str(v.new_quality_score)}`,
  template_category_update: (v) => {
    // Meta's payload often has only new_category (no previous/correct one): say "is now X", not "category:  → X".
    const before = str(v.previous_category ?? v.correct_category);
    const head = `Template ${str(v.message_template_name)} [${str(v.message_template_language)}] category`;
    return before ? `${head}: ${before} → ${str(v.new_category)}` : `${head} is now ${str(v.new_category)}`;
  },
  account_update: (v) => `WhatsApp account update: ${str(v.event)}`,
  phone_number_quality_update: (v) => `Number ${str(v.display_phone_number)}: ${str(v.event)} (messaging limit ${str(v.current_limit)})`,
  phone_number_name_update: (v) => `Number ${str(v.display_phone_number)}: display name ${str(v.decision)} (${str(v.requested_verified_name)})`,
  account_alerts: (v) => `WhatsApp account alert: ${str(v.alert_type ?? v.alert_info ?? '')}`.trim(),
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
  const summary = summaries[field]?.(v) ?? `WhatsApp sent a "${field}" update`;
  return { field, wabaId, summary, value };
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
