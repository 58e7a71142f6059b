/** What the core needs from WhatsApp, implemented by adapters/whatsapp. */
import type { FailureExplanation } from './errors';
import type { TemplateMessage } from './templates';
import type { CustomerRef, WhatsAppErrorInfo } from './whatsapp';

export interface WhatsAppSender {
  /** Resolves to the wamid; rejects with a DeliveryError. */
  sendText(account: { phoneNumberId: string; accessToken: string }, to: CustomerRef, text: string, replyToWamid?: string): Promise<string>;
  /** An approved template with its parameters; resolves to the wamid, rejects with a DeliveryError. */
  sendTemplate(account: { phoneNumberId: string; accessToken: string }, to: CustomerRef, template: TemplateMessage): Promise<string>;
  explain(error: WhatsAppErrorInfo): FailureExplanation & { retryable: boolean };
}
