/**
 * CSV as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180#section-2): fields separated by commas, records by
 * CRLF; a field containing a comma, a double quote, CR or LF is enclosed in double quotes, and a double quote inside
 * one is doubled. Fields with leading or trailing spaces are quoted too, so no reader trims them. An absent value is an
 * empty field. (Hand-written: csv-parse, which the bridge already uses, has no writer.)
 */

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Customers write the names and texts exported here: a field a spreadsheet would run as a formula (first character
 * `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, OWASP's advice against CSV injection
 * (https://owasp.org/www-community/attacks/CSV_Injection). A plain number (`+4915112345678`, `-3.5`) is left alone:
 * a spreadsheet reads it as a number, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, without its line break. */
export function csvRecord(values: readonly (string | undefined)[]): string {
  return values.map(csvField).join(',');
}

export const CSV_LINE_BREAK = '\r\n';
