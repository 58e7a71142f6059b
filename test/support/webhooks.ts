/**
 * Webhook bodies for flow tests, always derived from the fixtures copied from Meta's docs
 * (test/fixtures/whatsapp/SOURCES.md): only ids, sender, text and timestamp are changed.
 */
import { loadWhatsAppFixture } from '../fixtures/whatsapp';

let counter = 0;
export const newWamid = () => `wamid.TEST${Date.now().toString(36)}${(counter++).toString(36).toUpperCase()}==`;
const nowSeconds = () => String(Math.floor(Date.now() / 1000));

export interface CustomerText {
  from?: string;
  name?: string;
  text?: string;
  wamid?: string;
  timestamp?: string;
}

/** Meta's "Incoming messages" example, with the given sender and text. */
export function customerText(o: CustomerText = {}): any {
  const body = loadWhatsAppFixture('message-text');
  const value = body.entry[0].changes[0].value;
  const from = o.from ?? '16505551234';
  value.contacts[0].wa_id = from;
  value.contacts[0].profile.name = o.name ?? 'Sheena Nelson';
  value.messages[0].from = from;
  value.messages[0].id = o.wamid ?? newWamid();
  value.messages[0].timestamp = o.timestamp ?? nowSeconds();
  value.messages[0].text.body = o.text ?? 'Does it come in another color?';
  return body;
}

/** Several customer messages in one POST, as Meta may batch them. */
export function batch(...bodies: any[]): any {
  const first = bodies[0];
  const value = first.entry[0].changes[0].value;
  for (const b of bodies.slice(1)) {
    const v = b.entry[0].changes[0].value;
    value.contacts.push(...(v.contacts ?? []));
    value.messages.push(...(v.messages ?? []));
  }
  return first;
}

/** Meta's status example (read), with the given wamid and status; `failed` carries Meta's error object shape. */
export function statusUpdate(wamid: string, status: 'sent' | 'delivered' | 'read' | 'failed', error?: { code: number; title: string; details?: string }): any {
  const body = loadWhatsAppFixture(status === 'failed' ? 'status-failed-131049' : 'status-read');
  const s = body.entry[0].changes[0].value.statuses[0];
  s.id = wamid;
  s.status = status;
  s.timestamp = nowSeconds();
  if (status === 'failed' && error) {
    s.errors = [
      {
        code: error.code,
        title: error.title,
        message: error.title,
        error_data: { details: error.details ?? error.title },
        href: '/documentation/business-messaging/whatsapp/support/error-codes',
      },
    ];
  }
  return body;
}
