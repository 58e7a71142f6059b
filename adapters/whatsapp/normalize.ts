/**
 * Meta's webhook envelope → the core's WhatsAppEvents. Every entry × change × message/status of a batch is
 * decoded on its own: one that cannot be (a shape no schema allows, an absurd timestamp, a value nested too
 * deep) is quarantined with its raw form and its siblings go on (issue 9: one bad status used to fail its
 * whole batch on every redelivery).
 */
import type { z } from 'zod';
import type {
  AccountEvent,
  CustomerRef,
  DeliveryStatus,
  InboundCustomerMessage,
  StatusUpdate,
  WhatsAppErrorInfo,
  WhatsAppEvent,
} from '../../src/domain/whatsapp';
import { contactSchema, changeSchema, entrySchema, envelopeSchema, errorSchema, messageSchema, messagesValueSchema, statusSchema } from './schema';
import { contentOf } from './content';
import { summarizeAccountEvent } from './account-events';
import { unixSeconds, valueProblem } from './bounds';

/** Why an event was quarantined: a short code (a metric label) and a line for the log, never the event's text. */
export type QuarantineCode = 'invalid_shape' | 'bad_timestamp' | 'too_deep_or_large' | 'no_sender' | 'unreadable';

export interface QuarantinedEvent {
  code: QuarantineCode;
  reason: string;
  /** The event as Meta sent it (a message, a status, a change value, an entry). */
  event: unknown;
}

export interface Normalized {
  events: WhatsAppEvent[];
  /** Things we kept but could not fully read, for the log. */
  warnings: string[];
  /** Events that could not be decoded at all: kept raw, counted and logged by the caller; never delivered. */
  quarantined: QuarantinedEvent[];
}

function quarantine(out: Normalized, code: QuarantineCode, reason: string, event: unknown): void {
  out.quarantined.push({ code, reason, event });
}

const DELIVERY_STATUSES = new Set<DeliveryStatus>(['sent', 'delivered', 'read', 'played', 'failed']);

function issueText(issues: z.core.$ZodIssue[]): string {
  return issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

function toError(e: z.infer<typeof errorSchema>): WhatsAppErrorInfo {
  return { code: e.code, title: e.title ?? e.message ?? `error ${e.code}`, details: e.error_data?.details };
}

function customerFor(msg: z.infer<typeof messageSchema>, contacts: z.infer<typeof contactSchema>[]): CustomerRef {
  // Contacts are matched to the message by wa_id when there is one, else by user id; a lone contact is the sender.
  const contact =
    contacts.find((c) => (msg.from && c.wa_id === msg.from) || (msg.from_user_id && c.user_id === msg.from_user_id)) ??
    (contacts.length === 1 ? contacts[0] : undefined);
  // Meta's BSUID examples also show `"from": ""` / `"wa_id": ""` for username users: '' means absent,
  // otherwise the customer got waId '' and was keyed `${accountId}:` instead of by user id.
  return {
    waId: msg.from || contact?.wa_id || undefined,
    userId: msg.from_user_id || contact?.user_id || undefined,
    name: contact?.profile?.name ?? contact?.profile?.username,
  };
}

/** Each item on its own: one that throws (a bug, a shape nobody foresaw) is quarantined, not the batch. */
function eachItem(items: unknown[] | undefined, out: Normalized, one: (raw: unknown) => void): void {
  for (const raw of items ?? []) {
    try {
      one(raw);
    } catch (err) {
      quarantine(out, 'unreadable', `could not be read (${(err as Error).name})`, raw);
    }
  }
}

function normalizeMessages(value: z.infer<typeof messagesValueSchema>, wabaId: string, out: Normalized): void {
  const accountId = value.metadata.phone_number_id;
  // A contact is not an event: a malformed one is dropped (its message may then lack the customer's name).
  const contacts = (value.contacts ?? []).flatMap((c) => {
    const p = contactSchema.safeParse(c);
    return p.success ? [p.data] : [];
  });
  eachItem(value.messages, out, (rawMsg) => {
    const parsed = messageSchema.safeParse(rawMsg);
    if (!parsed.success) {
      const why = `message skipped: ${issueText(parsed.error.issues)}`;
      out.warnings.push(why);
      return quarantine(out, 'invalid_shape', why, rawMsg);
    }
    const msg = parsed.data;
    const customer = customerFor(msg, contacts);
    if (!customer.waId && !customer.userId) {
      const why = `message ${msg.id} names no sender (no from, no user id)`;
      out.warnings.push(why);
      return quarantine(out, 'no_sender', why, rawMsg);
    }
    const sentAt = unixSeconds(msg.timestamp);
    if (!sentAt) return quarantine(out, 'bad_timestamp', `message ${msg.id}: timestamp is not Unix seconds Meta could have sent`, rawMsg);
    const errors = msg.errors?.filter((e) => !valueProblem(e));
    const message: InboundCustomerMessage = {
      accountId,
      wamid: msg.id,
      customer,
      sentAt,
      content: contentOf(msg),
      replyToWamid: msg.type === 'reaction' ? undefined : msg.context?.id,
      forwarded: msg.context?.frequently_forwarded ? 'frequently_forwarded' : msg.context?.forwarded ? 'forwarded' : undefined,
      referral: msg.referral
        ? { headline: msg.referral.headline, body: msg.referral.body, sourceUrl: msg.referral.source_url, sourceType: msg.referral.source_type }
        : undefined,
      errors: errors?.map(toError),
    };
    out.events.push({ type: 'message', message });
  });
  eachItem(value.statuses, out, (rawStatus) => {
    const parsed = statusSchema.safeParse(rawStatus);
    if (!parsed.success) {
      const why = `status skipped: ${issueText(parsed.error.issues)}`;
      out.warnings.push(why);
      return quarantine(out, 'invalid_shape', why, rawStatus);
    }
    const s = parsed.data;
    if (!DELIVERY_STATUSES.has(s.status as DeliveryStatus)) {
      // A status Meta adds later is not poison: kept in the raw log, nothing to deliver.
      out.warnings.push(`status "${s.status}" for ${s.id} is not one this bridge knows; kept in the raw log only`);
      return;
    }
    const at = unixSeconds(s.timestamp);
    if (!at) return quarantine(out, 'bad_timestamp', `status ${s.status} for ${s.id}: timestamp is not Unix seconds Meta could have sent`, rawStatus);
    const firstError = s.errors?.[0];
    const status: StatusUpdate = {
      accountId,
      wamid: s.id,
      status: s.status as DeliveryStatus,
      at,
      recipient: s.recipient_id ?? s.recipient_user_id,
      error: firstError && !valueProblem(firstError) ? toError(firstError) : undefined,
    };
    out.events.push({ type: 'status', status });
  });
  // wabaId is the entry's id (it was '' here, unlike every other account event).
  eachItem(value.errors, out, (raw) => {
    const parsed = errorSchema.safeParse(raw);
    if (!parsed.success) return quarantine(out, 'invalid_shape', `messages error skipped: ${issueText(parsed.error.issues)}`, raw);
    const problem = valueProblem(raw);
    if (problem) return quarantine(out, 'too_deep_or_large', `messages error ${parsed.data.code}: value ${problem}`, raw);
    const e = parsed.data;
    out.events.push({
      type: 'account',
      event: {
        field: 'messages.errors',
        wabaId,
        accountId,
        summary: `WhatsApp reported error ${e.code}: ${e.title ?? e.message ?? ''} ${e.error_data?.details ?? ''}`.trim(),
        value: e,
      },
    });
  });
}

export type DecodeResult = { ok: true; normalized: Normalized } | { ok: false; reason: string };

/** Parses a verified raw body. Only a body that is not JSON, or not an envelope at all, is refused. */
export function decodeWebhook(rawBody: Buffer): DecodeResult {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: `not a webhook envelope: ${issueText(envelope.error.issues)}` };
  const out: Normalized = { events: [], warnings: [], quarantined: [] };
  if (envelope.data.object !== 'whatsapp_business_account') {
    out.warnings.push(`object "${envelope.data.object}" is not whatsapp_business_account; ignored`);
    return { ok: true, normalized: out };
  }
  eachItem(envelope.data.entry, out, (rawEntry) => {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) return quarantine(out, 'invalid_shape', `entry skipped: ${issueText(entry.error.issues)}`, rawEntry);
    eachItem(entry.data.changes, out, (rawChange) => {
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) return quarantine(out, 'invalid_shape', `change skipped: ${issueText(change.error.issues)}`, rawChange);
      if (change.data.field === 'messages') {
        const value = messagesValueSchema.safeParse(change.data.value);
        if (value.success) return normalizeMessages(value.data, entry.data.id, out);
        const why = 'messages change without metadata.phone_number_id: kept in the raw log only';
        out.warnings.push(why);
        return quarantine(out, 'invalid_shape', why, change.data.value);
      }
      const problem = valueProblem(change.data.value);
      if (problem) return quarantine(out, 'too_deep_or_large', `${change.data.field} update: value ${problem}`, change.data.value);
      const event: AccountEvent = summarizeAccountEvent(change.data.field, entry.data.id, change.data.value);
      out.events.push({ type: 'account', event });
    });
  });
  return { ok: true, normalized: out };
}
