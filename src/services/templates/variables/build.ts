/**
 * A template's values, all checked, become the send request's components and the text the customer reads; the
 * filled-in header and body must stay within Meta's lengths. Pure functions: no I/O.
 */
import type { TemplateDefinition, TemplateMessage, TemplateSendComponent } from '../../../domain/templates';
import { DEFAULT_LANGUAGE, t as say } from '../../../i18n';
import { fill, renderTemplate } from './render';
import { component, type Slot, type TemplateShape } from './shape';
import { checkValue, type Checked } from './values';

/** Meta: header text at most 60 characters, body at most 1024 (132005 when the filled-in text is longer). */
const HEADER_MAX = 60;
const BODY_MAX = 1024;

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
  const lang = shape.language ?? DEFAULT_LANGUAGE;
  const checked = new Map<string, Checked>();
  for (const slot of shape.slots) {
    const raw = values[slot.key];
    if (raw === undefined || (raw === '' && !slot.required)) {
      if (slot.required) errors[slot.key] = say(lang, 'templateValues.missing', { label: slot.label });
      continue;
    }
    const c = checkValue(t, slot, raw, lang);
    if ('error' in c) errors[slot.key] = c.error;
    else checked.set(slot.key, c);
  }
  for (const key of Object.keys(values)) if (!shape.slots.some((s) => s.key === key)) errors[key] = say(lang, 'templateValues.notAValue', { key });
  if (Object.keys(errors).length) return { ok: false, errors };

  const shown = (s: Slot) => checked.get(s.key)?.shown ?? '';
  const text = renderTemplate(
    t,
    (kind, variable) => {
      const s = shape.slots.find((x) => x.kind === kind && x.variable === variable);
      return s ? shown(s) : undefined;
    },
    shape.slots.find((s) => s.kind === 'header_media') ? shown(shape.slots.find((s) => s.kind === 'header_media')!) : undefined,
    lang,
  );
  const header = component(t, 'HEADER');
  const body = component(t, 'BODY');
  if (header?.format === 'TEXT' || (header && !header.format)) {
    const filled = fill(header.text ?? '', (v) => shown(shape.slots.find((s) => s.kind === 'header_text' && s.variable === v)!));
    if (filled.length > HEADER_MAX)
      return {
        ok: false,
        errors: {
          [shape.slots.find((s) => s.kind === 'header_text')?.key ?? 'header']: say(lang, 'templateValues.headerTooLong', {
            length: filled.length,
            max: HEADER_MAX,
          }),
        },
      };
  }
  if (body) {
    const filled = fill(body.text ?? '', (v) => shown(shape.slots.find((s) => s.kind === 'body' && s.variable === v)!));
    if (filled.length > BODY_MAX) {
      const key = shape.slots.find((s) => s.kind === 'body')?.key ?? '_';
      return { ok: false, errors: { [key]: say(lang, 'templateValues.bodyTooLong', { length: filled.length, max: BODY_MAX }) } };
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
