/**
 * One message of Meta's webhook → the core's MessageContent, by its `type` (the message object reference of Meta's
 * webhook docs: text, media, location, contacts, interactive and button replies, reactions, orders, system, edits,
 * deletions). A type's object that does not parse becomes `unsupported` with a reason, never an exception.
 */
import type { z } from 'zod';
import type { MessageContent } from '../../src/domain/content';
import { typeSchemas, type messageSchema } from './schema';

export function contentOf(msg: z.infer<typeof messageSchema>): MessageContent {
  const raw = (msg as Record<string, unknown>)[msg.type];
  const type = msg.type;
  const fail = (detail: string): MessageContent => ({ kind: 'unsupported', originalType: type, detail });
  switch (type) {
    case 'text': {
      const p = typeSchemas.text.safeParse(raw);
      return p.success ? { kind: 'text', text: p.data.body } : fail('text without a body');
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const p = typeSchemas[type].safeParse(raw);
      if (!p.success) return fail(`${type} without its media object`);
      const d = p.data;
      return {
        kind: 'media',
        media: type,
        mediaId: d.id,
        mimeType: d.mime_type,
        caption: d.caption,
        filename: d.filename,
        voice: d.voice,
        animated: d.animated,
      };
    }
    case 'location': {
      const p = typeSchemas.location.safeParse(raw);
      return p.success ? { kind: 'location', ...p.data } : fail('location without coordinates');
    }
    case 'contacts': {
      const p = typeSchemas.contacts.safeParse(raw);
      if (!p.success) return fail('contacts that could not be read');
      return {
        kind: 'contacts',
        contacts: p.data.map((c) => ({
          // `||`, not `??`: join() returns '' (never null) for a card without any name, which rendered as "**".
          name: c.name?.formatted_name || [c.name?.first_name, c.name?.last_name].filter(Boolean).join(' ') || 'unnamed',
          phones: (c.phones ?? []).map((ph) => ph.phone ?? ph.wa_id ?? '').filter(Boolean),
          emails: (c.emails ?? []).map((e) => e.email ?? '').filter(Boolean),
          org: c.org?.company,
        })),
      };
    }
    case 'interactive': {
      const p = typeSchemas.interactive.safeParse(raw);
      if (!p.success) return fail('interactive reply that could not be read');
      const i = p.data;
      if (i.button_reply) return { kind: 'interactive_reply', replyType: 'button', id: i.button_reply.id, title: i.button_reply.title };
      if (i.list_reply)
        return { kind: 'interactive_reply', replyType: 'list', id: i.list_reply.id, title: i.list_reply.title, description: i.list_reply.description };
      if (i.nfm_reply)
        return { kind: 'interactive_reply', replyType: 'flow', title: i.nfm_reply.body ?? 'form submitted', description: i.nfm_reply.response_json };
      return { kind: 'interactive_reply', replyType: 'other', title: i.type };
    }
    case 'button': {
      const p = typeSchemas.button.safeParse(raw);
      return p.success ? { kind: 'button', text: p.data.text, payload: p.data.payload } : fail('button reply without text');
    }
    case 'reaction': {
      const p = typeSchemas.reaction.safeParse(raw);
      return p.success ? { kind: 'reaction', targetWamid: p.data.message_id, emoji: p.data.emoji || undefined } : fail('reaction without its message');
    }
    case 'order': {
      const p = typeSchemas.order.safeParse(raw);
      if (!p.success) return fail('order that could not be read');
      return {
        kind: 'order',
        catalogId: p.data.catalog_id,
        text: p.data.text,
        items: p.data.product_items.map((x) => ({
          productRetailerId: x.product_retailer_id,
          quantity: x.quantity,
          itemPrice: x.item_price,
          currency: x.currency,
        })),
      };
    }
    case 'system': {
      const p = typeSchemas.system.safeParse(raw);
      return p.success ? { kind: 'system', text: p.data.body ?? 'system message', systemType: p.data.type } : fail('system message without a body');
    }
    case 'edit': {
      const p = typeSchemas.edit.safeParse(raw);
      if (!p.success) return fail('edit without its message');
      const edited = p.data.message as (Record<string, { caption?: unknown } | undefined> & { type?: string; text?: { body: string } }) | undefined;
      const caption = edited?.type ? edited[edited.type]?.caption : undefined;
      return { kind: 'edit', targetWamid: p.data.original_message_id, newText: edited?.text?.body ?? (typeof caption === 'string' ? caption : undefined) };
    }
    case 'revoke': {
      const p = typeSchemas.revoke.safeParse(raw);
      return p.success ? { kind: 'revoke', targetWamid: p.data.original_message_id } : fail('deletion without its message');
    }
    case 'unsupported': {
      const inner = (raw as { type?: string } | undefined)?.type;
      const err = msg.errors?.[0];
      return {
        kind: 'unsupported',
        originalType: inner ?? 'unknown',
        detail: err ? `${err.code}: ${err.error_data?.details ?? err.title ?? ''}`.trim() : undefined,
      };
    }
    default:
      return { kind: 'unsupported', originalType: type, detail: 'a message type this bridge does not know yet' };
  }
}
