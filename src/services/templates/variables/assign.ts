/**
 * How the words of a `/wa template` line become a template's values: bare words in order for positional templates,
 * `name=value` for named ones, with an error per field (or for the line as a whole, `_`) when they do not fit.
 */
import type { TemplateDefinition } from '../../../domain/templates';
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
