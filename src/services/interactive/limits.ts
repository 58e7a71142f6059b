/**
 * Meta's limits on an interactive message (the figures and their sources: src/domain/interactive.ts), checked before
 * any call so an agent hears at once which field is at fault instead of a Graph error after the send. Pure.
 */
import { INTERACTIVE_LIMITS as L, type InteractiveField, type InteractiveMessage } from '../../domain/interactive';
import { translator, type Translate } from '../../i18n';

/** The first limit a message breaks: `field` names it as the form does (`body`, `options`, `button`, `header`, `footer`). */
export interface LimitBroken {
  field: InteractiveField;
  text: string;
}

const chars = (s: string) => [...s].length;

function tooLong(tr: Translate, what: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const n = chars(value);
  return n > max ? tr('interactive.tooLong', { what, length: n, max }) : undefined;
}

function duplicate(values: string[]): string | undefined {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return undefined;
}

/** Undefined when WhatsApp takes the message as it is; else the first field at fault and why, in words for an agent. */
/** `tr`: the texts in the agents' language (English unless given). */
export function checkInteractive(m: InteractiveMessage, tr: Translate = translator('en')): LimitBroken | undefined {
  const broken = (field: LimitBroken['field'], why: string | undefined): LimitBroken | undefined => (why ? { field, text: why } : undefined);
  const common =
    (!m.body.trim() ? broken('body', tr('interactive.emptyBody')) : undefined) ??
    broken('body', tooLong(tr, tr('interactive.body'), m.body, L.body)) ??
    broken('header', tooLong(tr, tr('interactive.header'), m.header, L.header)) ??
    broken('footer', tooLong(tr, tr('interactive.footer'), m.footer, L.footer));
  if (common) return common;
  return m.type === 'button' ? checkButtons(tr, m.buttons) : checkList(tr, m);
}

function checkButtons(tr: Translate, buttons: { id: string; title: string }[]): LimitBroken | undefined {
  const at = (why: string) => ({ field: 'options' as const, text: why });
  if (!buttons.length) return at(tr('interactive.noButtons'));
  if (buttons.length > L.buttons) return at(tr('interactive.tooManyButtons', { length: buttons.length, max: L.buttons }));
  for (const [i, b] of buttons.entries()) {
    if (!b.title.trim()) return at(tr('interactive.untitledButton', { n: i + 1 }));
    const why =
      tooLong(tr, tr('interactive.button', { n: i + 1, title: b.title }), b.title, L.buttonTitle) ??
      tooLong(tr, tr('interactive.buttonId', { n: i + 1 }), b.id, L.buttonId);
    if (why) return at(why);
  }
  const title = duplicate(buttons.map((b) => b.title));
  if (title !== undefined) return at(tr('interactive.sameButtonTitle', { title }));
  const id = duplicate(buttons.map((b) => b.id));
  if (id !== undefined) return at(tr('interactive.sameButtonId', { id }));
  return undefined;
}

function checkList(tr: Translate, m: Extract<InteractiveMessage, { type: 'list' }>): LimitBroken | undefined {
  const at = (why: string) => ({ field: 'options' as const, text: why });
  if (!m.button.trim()) return { field: 'button', text: tr('interactive.noListButton') };
  const button = tooLong(tr, tr('interactive.listButton'), m.button, L.listButton);
  if (button) return { field: 'button', text: button };
  if (!m.sections.length) return at(tr('interactive.noRows'));
  if (m.sections.length > L.sections) return at(tr('interactive.tooManySections', { length: m.sections.length, max: L.sections }));
  const rows = m.sections.flatMap((s) => s.rows);
  if (rows.length > L.rows) return at(tr('interactive.tooManyRows', { length: rows.length, max: L.rows }));
  for (const [i, s] of m.sections.entries()) {
    if (m.sections.length > 1 && !s.title?.trim()) return at(tr('interactive.untitledSection', { n: i + 1 }));
    const why = tooLong(tr, tr('interactive.sectionTitle', { n: i + 1 }), s.title, L.sectionTitle);
    if (why) return at(why);
    if (!s.rows.length) return at(tr('interactive.emptySection', { n: i + 1 }));
  }
  for (const [i, r] of rows.entries()) {
    if (!r.title.trim()) return at(tr('interactive.untitledRow', { n: i + 1 }));
    const why =
      tooLong(tr, tr('interactive.row', { n: i + 1, title: r.title }), r.title, L.rowTitle) ??
      tooLong(tr, tr('interactive.rowDescription', { n: i + 1 }), r.description, L.rowDescription) ??
      tooLong(tr, tr('interactive.rowId', { n: i + 1 }), r.id, L.rowId);
    if (why) return at(why);
  }
  const id = duplicate(rows.map((r) => r.id));
  if (id !== undefined) return at(tr('interactive.sameRowId', { id }));
  return undefined;
}
