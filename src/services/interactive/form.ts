/**
 * The agent's form (Slack modal, Discord subcommand options) → an interactive message, and the message → how the
 * thread shows it. Pure. The options are typed one per line, or separated by `;` where a field has one line only
 * (Discord's string options): `Title` for a button; `Title | description` for a list row; a line `# Title` starts a
 * list section. Ids are given by position (`option-1`, …), so the agent never types one and they are unique: the
 * customer's tap names the option by id and title (the webhook's `button_reply` / `list_reply`).
 */
import type { InteractiveForm, InteractiveMessage } from '../../domain/interactive';
import { translator, type Translate } from '../../i18n';

export type { InteractiveForm };

const optional = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
const optionId = (i: number) => `option-${i + 1}`;

/** The typed items: split on new lines and `;`, trimmed, blanks dropped. */
function items(options: string): string[] {
  return options
    .split(/[\n;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function messageOfForm(f: InteractiveForm): InteractiveMessage {
  const common = {
    body: f.body.trim(),
    ...(optional(f.header) ? { header: optional(f.header) } : {}),
    ...(optional(f.footer) ? { footer: optional(f.footer) } : {}),
  };
  if (f.kind === 'button') return { type: 'button', ...common, buttons: items(f.options).map((title, i) => ({ id: optionId(i), title })) };
  const sections: Extract<InteractiveMessage, { type: 'list' }>['sections'] = [];
  let n = 0;
  for (const item of items(f.options)) {
    const heading = /^#\s*(.*)$/.exec(item);
    if (heading) {
      sections.push({ title: heading[1]!.trim(), rows: [] });
      continue;
    }
    if (!sections.length) sections.push({ rows: [] });
    const [title = '', ...rest] = item.split('|');
    const description = rest.join('|').trim();
    sections.at(-1)!.rows.push({ id: optionId(n++), title: title.trim(), ...(description ? { description } : {}) });
  }
  return { type: 'list', ...common, button: (f.button ?? '').trim(), sections };
}

/** The thread's view of what was sent: header, body and footer, then the buttons or the list's rows (WhatsApp markup). */
export function renderInteractive(m: InteractiveMessage, tr: Translate = translator('en')): string {
  const lines = [...(m.header ? [`*${m.header}*`] : []), m.body, ...(m.footer ? [`_${m.footer}_`] : [])];
  if (m.type === 'button') return [...lines, m.buttons.map((b) => `🔘 ${b.title}`).join('   ')].join('\n');
  lines.push(tr('interactive.listOpens', { button: m.button }));
  for (const s of m.sections) {
    if (s.title) lines.push(`*${s.title}*`);
    for (const r of s.rows) lines.push(`• ${r.title}${r.description ? ` — ${r.description}` : ''}`);
  }
  return lines.join('\n');
}
