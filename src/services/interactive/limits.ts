/**
 * Meta's limits on an interactive message (the figures and their sources: src/domain/interactive.ts), checked before
 * any call so an agent hears at once which field is at fault instead of a Graph error after the send. Pure.
 */
import { INTERACTIVE_LIMITS as L, type InteractiveField, type InteractiveMessage } from '../../domain/interactive';
import { INTERACTIVE_TEXTS as T } from './texts';

/** The first limit a message breaks: `field` names it as the form does (`body`, `options`, `button`, `header`, `footer`). */
export interface LimitBroken {
  field: InteractiveField;
  text: string;
}

const chars = (s: string) => [...s].length;

function tooLong(what: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const n = chars(value);
  return n > max ? T.tooLong(what, n, max) : undefined;
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
export function checkInteractive(m: InteractiveMessage): LimitBroken | undefined {
  const broken = (field: LimitBroken['field'], why: string | undefined): LimitBroken | undefined => (why ? { field, text: why } : undefined);
  const common =
    (!m.body.trim() ? broken('body', T.emptyBody) : undefined) ??
    broken('body', tooLong(T.body, m.body, L.body)) ??
    broken('header', tooLong(T.header, m.header, L.header)) ??
    broken('footer', tooLong(T.footer, m.footer, L.footer));
  if (common) return common;
  return m.type === 'button' ? checkButtons(m.buttons) : checkList(m);
}

function checkButtons(buttons: { id: string; title: string }[]): LimitBroken | undefined {
  const at = (why: string) => ({ field: 'options' as const, text: why });
  if (!buttons.length) return at(T.noButtons);
  if (buttons.length > L.buttons) return at(T.tooManyButtons(buttons.length, L.buttons));
  for (const [i, b] of buttons.entries()) {
    if (!b.title.trim()) return at(T.untitledButton(i + 1));
    const why = tooLong(T.button(i + 1, b.title), b.title, L.buttonTitle) ?? tooLong(T.buttonId(i + 1), b.id, L.buttonId);
    if (why) return at(why);
  }
  const title = duplicate(buttons.map((b) => b.title));
  if (title !== undefined) return at(T.sameButtonTitle(title));
  const id = duplicate(buttons.map((b) => b.id));
  if (id !== undefined) return at(T.sameButtonId(id));
  return undefined;
}

function checkList(m: Extract<InteractiveMessage, { type: 'list' }>): LimitBroken | undefined {
  const at = (why: string) => ({ field: 'options' as const, text: why });
  if (!m.button.trim()) return { field: 'button', text: T.noListButton };
  const button = tooLong(T.listButton, m.button, L.listButton);
  if (button) return { field: 'button', text: button };
  if (!m.sections.length) return at(T.noRows);
  if (m.sections.length > L.sections) return at(T.tooManySections(m.sections.length, L.sections));
  const rows = m.sections.flatMap((s) => s.rows);
  if (rows.length > L.rows) return at(T.tooManyRows(rows.length, L.rows));
  for (const [i, s] of m.sections.entries()) {
    if (m.sections.length > 1 && !s.title?.trim()) return at(T.untitledSection(i + 1));
    const why = tooLong(T.sectionTitle(i + 1), s.title, L.sectionTitle);
    if (why) return at(why);
    if (!s.rows.length) return at(T.emptySection(i + 1));
  }
  for (const [i, r] of rows.entries()) {
    if (!r.title.trim()) return at(T.untitledRow(i + 1));
    const why =
      tooLong(T.row(i + 1, r.title), r.title, L.rowTitle) ??
      tooLong(T.rowDescription(i + 1), r.description, L.rowDescription) ??
      tooLong(T.rowId(i + 1), r.id, L.rowId);
    if (why) return at(why);
  }
  const id = duplicate(rows.map((r) => r.id));
  if (id !== undefined) return at(T.sameRowId(id));
  return undefined;
}
