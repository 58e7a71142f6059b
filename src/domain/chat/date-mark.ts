/**
 * A moment in a text the core writes for agents, left for the platform to show in each reader's own time zone (issue 11
 * point 9): the core puts `dateMark(d)` in the text, each adapter's text conversion turns it into its date token (Slack
 * `<!date^…>`, Discord `<t:…>`), and anything else that shows the text (an export, a log) writes it in UTC.
 * The marks are control characters (STX, ETX) around the Unix time: they do not occur in chat or WhatsApp text.
 */
// eslint-disable-next-line no-control-regex -- STX and ETX mark a date: they cannot occur in chat text.
export const DATE_MARK = /\u0002(\d{1,12})\u0003/g;

export const dateMark = (d: Date): string => `\u0002${Math.floor(new Date(d).getTime() / 1000)}\u0003`;

/** The text with each date mark replaced by `token(date)`. */
export const replaceDateMarks = (text: string, token: (d: Date) => string): string =>
  text.replace(DATE_MARK, (_m, seconds: string) => token(new Date(Number(seconds) * 1000)));

/** `2026-11-30 21:56 UTC`: a date where no platform token can show it. */
export const utcMinutes = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The text with its date marks written in UTC (an export, a log, a terminal). */
export const plainDates = (text: string): string => replaceDateMarks(text, utcMinutes);
