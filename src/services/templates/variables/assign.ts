/**
 * How the words of a `/wa template` line become a template's values: bare words in order for positional templates,
 * `name=value` for named ones, with an error per field (or for the line as a whole, `_`) when they do not fit.
 */
import type { TemplateDefinition } from '../../../domain/templates';
import { DEFAULT_LANGUAGE, t as text, type Language } from '../../../i18n';
import type { Slot, TemplateShape } from './shape';

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
  const lang = shape.language ?? DEFAULT_LANGUAGE;
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
      const takes = [...keys].map((k) => `\`${k}\``).join(', ') || text(lang, 'templateValues.none');
      errors[key] = text(lang, 'templateValues.notAValueOf', { key, keys: takes });
      continue;
    }
    if (key in values) {
      errors[key] = text(lang, 'templateValues.twice', { key });
      continue;
    }
    values[key] = m![2]!;
  }
  const open = shape.slots.filter((s) => s.required && !(s.key in values));
  if (!positional && bare.length) {
    const example = open[0]?.key ?? shape.slots[0]?.key ?? 'name';
    errors._ = text(lang, 'templateValues.namedOnly', { template: t.name, example, word: bare[0]! });
    return { values, errors };
  }
  const required = shape.slots.filter((s) => s.required).length;
  if (bare.length > open.length) {
    errors._ = text(lang, 'templateValues.tooMany', { template: t.name, count: required, given: bare.length + (required - open.length) });
    return { values, errors };
  }
  open.forEach((s, i) => {
    if (i < bare.length) values[s.key] = bare[i]!;
  });
  const missing = open.slice(bare.length);
  if (missing.length) {
    const given = required - missing.length;
    for (const s of missing) errors[s.key] = text(lang, 'templateValues.missing', { label: s.label });
    errors._ = positional
      ? text(lang, 'templateValues.tooFew', { template: t.name, count: required, given, missing: missing.map((s) => slotName(s, lang)).join(', ') })
      : text(lang, 'templateValues.missingNamed', { keys: missing.map((s) => `\`${s.key}\``).join(', ') });
  }
  return { values, errors };
}

const MEDIA_LINK = { image: 'slotHeaderImage', video: 'slotHeaderVideo', document: 'slotHeaderDocument' } as const;

function slotName(s: Slot, lang: Language): string {
  if (s.kind === 'body') return text(lang, 'templateValues.slotBody', { variable: `{{${s.variable}}}` });
  if (s.kind === 'header_text') return text(lang, 'templateValues.slotHeader', { variable: `{{${s.variable}}}` });
  if (s.kind === 'header_media') return text(lang, `templateValues.${MEDIA_LINK[s.media ?? 'document']}`);
  return text(lang, 'templateValues.slotButton', { number: (s.buttonIndex ?? 0) + 1 });
}
