import type { MessageContent } from './content';

/** A WhatsApp user as the webhook names them: by phone (wa_id) and/or business-scoped user id (2026). */
export interface CustomerRef {
  waId?: string;
  userId?: string;
  name?: string;
}

export interface WhatsAppErrorInfo {
  code: number;
  title: string;
  details?: string;
}

export interface InboundCustomerMessage {
  /** The business number (metadata.phone_number_id) the customer wrote to. */
  accountId: string;
  wamid: string;
  customer: CustomerRef;
  sentAt: Date;
  content: MessageContent;
  replyToWamid?: string;
  forwarded?: 'forwarded' | 'frequently_forwarded';
  referral?: { headline?: string; body?: string; sourceUrl?: string; sourceType?: string };
  errors?: WhatsAppErrorInfo[];
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export interface StatusUpdate {
  accountId: string;
  wamid: string;
  status: DeliveryStatus;
  at: Date;
  recipient?: string;
  error?: WhatsAppErrorInfo;
}

/** Everything else Meta sends (template, quality, account updates …): kept and summarised. */
export interface AccountEvent {
  field: string;
  wabaId: string;
  accountId?: string;
  /** In English, for logs. */
  summary: string;
  /**
   * The summary as the agents' catalogue words it (`account.events.<key>` with Meta's values as `vars`, src/i18n): the
   * channel notice shows it in each account's language.
   */
  text?: { key: string; vars: Record<string, string> };
  value: unknown;
}

export type WhatsAppEvent =
  { type: 'message'; message: InboundCustomerMessage } | { type: 'status'; status: StatusUpdate } | { type: 'account'; event: AccountEvent };

/** Monotonic order of delivery states: a late `delivered` never overwrites `read`; `failed` is final. */
export const STATUS_RANK: Record<DeliveryStatus, number> = { sent: 1, delivered: 2, read: 3, played: 4, failed: 9 };
