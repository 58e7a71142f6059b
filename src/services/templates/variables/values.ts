/**
 * One value checked before anything reaches Meta and turned into the request's parameter: text (no line breaks,
 * tabs or runs of spaces), typed body values (`currency:EUR:12.50`, `date:2025-08-30`), header media links,
 * link endings, copy codes and quick-reply payloads. Pure functions: no I/O.
 */
import type { TemplateDefinition, TemplateParameter } from '../../../domain/templates';
import { COUPON_MAX, type MediaKind, type Slot } from './shape';

export interface Checked {
  param: TemplateParameter;
  /** What the customer reads in place of the variable. */
  shown: string;
}

function textProblem(value: string): string | undefined {
  if (!value.trim()) return 'is empty';
  // Meta refuses text parameters with new lines, tabs or more than 4 consecutive spaces.
  if (/[\n\r\t]/.test(value)) return 'has a line break or tab, which WhatsApp does not allow in a variable';
  if (/ {5,}/.test(value)) return 'has more than 4 spaces in a row, which WhatsApp does not allow in a variable';
  return undefined;
}

const ISO_CURRENCY = /^[A-Z]{3}$/;

function typedValue(value: string, named: string | undefined): Checked | { error: string } {
  if (value.startsWith('text:')) {
    const text = value.slice(5);
    const p = textProblem(text);
    return p ? { error: `the value ${p}` } : { param: { type: 'text', text, ...(named ? { parameterName: named } : {}) }, shown: text };
  }
  const currency = /^currency:([A-Za-z]{3}):(-?\d+(?:[.,]\d{1,3})?)$/.exec(value);
  if (value.startsWith('currency:')) {
    if (!currency) return { error: `\`${value}\` is not a currency value: write currency:<ISO code>:<amount>, e.g. currency:EUR:12.50` };
    const code = currency[1]!.toUpperCase();
    if (!ISO_CURRENCY.test(code)) return { error: `${code} is not an ISO 4217 currency code` };
    const amount = Number(currency[2]!.replace(',', '.'));
    const fallbackValue = `${amount.toFixed(2)} ${code}`;
    return {
      param: { type: 'currency', fallbackValue, code, amount1000: Math.round(amount * 1000), ...(named ? { parameterName: named } : {}) },
      shown: fallbackValue,
    };
  }
  if (value.startsWith('date:')) {
    const text = value.slice(5).trim();
    const p = textProblem(text);
    if (p) return { error: `the date ${p}` };
    if (/^\d{4}-\d{2}-\d{2}/.test(text) && Number.isNaN(Date.parse(text.slice(0, 10)))) return { error: `${text} is not a real date` };
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      const d = new Date(`${text}T00:00:00Z`);
      if (d.toISOString().slice(0, 10) !== text) return { error: `${text} is not a real date` };
    }
    return { param: { type: 'date_time', fallbackValue: text, ...(named ? { parameterName: named } : {}) }, shown: text };
  }
  const p = textProblem(value);
  return p ? { error: `the value ${p}` } : { param: { type: 'text', text: value, ...(named ? { parameterName: named } : {}) }, shown: value };
}

const MEDIA_EXTENSIONS: Record<MediaKind, string[] | undefined> = { image: ['jpg', 'jpeg', 'png'], video: ['mp4', '3gp', '3gpp'], document: undefined };

function mediaValue(value: string, media: MediaKind): Checked | { error: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { error: `\`${value}\` is not a link: the ${media} header needs a public https:// link` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `the ${media} header needs an http(s) link, not ${url.protocol}` };
  const file = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
  const allowed = MEDIA_EXTENSIONS[media];
  if (ext && allowed && !allowed.includes(ext)) {
    return { error: `a .${ext} file cannot be the ${media} header: WhatsApp takes ${allowed.map((e) => `.${e}`).join(', ')}` };
  }
  const link = url.toString();
  const param: TemplateParameter = media === 'document' && ext ? { type: 'document', link, filename: file } : { type: media, link };
  return { param, shown: link };
}

export function checkValue(t: TemplateDefinition, slot: Slot, raw: string): Checked | { error: string } {
  const named = t.parameterFormat === 'NAMED' ? slot.variable : undefined;
  switch (slot.kind) {
    case 'header_media':
      return mediaValue(raw, slot.media!);
    case 'header_text': {
      const p = textProblem(raw);
      return p ? { error: `the header value ${p}` } : { param: { type: 'text', text: raw, ...(named ? { parameterName: named } : {}) }, shown: raw };
    }
    case 'body':
      return typedValue(raw, named);
    case 'button_url': {
      if (!raw.trim()) return { error: 'the link ending is empty' };
      if (/\s/.test(raw)) return { error: `the link ending \`${raw}\` has spaces; a link cannot` };
      return { param: { type: 'text', text: raw }, shown: raw };
    }
    case 'button_copy_code': {
      if (!raw.trim()) return { error: 'the code is empty' };
      if (raw.length > COUPON_MAX) return { error: `the code has ${raw.length} characters; WhatsApp allows ${COUPON_MAX}` };
      return { param: { type: 'coupon_code', couponCode: raw }, shown: raw };
    }
    case 'button_quick_reply':
      if (!raw.trim()) return { error: 'the payload is empty' };
      return { param: { type: 'payload', payload: raw }, shown: raw };
  }
}
