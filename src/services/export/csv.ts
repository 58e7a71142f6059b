/**
 * CSV as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180#section-2): fields separated by commas, records by
 * CRLF; a field containing a comma, a double quote, CR or LF is enclosed in double quotes, and a double quote inside
 * one is doubled. Fields with leading or trailing spaces are quoted too, so no reader trims them. An absent value is an
 * empty field. (Hand-written: csv-parse, which the bridge already uses, has no writer.)
 */

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record, without its line break. */
export function csvRecord(values: readonly (string | undefined)[]): string {
  return values.map(csvField).join(',');
}

export const CSV_LINE_BREAK = '\r\n';
