/**
 * How a template reads: its text as WhatsApp markup (filled in or with its `{{…}}` variables), and what an agent
 * sees after a mistake (what goes where and a correct example command). Pure functions: no I/O.
 */
import type { TemplateDefinition } from '../../../domain/templates';
import { DEFAULT_LANGUAGE, t as text, type Language } from '../../../i18n';
import { component, MEDIA_FORMATS, VAR, type TemplateShape } from './shape';

export function fill(text: string, value: (variable: string) => string | undefined): string {
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
  lang: Language = DEFAULT_LANGUAGE,
): string {
  const lines: string[] = [];
  const header = component(t, 'HEADER');
  if (header) {
    const format = header.format ?? 'TEXT';
    if (format === 'TEXT' && header.text) lines.push(`*${value ? fill(header.text, (v) => value('header_text', v)) : header.text}*`);
    else if (MEDIA_FORMATS[format]) lines.push(`${text(lang, `templateValues.${MEDIA_FORMATS[format]!}`)}: ${headerMedia ?? `[${format.toLowerCase()}]`}`);
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
  const lang = shape.language ?? DEFAULT_LANGUAGE;
  const lines = [
    text(lang, 'templateValues.title', { name: t.name, language: t.language, category: t.category ? `, ${t.category.toLowerCase()}` : '' }),
    renderTemplate(t, undefined, undefined, lang)
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n'),
  ];
  const required = shape.slots.filter((s) => s.required);
  if (!required.length) lines.push(text(lang, 'templateValues.takesNone'));
  else if (t.parameterFormat === 'NAMED') {
    lines.push(text(lang, 'templateValues.byName'), ...required.map((s) => `• \`${s.key}=…\` — ${s.label}`));
  } else {
    const byName = (key: string) => (key === 'header' || key.startsWith('button') ? text(lang, 'templateValues.orByName', { key }) : '');
    lines.push(text(lang, 'templateValues.inOrder'), ...required.map((s, i) => `${i + 1}. ${s.label}${byName(s.key)}`));
  }
  const optional = shape.slots.filter((s) => !s.required);
  if (optional.length) lines.push(text(lang, 'templateValues.optional', { list: optional.map((s) => `\`${s.key}=…\` (${s.label})`).join('; ') }));
  if (shape.slots.some((s) => s.kind === 'body')) lines.push(text(lang, 'templateValues.typed'));
  lines.push(text(lang, 'templateValues.example', { command: exampleCommand(t, shape, phone, ref) }));
  return lines.join('\n');
}
