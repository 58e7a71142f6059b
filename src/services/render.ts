/**
 * A customer's message as readable text (WhatsApp markup), for any chat platform.
 * Every kind has a line of its own, so nothing a customer sends is shown as blank or dropped.
 */
import type { MessageContent } from '../domain/content';
import type { InboundCustomerMessage } from '../domain/whatsapp';

const MEDIA_LABEL = { image: '🖼️ Photo', video: '🎬 Video', audio: '🎵 Audio', document: '📄 Document', sticker: '🏷️ Sticker' } as const;

export function renderContent(c: MessageContent): string {
  switch (c.kind) {
    case 'text':
      return c.text;
    case 'media': {
      const label = c.media === 'audio' && c.voice ? '🎤 Voice message' : MEDIA_LABEL[c.media];
      const name = c.filename ? ` “${c.filename}”` : '';
      const caption = c.caption ? `\n${c.caption}` : '';
      return `${label}${name}${c.mimeType ? ` (${c.mimeType})` : ''}${caption}`;
    }
    case 'location': {
      const place = [c.name, c.address].filter(Boolean).join(', ');
      const map = `https://maps.google.com/?q=${c.latitude},${c.longitude}`;
      return `📍 Location${place ? `: ${place}` : ''}\n${map}`;
    }
    case 'contacts':
      return c.contacts
        .map((k) => `👤 Contact: *${k.name}*${k.org ? ` (${k.org})` : ''}${[...k.phones, ...k.emails].map((x) => `\n   ${x}`).join('')}`)
        .join('\n');
    case 'interactive_reply':
      return c.replyType === 'flow'
        ? `📝 Form submitted: ${c.title}${c.description ? `\n\`\`\`${c.description}\`\`\`` : ''}`
        : `🔘 Tapped: *${c.title}*${c.description ? ` — ${c.description}` : ''}`;
    case 'button':
      return `🔘 Tapped: *${c.text}*`;
    case 'reaction':
      return c.emoji ? `Reacted ${c.emoji} to a message` : 'Removed a reaction';
    case 'order': {
      const lines = c.items.map((i) => `• ${i.quantity} × ${i.productRetailerId} at ${i.itemPrice} ${i.currency}`);
      const total = c.items.reduce((sum, i) => sum + i.quantity * i.itemPrice, 0);
      const currency = c.items[0]?.currency ?? '';
      return [`🛒 Order${c.text ? `: ${c.text}` : ''}`, ...lines, `Total: ${Number(total.toFixed(2))} ${currency}`.trim()].join('\n');
    }
    case 'system':
      return `ℹ️ ${c.text}`;
    case 'edit':
      return `✏️ Edited a message${c.newText ? `: ${c.newText}` : ''}`;
    case 'revoke':
      return '🗑️ Deleted a message';
    case 'unsupported':
      // "an edit" / "an unknown", not "a edit".
      return `⚠️ Sent ${/^[aeiou]/i.test(c.originalType) ? 'an' : 'a'} ${c.originalType} message the bridge cannot show${c.detail ? ` (${c.detail})` : ''}. Ask the customer to send it another way if it matters.`;
  }
}

/** What goes with a customer's file posted as a file: the caption, or a label saying what it is. */
export function mediaCaption(c: Extract<MessageContent, { kind: 'media' }>): string {
  if (c.caption) return c.caption;
  return c.media === 'audio' && c.voice ? '🎤 Voice message' : MEDIA_LABEL[c.media];
}

/** The post body of a message whose file is posted as a file: the context lines of `body`, then the caption. */
export function mediaPostBody(body: string, c: Extract<MessageContent, { kind: 'media' }>): string {
  const line = renderContent(c);
  const context = body.endsWith(line) ? body.slice(0, body.length - line.length) : '';
  return `${context}${mediaCaption(c)}`;
}

/** A short quote of a message for a line that refers to it ("Reacted 👍 to “…”"). */
export function snippet(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Every line struck through (WhatsApp markup does not span lines). */
export function struck(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() ? `~${line.replace(/~/g, '').trim()}~` : line))
    .join('\n');
}

/** The full post body: forwarded / reply / ad context first, then the content. */
export function renderInbound(m: InboundCustomerMessage, quoted?: string): string {
  const lines: string[] = [];
  if (m.forwarded) lines.push(m.forwarded === 'frequently_forwarded' ? '_↪ Forwarded many times_' : '_↪ Forwarded_');
  if (m.referral)
    lines.push(
      `_From ad: ${m.referral.headline ?? m.referral.body ?? m.referral.sourceType ?? 'click-to-WhatsApp'}${m.referral.sourceUrl ? ` ${m.referral.sourceUrl}` : ''}_`,
    );
  if (quoted !== undefined) lines.push(`> ${quoted.split('\n').join('\n> ')}`);
  lines.push(renderContent(m.content));
  return lines.join('\n');
}

export function customerLabel(customer: { name?: string; waId?: string; userId?: string }): string {
  const id = customer.waId ? `+${customer.waId}` : (customer.userId ?? 'unknown');
  return customer.name ? `${customer.name} (${id})` : id;
}
