/** One readable line for each non-message webhook field (templates, quality, account …). Unknown fields are kept too. */
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
