/**
 * POST /{phoneNumberId}/messages: a send (validated like Meta: `messaging_product`, `to`, a known `type` with its
 * object, text length) answered with a wamid, or a mark-as-read (`status: "read"`).
 */
import { randomBytes } from 'node:crypto';
import { invalidParameter } from './errors';
import type { GraphState } from './state';
import type { Reply } from './types';
import { isObject } from './wire';

const TEXT_BODY_MAX = 4096;
const MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'template', 'reaction'];
/**
 * A business-scoped user id (BSUID): ISO country code + '.' + alphanumerics, e.g. US.13491208655302741918
 * (test/fixtures/whatsapp/message-text-bsuid.json and its entry in SOURCES.md).
 */
const BSUID_PATTERN = /^[A-Z]{2}\.[A-Za-z0-9.]+$/;

export function postMessage(s: GraphState, body: unknown): Reply {
  if (!isObject(body)) return invalidParameter('(#100) The request body must be a JSON object.');
  if (body.messaging_product !== 'whatsapp') {
    return invalidParameter('(#100) The parameter messaging_product is required.');
  }
  if (body.status === 'read') return markAsRead(s, body);
  const problem = validateSend(body);
  if (problem) return invalidParameter(problem);
  s.sent.push(body);
  const wamid = newWamid(s);
  s.lastWamid = wamid;
  s.onMessageSent?.(body, wamid);
  return { status: 200, json: sendResponse(recipientOf(body), wamid) };
}

function markAsRead(s: GraphState, body: Record<string, any>): Reply {
  if (typeof body.message_id !== 'string' || !body.message_id) {
    return invalidParameter('(#100) The parameter message_id is required.');
  }
  s.reads.push(body.message_id);
  return { status: 200, json: { success: true } };
}

/** Real wamids are base64 of an opaque blob and can contain '+', '/' and '='. */
function newWamid(s: GraphState): string {
  const sequence = Buffer.alloc(4);
  sequence.writeUInt32BE(s.nextCounter());
  return `wamid.${Buffer.concat([Buffer.from('HBgL'), sequence, randomBytes(16)]).toString('base64')}`;
}

// ------------------------------------------------------------------ send validation

function validateSend(body: Record<string, any>): string | undefined {
  const recipient = recipientOf(body);
  if (typeof recipient !== 'string' || !recipient.trim()) return '(#100) The parameter to is required.';
  // Meta documents `type` as optional with "text" as the default.
  const type = body.type ?? 'text';
  if (!MESSAGE_TYPES.includes(type)) {
    return `(#100) Param type must be one of {${MESSAGE_TYPES.map((t) => t.toUpperCase()).join(', ')}} - got "${type}".`;
  }
  if (!isObject(body[type])) return `(#100) The parameter ${type} is required.`;
  if (type === 'text') return validateText(body.text);
  return undefined;
}

function validateText(text: Record<string, any>): string | undefined {
  if (typeof text.body !== 'string' || text.body.length === 0) {
    return "(#100) The parameter text['body'] is required.";
  }
  if (text.body.length > TEXT_BODY_MAX) {
    return `(#100) Param text['body'] must be at most ${TEXT_BODY_MAX} characters long.`;
  }
  return undefined;
}

/** `to` is the documented field; `recipient` is accepted as an alias for BSUID sends (inference). */
function recipientOf(body: Record<string, any>): unknown {
  return body.to ?? body.recipient;
}

function sendResponse(input: unknown, wamid: string): Record<string, unknown> {
  const value = String(input);
  // A BSUID send answers with contacts[].user_id instead of wa_id (see BSUID_PATTERN).
  const contact = BSUID_PATTERN.test(value) ? { input: value, user_id: value } : { input: value, wa_id: value.replace(/\D/g, '') };
  return { messaging_product: 'whatsapp', contacts: [contact], messages: [{ id: wamid }] };
}
