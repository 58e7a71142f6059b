/**
 * The marks that show a WhatsApp delivery status on a message in a thread, and the product rule that goes with
 * them: a status mark is not a customer's reaction. Both live here once; adapters show the marks (Slack by the
 * emoji's short name, Discord as the emoji itself) and the core applies the rule.
 */
import type { DeliveryStatus } from '../whatsapp';

/** The reaction that shows each WhatsApp status on a message (Unicode, as WhatsApp and Discord write emoji). */
export const STATUS_MARKS: Record<DeliveryStatus, string> = {
  sent: '📤',
  delivered: '✅',
  read: '👀',
  played: '👂',
  failed: '❌',
};

/** The emoji presentation selector: keyboards send ✅ with or without it. */
const VS16 = /\uFE0F/g;
const MARKS = new Set(Object.values(STATUS_MARKS).map((e) => e.replace(VS16, '')));

/**
 * Whether `emoji` is also a status mark. The bridge shows statuses and a customer's mirrored reaction as its own
 * reactions on the same message, so the same emoji (👀 = read) may be both: taking the customer's reaction off
 * must then leave the status on (src/services/rich-delivery.ts).
 */
export function isStatusMark(emoji: string): boolean {
  return MARKS.has(emoji.replace(VS16, ''));
}
