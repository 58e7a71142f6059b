/**
 * A customer's message as readable text (WhatsApp markup), for any chat platform.
 * Every kind has a line of its own, so nothing a customer sends is shown as blank or dropped.
 */
import type { MessageContent } from '../domain/content';
import type { InboundCustomerMessage } from '../domain/whatsapp';
import { DEFAULT_LANGUAGE, formatNumber, t, type Language } from '../i18n';

/** A customer's file, named in the account's language. */
function mediaLabel(c: Extract<MessageContent, { kind: 'media' }>, lang: Language): string {
  return t(lang, c.media === 'audio' && c.voice ? 'content.voice' : `content.${c.media}`);
}

/** What a customer sent, for the agents: the words around it in `lang` (src/i18n), the customer's own text as it is. */
export function renderContent(c: MessageContent, lang: Language = DEFAULT_LANGUAGE): string {
  switch (c.kind) {
    case 'text':
      return c.text;
    case 'media': {
      const name = c.filename ? ` “${c.filename}”` : '';
      const caption = c.caption ? `\n${c.caption}` : '';
      return `${mediaLabel(c, lang)}${name}${c.mimeType ? ` (${c.mimeType})` : ''}${caption}`;
    }
    case 'location': {
      const place = [c.name, c.address].filter(Boolean).join(', ');
      const map = `https://maps.google.com/?q=${c.latitude},${c.longitude}`;
      return `${place ? t(lang, 'content.locationAt', { place }) : t(lang, 'content.location')}\n${map}`;
    }
    case 'contacts':
      return c.contacts
        .map(
          (k) =>
            `${k.org ? t(lang, 'content.contactOrg', { name: k.name, org: k.org }) : t(lang, 'content.contact', { name: k.name })}${[...k.phones, ...k.emails].map((x) => `\n   ${x}`).join('')}`,
        )
        .join('\n');
    case 'interactive_reply':
      return c.replyType === 'flow'
        ? `${t(lang, 'content.formSubmitted', { title: c.title })}${c.description ? `\n\`\`\`${c.description}\`\`\`` : ''}`
        : `${t(lang, 'content.tapped', { title: c.title })}${c.description ? ` — ${c.description}` : ''}`;
    case 'button':
      return t(lang, 'content.tapped', { title: c.text });
    case 'reaction':
      return c.emoji ? t(lang, 'content.reacted', { emoji: c.emoji }) : t(lang, 'content.reactionRemoved');
    case 'order': {
      // Amounts as the language writes numbers (Intl.NumberFormat), with the currency code Meta sent.
      const lines = c.items.map((i) =>
        t(lang, 'content.orderLine', {
          quantity: formatNumber(lang, i.quantity),
          product: i.productRetailerId,
          price: formatNumber(lang, i.itemPrice),
          currency: i.currency,
        }),
      );
      const total = c.items.reduce((sum, i) => sum + i.quantity * i.itemPrice, 0);
      const currency = c.items[0]?.currency ?? '';
      return [
        c.text ? t(lang, 'content.orderWith', { text: c.text }) : t(lang, 'content.order'),
        ...lines,
        t(lang, 'content.orderTotal', { total: formatNumber(lang, Number(total.toFixed(2))), currency }).trim(),
      ].join('\n');
    }
    case 'system':
      return `ℹ️ ${c.text}`;
    case 'edit':
      return c.newText ? t(lang, 'content.editedTo', { text: c.newText }) : t(lang, 'content.edited');
    case 'revoke':
      return t(lang, 'content.deleted');
    case 'unsupported':
      // "an edit" / "an unknown", not "a edit".
      return t(lang, /^[aeiou]/i.test(c.originalType) ? 'content.unsupportedVowel' : 'content.unsupported', {
        type: c.originalType,
        detail: c.detail ? ` (${c.detail})` : '',
      });
  }
}

/** What goes with a customer's file posted as a file: the caption, or a label saying what it is. */
export function mediaCaption(c: Extract<MessageContent, { kind: 'media' }>, lang: Language = DEFAULT_LANGUAGE): string {
  if (c.caption) return c.caption;
  return mediaLabel(c, lang);
}

/** The post body of a message whose file is posted as a file: the context lines of `body`, then the caption. */
export function mediaPostBody(body: string, c: Extract<MessageContent, { kind: 'media' }>, lang: Language = DEFAULT_LANGUAGE): string {
  const line = renderContent(c, lang);
  const context = body.endsWith(line) ? body.slice(0, body.length - line.length) : '';
  return `${context}${mediaCaption(c, lang)}`;
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
export function renderInbound(m: InboundCustomerMessage, quoted?: string, lang: Language = DEFAULT_LANGUAGE): string {
  const lines: string[] = [];
  if (m.forwarded) lines.push(t(lang, m.forwarded === 'frequently_forwarded' ? 'content.forwardedMany' : 'content.forwarded'));
  if (m.referral) {
    const ad = m.referral.headline ?? m.referral.body ?? m.referral.sourceType ?? 'click-to-WhatsApp';
    lines.push(t(lang, 'content.fromAd', { ad: `${ad}${m.referral.sourceUrl ? ` ${m.referral.sourceUrl}` : ''}` }));
  }
  if (quoted !== undefined) lines.push(`> ${quoted.split('\n').join('\n> ')}`);
  lines.push(renderContent(m.content, lang));
  return lines.join('\n');
}

export function customerLabel(customer: { name?: string; waId?: string; userId?: string }): string {
  const id = customer.waId ? `+${customer.waId}` : (customer.userId ?? 'unknown');
  return customer.name ? `${customer.name} (${id})` : id;
}
