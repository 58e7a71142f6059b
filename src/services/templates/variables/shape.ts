/**
 * What values a template needs: its slots (header, body and button variables) with a label, a hint and an example
 * for forms, and whether the bridge can fill the template at all. Pure functions: no I/O.
 */
import type { TemplateComponent, TemplateDefinition, TemplateField } from '../../../domain/templates';
import { DEFAULT_LANGUAGE, t as text, type Language } from '../../../i18n';

export type SlotKind = 'header_text' | 'header_media' | 'body' | 'button_url' | 'button_copy_code' | 'button_quick_reply';
export type MediaKind = 'image' | 'video' | 'document';

export interface Slot {
  /** `header`, the variable (`1`, `first_name`) for body variables, `button<N>` (1-based) for buttons. */
  key: string;
  kind: SlotKind;
  /** The variable as written in the template (`1`, `first_name`). */
  variable?: string;
  media?: MediaKind;
  /** 0-based, as Meta counts buttons. */
  buttonIndex?: number;
  required: boolean;
  /** Where the value goes, with the template text around it. */
  label: string;
  example?: string;
}

export interface TemplateShape {
  slots: Slot[];
  /** Set when the bridge cannot fill this template (a component or button it does not support). */
  unsupported?: string;
  /** The language of the labels and of every text built from this shape (the account's, src/i18n); unset: English. */
  language?: Language;
}

const MEDIA_KEY = { image: 'Image', video: 'Video', document: 'Document' } as const;

export const VAR = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const HAS_VAR = /\{\{\s*[A-Za-z0-9_]+\s*\}\}/;
const SUPPORTED_BUTTONS = new Set(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE']);
export const MEDIA_FORMATS: Record<string, MediaKind> = { IMAGE: 'image', VIDEO: 'video', DOCUMENT: 'document' };
/** Meta: a copy-code button's code is at most 15 characters. */
export const COUPON_MAX = 15;

export const component = (t: TemplateDefinition, type: string): TemplateComponent | undefined => t.components.find((c) => c.type === type);

/** Distinct variables of a text in order of appearance; positional ones sorted by number. */
export function variablesIn(text: string | undefined, positional: boolean): string[] {
  const seen: string[] = [];
  for (const m of (text ?? '').matchAll(VAR)) if (!seen.includes(m[1]!)) seen.push(m[1]!);
  return positional ? seen.sort((a, b) => Number(a) - Number(b)) : seen;
}

/** `…text before {{x}} text after…`, short enough for a form label. */
function around(text: string, variable: string, width = 40): string {
  const marker = new RegExp(`\\{\\{\\s*${variable}\\s*\\}\\}`);
  const m = marker.exec(text);
  if (!m) return text.slice(0, width * 2);
  const start = Math.max(0, m.index - width);
  const end = Math.min(text.length, m.index + m[0].length + width);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

export function templateShape(t: TemplateDefinition, language: Language = DEFAULT_LANGUAGE): TemplateShape {
  const positional = t.parameterFormat === 'POSITIONAL';
  const slots: Slot[] = [];
  const other = t.components.find((c) => !['HEADER', 'BODY', 'FOOTER', 'BUTTONS'].includes(c.type));
  if (other) return { slots, language, unsupported: text(language, 'templateValues.unsupportedComponent', { type: other.type }) };
  const header = component(t, 'HEADER');
  if (header) {
    const format = header.format ?? 'TEXT';
    if (format === 'TEXT') {
      const vars = variablesIn(header.text, positional);
      const named = header.example?.bodyNamed;
      for (const v of vars) {
        slots.push({
          key: positional ? 'header' : v,
          kind: 'header_text',
          variable: v,
          required: true,
          label: text(language, 'templateValues.headerText', { variable: `{{${v}}}`, context: around(header.text ?? '', v) }),
          example: positional ? header.example?.headerText?.[0] : (named?.[v] ?? header.example?.headerText?.[0]),
        });
      }
    } else if (MEDIA_FORMATS[format]) {
      const media = MEDIA_FORMATS[format]!;
      slots.push({
        key: 'header',
        kind: 'header_media',
        media,
        required: true,
        label: text(language, `templateValues.header${MEDIA_KEY[media]}`),
        example: `https://example.com/${media === 'image' ? 'photo.jpg' : media === 'video' ? 'clip.mp4' : 'receipt.pdf'}`,
      });
    } else {
      return { slots, language, unsupported: text(language, 'templateValues.unsupportedHeader', { format }) };
    }
  }
  const body = component(t, 'BODY');
  const bodyVars = variablesIn(body?.text, positional);
  bodyVars.forEach((v, i) => {
    const example = positional ? (body?.example?.bodyText?.[Number(v) - 1] ?? body?.example?.bodyText?.[i]) : body?.example?.bodyNamed?.[v];
    const label = text(language, 'templateValues.body', { variable: `{{${v}}}`, context: around(body?.text ?? '', v) });
    slots.push({ key: v, kind: 'body', variable: v, required: true, label, example });
  });
  const buttons = component(t, 'BUTTONS')?.buttons ?? [];
  for (const [index, b] of buttons.entries()) {
    if (!SUPPORTED_BUTTONS.has(b.type)) return { slots, language, unsupported: text(language, 'templateValues.unsupportedButton', { type: b.type }) };
    const key = `button${index + 1}`;
    const name = b.text ? `“${b.text}”` : b.type.toLowerCase().replace('_', ' ');
    if (b.type === 'URL' && b.url && HAS_VAR.test(b.url)) {
      const prefix = b.url.slice(0, b.url.indexOf('{{'));
      const ex = b.example?.[0];
      const suffix = ex ? (ex.startsWith(prefix) ? ex.slice(prefix.length) : ex.split(/[=/]/).pop()) : undefined;
      slots.push({
        key,
        kind: 'button_url',
        buttonIndex: index,
        required: true,
        label: text(language, 'templateValues.buttonUrl', { number: index + 1, name, url: b.url }),
        example: suffix || 'abc123',
      });
    } else if (b.type === 'COPY_CODE') {
      slots.push({
        key,
        kind: 'button_copy_code',
        buttonIndex: index,
        required: true,
        label: text(language, 'templateValues.buttonCopyCode', { number: index + 1 }),
        example: b.example?.[0] ?? 'CODE25',
      });
    } else if (b.type === 'QUICK_REPLY') {
      slots.push({
        key,
        kind: 'button_quick_reply',
        buttonIndex: index,
        required: false,
        label: text(language, 'templateValues.buttonQuickReply', { number: index + 1, name }),
        example: 'PAYLOAD',
      });
    }
  }
  return { slots, language };
}

export function fieldsOf(shape: TemplateShape): TemplateField[] {
  return shape.slots.map((s) => ({
    key: s.key,
    label: s.label,
    hint: hintFor(s, shape.language ?? DEFAULT_LANGUAGE),
    required: s.required,
    example: s.example,
  }));
}

function hintFor(s: Slot, language: Language): string {
  switch (s.kind) {
    case 'header_media':
      return text(language, `templateValues.hint${MEDIA_KEY[s.media ?? 'document']}`);
    case 'body':
      return text(language, 'templateValues.hintBody');
    case 'button_url':
      return text(language, 'templateValues.hintUrl');
    case 'button_copy_code':
      return text(language, 'templateValues.hintCode', { max: COUPON_MAX });
    case 'button_quick_reply':
      return text(language, 'templateValues.hintQuickReply');
    default:
      return text(language, 'templateValues.hintText');
  }
}
