/**
 * Every text the interactive-message feature writes for agents, in one object so it can move into the message
 * catalogue (i18n) as it is. English; `n`, `max` and the like are filled in by the caller.
 */
export const INTERACTIVE_TEXTS = {
  // What a limit check says (limits.ts): the field, then why.
  body: 'the message text',
  header: 'the header',
  footer: 'the footer',
  listButton: 'the list button text',
  button: (i: number, title: string) => `button ${i} (“${title}”)`,
  buttonId: (i: number) => `the id of button ${i}`,
  sectionTitle: (i: number) => `the title of section ${i}`,
  row: (i: number, title: string) => `row ${i} (“${title}”)`,
  rowDescription: (i: number) => `the description of row ${i}`,
  rowId: (i: number) => `the id of row ${i}`,
  tooLong: (what: string, n: number, max: number) => `${what} is ${n} characters; WhatsApp allows at most ${max}`,
  emptyBody: 'the message text is empty; WhatsApp requires one',
  noButtons: 'there is no button; reply buttons need 1 to 3 (one per line)',
  tooManyButtons: (n: number, max: number) => `there are ${n} buttons; WhatsApp allows at most ${max}`,
  untitledButton: (i: number) => `button ${i} has no title`,
  sameButtonTitle: (t: string) => `two buttons are titled “${t}”; WhatsApp requires different titles`,
  sameButtonId: (id: string) => `two buttons have the id “${id}”; WhatsApp requires different ids`,
  noListButton: 'the list button has no text; WhatsApp requires one',
  noRows: 'the list has no rows; it needs 1 to 10 (one per line)',
  tooManySections: (n: number, max: number) => `there are ${n} sections; WhatsApp allows at most ${max}`,
  tooManyRows: (n: number, max: number) => `there are ${n} rows; WhatsApp allows at most ${max} in all sections together`,
  untitledSection: (i: number) => `section ${i} has no title; WhatsApp requires one when there are several sections`,
  emptySection: (i: number) => `section ${i} has no rows`,
  untitledRow: (i: number) => `row ${i} has no title`,
  sameRowId: (id: string) => `two rows have the id “${id}”; WhatsApp requires different ids`,

  // The agent's private answer (send.ts).
  refused: (why: string) => `❌ Not sent: ${why}.`,
  queued: (kind: 'button' | 'list') => `✅ The ${kind === 'button' ? 'buttons are' : 'list is'} on its way to the customer.`,
  windowClosed: '⚠️ Not sent: the 24-hour window is closed (see the notice in the thread).',
  duplicate: 'It was already sent.',
  noThread: 'The customer has no thread here yet: nothing was sent.',

  // How the thread shows what was sent (render.ts), and what the form says.
  detail: (kind: 'button' | 'list') => (kind === 'button' ? 'reply buttons' : 'list'),
  listOpens: (button: string) => `📋 List (opens with “${button}”):`,
  commandSummary: (kind: 'button' | 'list') =>
    kind === 'button'
      ? 'Send reply buttons (1–3) to this thread’s customer, from a form'
      : 'Send a list (sections and rows) to this thread’s customer, from a form',
  commandUsage:
    'On Slack: the message shortcut “Send buttons or a list” on a message of the customer’s thread, or `/wa buttons +<phone>` / `/wa list +<phone>` in the channel. On Discord: `/wa buttons` or `/wa list` in the thread, with its options.',
  optionsHelpButtons: 'One button per line (or separated by ;), 1 to 3, each at most 20 characters.',
  optionsHelpList: 'One row per line (or separated by ;): “Title | description”. A line “# Title” starts a section. At most 10 rows.',
} as const;
