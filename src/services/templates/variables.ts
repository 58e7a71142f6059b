/**
 * What values a template needs (header, body and button variables), how the words of a `/wa template` line or a
 * form's inputs become those values, their checks before anything reaches Meta, the request's components,
 * and the template's text with its variables filled in. Pure functions: no I/O.
 */
import type { TemplateComponent, TemplateDefinition, TemplateField, TemplateMessage, TemplateParameter, TemplateSendComponent } from '../../domain/templates';

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
}

const VAR = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const HAS_VAR = /\{\{\s*[A-Za-z0-9_]+\s*\}\}/;
const SUPPORTED_BUTTONS = new Set(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE']);
const MEDIA_FORMATS: Record<string, MediaKind> = { IMAGE: 'image', VIDEO: 'video', DOCUMENT: 'document' };
/** Meta: header text at most 60 characters, body at most 1024 (132005 when the filled-in text is longer). */
const HEADER_MAX = 60;
const BODY_MAX = 1024;
const COUPON_MAX = 15;

const component = (t: TemplateDefinition, type: string): TemplateComponent | undefined => t.components.find((c) => c.type === type);

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

export function templateShape(t: TemplateDefinition): TemplateShape {
  const positional = t.parameterFormat === 'POSITIONAL';
  const slots: Slot[] = [];
  const other = t.components.find((c) => !['HEADER', 'BODY', 'FOOTER', 'BUTTONS'].includes(c.type));
  if (other) return { slots, unsupported: `it has a ${other.type} component, which \`/wa template\` cannot fill yet` };
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
          label: `Header {{${v}}}: ${around(header.text ?? '', v)}`,
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
        label: `Header ${media}: a public https link to the ${media}`,
        example: `https://example.com/${media === 'image' ? 'photo.jpg' : media === 'video' ? 'clip.mp4' : 'receipt.pdf'}`,
      });
    } else {
      return { slots, unsupported: `its header is a ${format}, which \`/wa template\` cannot fill yet` };
    }
  }
  const body = component(t, 'BODY');
  const bodyVars = variablesIn(body?.text, positional);
  bodyVars.forEach((v, i) => {
    const example = positional ? (body?.example?.bodyText?.[Number(v) - 1] ?? body?.example?.bodyText?.[i]) : body?.example?.bodyNamed?.[v];
    slots.push({ key: v, kind: 'body', variable: v, required: true, label: `Body {{${v}}}: ${around(body?.text ?? '', v)}`, example });
  });
  const buttons = component(t, 'BUTTONS')?.buttons ?? [];
  for (const [index, b] of buttons.entries()) {
    if (!SUPPORTED_BUTTONS.has(b.type)) return { slots, unsupported: `it has a ${b.type} button, which \`/wa template\` cannot fill yet` };
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
        label: `Button ${index + 1} ${name}: the end of the link ${b.url}`,
        example: suffix || 'abc123',
      });
    } else if (b.type === 'COPY_CODE') {
      slots.push({
        key,
        kind: 'button_copy_code',
        buttonIndex: index,
        required: true,
        label: `Button ${index + 1} (copy code): the code the customer copies`,
        example: b.example?.[0] ?? 'CODE25',
      });
    } else if (b.type === 'QUICK_REPLY') {
      slots.push({
        key,
        kind: 'button_quick_reply',
        buttonIndex: index,
        required: false,
        label: `Button ${index + 1} ${name} (quick reply): optional payload sent back when tapped`,
        example: 'PAYLOAD',
      });
    }
  }
  return { slots };
}

export function fieldsOf(shape: TemplateShape): TemplateField[] {
  return shape.slots.map((s) => ({
    key: s.key,
    label: s.label,
    hint: hintFor(s),
    required: s.required,
    example: s.example,
  }));
}

function hintFor(s: Slot): string {
  switch (s.kind) {
    case 'header_media':
      return `An https link to a${s.media === 'image' ? 'n image (JPEG or PNG)' : s.media === 'video' ? ' video (MP4 or 3GP)' : ' document (e.g. a PDF)'}.`;
    case 'body':
      return 'Text, or currency:EUR:12.50, or date:2025-08-30 (no line breaks).';
    case 'button_url':
      return 'Appended to the button’s link; no spaces.';
    case 'button_copy_code':
      return `At most ${COUPON_MAX} characters.`;
    case 'button_quick_reply':
      return 'Optional: returned to the bridge when the customer taps the button.';
    default:
      return 'Text without line breaks.';
  }
}

// ------------------------------------------------------------------ command-line words → values

export interface Assignment {
  values: Record<string, string>;
  /** Keyed by slot key when one field is at fault, `_` for the line as a whole. */
  errors: Record<string, string>;
}

const KEYED = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;

/**
 * Positional templates: bare words fill the required values in order (header, body {{1}}…, buttons);
 * `header=…` and `button<N>=…` may be given by name (quick-reply payloads only so).
 * Named templates: every value as `name=value`.
 */
export function assignArgs(t: TemplateDefinition, shape: TemplateShape, args: string[]): Assignment {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const keys = new Set(shape.slots.map((s) => s.key));
  const positional = t.parameterFormat === 'POSITIONAL';
  const bare: string[] = [];
  for (const arg of args) {
    const m = KEYED.exec(arg);
    const key = m?.[1];
    const keyedHere = m && key && (positional ? key === 'header' || /^button\d+$/.test(key) : true);
    if (!keyedHere) {
      bare.push(arg);
      continue;
    }
    if (!keys.has(key)) {
      errors[key] = `\`${key}\` is not a value of this template (it takes: ${[...keys].map((k) => `\`${k}\``).join(', ') || 'none'})`;
      continue;
    }
    if (key in values) {
      errors[key] = `\`${key}\` is given twice`;
      continue;
    }
    values[key] = m![2]!;
  }
  const open = shape.slots.filter((s) => s.required && !(s.key in values));
  if (!positional && bare.length) {
    errors._ = `${t.name} uses named variables: write each value as name=value (e.g. \`${open[0]?.key ?? shape.slots[0]?.key ?? 'name'}=…\`); \`${bare[0]}\` has no name`;
    return { values, errors };
  }
  const required = shape.slots.filter((s) => s.required).length;
  if (bare.length > open.length) {
    errors._ = `too many values: ${t.name} takes ${required} value${required === 1 ? '' : 's'}, you gave ${bare.length + (required - open.length)}`;
    return { values, errors };
  }
  open.forEach((s, i) => {
    if (i < bare.length) values[s.key] = bare[i]!;
  });
  const missing = open.slice(bare.length);
  if (missing.length) {
    const given = required - missing.length;
    for (const s of missing) errors[s.key] = `missing: ${s.label}`;
    errors._ = positional
      ? `too few values: ${t.name} takes ${required}, you gave ${given} (missing ${missing.map((s) => slotName(s)).join(', ')})`
      : `missing ${missing.map((s) => `\`${s.key}\``).join(', ')}`;
  }
  return { values, errors };
}

function slotName(s: Slot): string {
  if (s.kind === 'body') return `body {{${s.variable}}}`;
  if (s.kind === 'header_text') return `header {{${s.variable}}}`;
  if (s.kind === 'header_media') return `the header ${s.media} link`;
  return `button ${(s.buttonIndex ?? 0) + 1}`;
}

// ------------------------------------------------------------------ values → checked parameters

interface Checked {
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

export interface Built {
  message: TemplateMessage;
  /** The template as the customer reads it. */
  text: string;
}

/** Checks every value and builds the request's components; errors keyed by slot key. */
export function buildMessage(
  t: TemplateDefinition,
  shape: TemplateShape,
  values: Record<string, string>,
): { ok: true; built: Built } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const checked = new Map<string, Checked>();
  for (const slot of shape.slots) {
    const raw = values[slot.key];
    if (raw === undefined || (raw === '' && !slot.required)) {
      if (slot.required) errors[slot.key] = `missing: ${slot.label}`;
      continue;
    }
    const c = checkValue(t, slot, raw);
    if ('error' in c) errors[slot.key] = c.error;
    else checked.set(slot.key, c);
  }
  for (const key of Object.keys(values)) if (!shape.slots.some((s) => s.key === key)) errors[key] = `\`${key}\` is not a value of this template`;
  if (Object.keys(errors).length) return { ok: false, errors };

  const shown = (s: Slot) => checked.get(s.key)?.shown ?? '';
  const text = renderTemplate(
    t,
    (kind, variable) => {
      const s = shape.slots.find((x) => x.kind === kind && x.variable === variable);
      return s ? shown(s) : undefined;
    },
    shape.slots.find((s) => s.kind === 'header_media') ? shown(shape.slots.find((s) => s.kind === 'header_media')!) : undefined,
  );
  const header = component(t, 'HEADER');
  const body = component(t, 'BODY');
  if (header?.format === 'TEXT' || (header && !header.format)) {
    const filled = fill(header.text ?? '', (v) => shown(shape.slots.find((s) => s.kind === 'header_text' && s.variable === v)!));
    if (filled.length > HEADER_MAX)
      return {
        ok: false,
        errors: {
          [shape.slots.find((s) => s.kind === 'header_text')?.key ?? 'header']:
            `the header would be ${filled.length} characters long; WhatsApp allows ${HEADER_MAX}`,
        },
      };
  }
  if (body) {
    const filled = fill(body.text ?? '', (v) => shown(shape.slots.find((s) => s.kind === 'body' && s.variable === v)!));
    if (filled.length > BODY_MAX) {
      const key = shape.slots.find((s) => s.kind === 'body')?.key ?? '_';
      return { ok: false, errors: { [key]: `the message would be ${filled.length} characters long; WhatsApp allows ${BODY_MAX}: shorten the values` } };
    }
  }

  const components: TemplateSendComponent[] = [];
  const headerParams = shape.slots.filter((s) => s.kind === 'header_text' || s.kind === 'header_media').map((s) => checked.get(s.key)!.param);
  if (headerParams.length) components.push({ type: 'header', parameters: headerParams });
  const bodyParams = shape.slots.filter((s) => s.kind === 'body').map((s) => checked.get(s.key)!.param);
  if (bodyParams.length) components.push({ type: 'body', parameters: bodyParams });
  for (const s of shape.slots) {
    const c = checked.get(s.key);
    if (!c || s.buttonIndex === undefined) continue;
    const subType = s.kind === 'button_url' ? 'url' : s.kind === 'button_copy_code' ? 'copy_code' : 'quick_reply';
    components.push({ type: 'button', subType, index: s.buttonIndex, parameters: [c.param] });
  }
  return { ok: true, built: { message: { name: t.name, language: t.language, components }, text } };
}

// ------------------------------------------------------------------ text

function fill(text: string, value: (variable: string) => string | undefined): string {
  return text.replace(VAR, (m, v: string) => value(v) ?? m);
}

/**
 * The template as WhatsApp markup: header (bold), body, footer (italic), buttons. With `value` the variables are
 * filled in; without, they stay as `{{…}}` (the template's text for an agent who made a mistake).
 */
export function renderTemplate(
  t: TemplateDefinition,
  value?: (kind: 'header_text' | 'body', variable: string) => string | undefined,
  headerMedia?: string,
): string {
  const lines: string[] = [];
  const header = component(t, 'HEADER');
  if (header) {
    const format = header.format ?? 'TEXT';
    if (format === 'TEXT' && header.text) lines.push(`*${value ? fill(header.text, (v) => value('header_text', v)) : header.text}*`);
    else if (MEDIA_FORMATS[format])
      lines.push(`${format === 'IMAGE' ? '🖼️ Image' : format === 'VIDEO' ? '🎬 Video' : '📄 Document'}: ${headerMedia ?? `[${format.toLowerCase()}]`}`);
    else lines.push(`[${format.toLowerCase()} header]`);
  }
  const body = component(t, 'BODY');
  if (body?.text) lines.push(value ? fill(body.text, (v) => value('body', v)) : body.text);
  const footer = component(t, 'FOOTER');
  if (footer?.text) lines.push(`_${footer.text}_`);
  const buttons = component(t, 'BUTTONS')?.buttons ?? [];
  if (buttons.length) lines.push(buttons.map((b) => `[${b.text ?? b.type.toLowerCase().replace('_', ' ')}]`).join(' '));
  return lines.join('\n');
}

/** Quotes a value so `splitArgs` keeps it one word. */
export function quoteArg(value: string): string {
  if (value && !/[\s"'“”‘’]/.test(value)) return value;
  return `"${value.replace(/["“”]/g, '\\"')}"`;
}

/** A correct command for this template, with its example values. */
export function exampleCommand(t: TemplateDefinition, shape: TemplateShape, phone: string, ref: string): string {
  const words = shape.slots
    .filter((s) => s.required)
    .map((s) => {
      const v = s.example ?? (s.kind === 'body' || s.kind === 'header_text' ? 'value' : 'x');
      return t.parameterFormat === 'NAMED' ? `${s.key}=${quoteArg(v)}` : quoteArg(v);
    });
  return ['/wa template', phone, ref, ...words].join(' ');
}

/** What an agent sees after a mistake: the template's text with its variables, what goes where, and an example. */
export function describeTemplate(t: TemplateDefinition, shape: TemplateShape, phone: string, ref: string): string {
  const lines = [
    `*${t.name}* (${t.language}${t.category ? `, ${t.category.toLowerCase()}` : ''}):`,
    renderTemplate(t)
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n'),
  ];
  const required = shape.slots.filter((s) => s.required);
  if (!required.length) lines.push('It takes no values.');
  else if (t.parameterFormat === 'NAMED') {
    lines.push('Values, by name:', ...required.map((s) => `• \`${s.key}=…\` — ${s.label}`));
  } else {
    lines.push(
      'Values, in this order:',
      ...required.map((s, i) => `${i + 1}. ${s.label}${s.key === 'header' || s.key.startsWith('button') ? ` (or \`${s.key}=…\`)` : ''}`),
    );
  }
  const optional = shape.slots.filter((s) => !s.required);
  if (optional.length) lines.push(`Optional: ${optional.map((s) => `\`${s.key}=…\` (${s.label})`).join('; ')}`);
  if (shape.slots.some((s) => s.kind === 'body'))
    lines.push('A body value may be typed: `currency:EUR:12.50`, `date:2025-08-30`. Quote a value with spaces: `"two words"`.');
  lines.push(`Example: \`${exampleCommand(t, shape, phone, ref)}\``);
  return lines.join('\n');
}
