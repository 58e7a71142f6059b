/**
 * One value checked before anything reaches Meta and turned into the request's parameter: text (no line breaks,
 * tabs or runs of spaces), typed body values (`currency:EUR:12.50`, `date:2025-08-30`), header media links,
 * link endings, copy codes and quick-reply payloads. Pure functions: no I/O.
 */
import type { TemplateDefinition, TemplateParameter } from '../../../domain/templates';
import { DEFAULT_LANGUAGE, t as text, type Language } from '../../../i18n';
import { COUPON_MAX, type MediaKind, type Slot } from './shape';

export interface Checked {
  param: TemplateParameter;
  /** What the customer reads in place of the variable. */
  shown: string;
}

/** What is wrong with a text value, as the suffix of its key (`valueEmpty`, `dateBreak`, …). */
function textProblem(value: string): 'Empty' | 'Break' | 'Spaces' | undefined {
  if (!value.trim()) return 'Empty';
  // Meta refuses text parameters with new lines, tabs or more than 4 consecutive spaces.
  if (/[\n\r\t]/.test(value)) return 'Break';
  if (/ {5,}/.test(value)) return 'Spaces';
  return undefined;
}

const ISO_CURRENCY = /^[A-Z]{3}$/;

function typedValue(value: string, named: string | undefined, lang: Language): Checked | { error: string } {
  if (value.startsWith('text:')) {
    const plain = value.slice(5);
    const p = textProblem(plain);
    return p
      ? { error: text(lang, `templateValues.value${p}`) }
      : { param: { type: 'text', text: plain, ...(named ? { parameterName: named } : {}) }, shown: plain };
  }
  const currency = /^currency:([A-Za-z]{3}):(-?\d+(?:[.,]\d{1,3})?)$/.exec(value);
  if (value.startsWith('currency:')) {
    if (!currency) return { error: text(lang, 'templateValues.notCurrency', { value }) };
    const code = currency[1]!.toUpperCase();
    if (!ISO_CURRENCY.test(code)) return { error: text(lang, 'templateValues.notIsoCurrency', { code }) };
    const amount = Number(currency[2]!.replace(',', '.'));
    const fallbackValue = `${amount.toFixed(2)} ${code}`;
    return {
      param: { type: 'currency', fallbackValue, code, amount1000: Math.round(amount * 1000), ...(named ? { parameterName: named } : {}) },
      shown: fallbackValue,
    };
  }
  if (value.startsWith('date:')) {
    const date = value.slice(5).trim();
    const p = textProblem(date);
    if (p) return { error: text(lang, `templateValues.date${p}`) };
    if (/^\d{4}-\d{2}-\d{2}/.test(date) && Number.isNaN(Date.parse(date.slice(0, 10)))) return { error: text(lang, 'templateValues.notRealDate', { date }) };
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      const d = new Date(`${date}T00:00:00Z`);
      if (d.toISOString().slice(0, 10) !== date) return { error: text(lang, 'templateValues.notRealDate', { date }) };
    }
    return { param: { type: 'date_time', fallbackValue: date, ...(named ? { parameterName: named } : {}) }, shown: date };
  }
  const p = textProblem(value);
  return p
    ? { error: text(lang, `templateValues.value${p}`) }
    : { param: { type: 'text', text: value, ...(named ? { parameterName: named } : {}) }, shown: value };
}

const MEDIA_EXTENSIONS: Record<MediaKind, string[] | undefined> = { image: ['jpg', 'jpeg', 'png'], video: ['mp4', '3gp', '3gpp'], document: undefined };

function mediaValue(value: string, media: MediaKind, lang: Language): Checked | { error: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { error: text(lang, `templateValues.${media}NotLink`, { value }) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: text(lang, `templateValues.${media}NotHttp`, { protocol: url.protocol }) };
  const file = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
  const allowed = MEDIA_EXTENSIONS[media];
  if (ext && allowed && !allowed.includes(ext)) {
    return { error: text(lang, `templateValues.${media}WrongType`, { ext, allowed: allowed.map((e) => `.${e}`).join(', ') }) };
  }
  const link = url.toString();
  const param: TemplateParameter = media === 'document' && ext ? { type: 'document', link, filename: file } : { type: media, link };
  return { param, shown: link };
}

/** One value checked; the error in `lang` (the account's). */
export function checkValue(t: TemplateDefinition, slot: Slot, raw: string, lang: Language = DEFAULT_LANGUAGE): Checked | { error: string } {
  const named = t.parameterFormat === 'NAMED' ? slot.variable : undefined;
  switch (slot.kind) {
    case 'header_media':
      return mediaValue(raw, slot.media!, lang);
    case 'header_text': {
      const p = textProblem(raw);
      return p
        ? { error: text(lang, `templateValues.header${p}`) }
        : { param: { type: 'text', text: raw, ...(named ? { parameterName: named } : {}) }, shown: raw };
    }
    case 'body':
      return typedValue(raw, named, lang);
    case 'button_url': {
      if (!raw.trim()) return { error: text(lang, 'templateValues.linkEmpty') };
      if (/\s/.test(raw)) return { error: text(lang, 'templateValues.linkSpaces', { value: raw }) };
      return { param: { type: 'text', text: raw }, shown: raw };
    }
    case 'button_copy_code': {
      if (!raw.trim()) return { error: text(lang, 'templateValues.codeEmpty') };
      if (raw.length > COUPON_MAX) return { error: text(lang, 'templateValues.codeTooLong', { length: raw.length, max: COUPON_MAX }) };
      return { param: { type: 'coupon_code', couponCode: raw }, shown: raw };
    }
    case 'button_quick_reply':
      if (!raw.trim()) return { error: text(lang, 'templateValues.payloadEmpty') };
      return { param: { type: 'payload', payload: raw }, shown: raw };
  }
}
