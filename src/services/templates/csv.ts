/**
 * A CSV of recipients for a bulk template send: one row per number, `phone[,value…]`; the values, when a row has
 * them, replace the ones typed in the command for that number. A header row (a first cell without digits) is
 * skipped.
 *
 * Reading is csv-parse's (RFC 4180 and the ways spreadsheets bend it, https://csv.js.org/parse/options/):
 * any line ends (Excel's "CSV Macintosh" ends lines with CR alone), quoted cells over several lines, "" inside
 * quotes, a UTF-8 BOM. What csv-parse leaves to us is which separator a file uses: Excel's `sep=;` first line
 * says it; otherwise the one of comma, semicolon (spreadsheets in locales with decimal commas) and tab (Excel's
 * "Text (tab-delimited)", Google Sheets' .tsv) that splits the first row into the most cells.
 */
import { CsvError, parse, type Options } from 'csv-parse/sync';
import { BridgeError, ErrorCode } from '../../domain/errors';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';

export interface CsvRecipient {
  input: string;
  args: string[];
}

/** A file that is not CSV at all (a quote never closed): the message says where, for the agent. */
export class RecipientsCsvError extends BridgeError {
  override name = 'RecipientsCsvError';
  readonly code = ErrorCode.RecipientsInvalid;
}

const SEPARATORS = [',', ';', '\t'] as const;

const OPTIONS: Options = {
  bom: true,
  // In this order, so that CRLF is one line end and not two (auto-detection would take only the first kind seen).
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true, // rows may have fewer values: the command's fill in
  relax_quotes: true, // a quote inside an unquoted cell (5" screen) is text
  skip_empty_lines: true,
  trim: true,
};

/** Excel writes `sep=;` as the first line when a file's separator differs from the locale's. */
const EXCEL_SEP = /^\uFEFF?sep=(.)(?:\r\n|\n|\r|$)/;

function detectSeparator(text: string): string {
  let best: string = SEPARATORS[0];
  let most = 0;
  for (const delimiter of SEPARATORS) {
    try {
      const cells = (parse(text, { ...OPTIONS, delimiter, to: 1 }) as string[][])[0]?.length ?? 0;
      if (cells > most) [best, most] = [delimiter, cells];
    } catch {
      // Read with this separator, the first row is not CSV: another one it is.
    }
  }
  return best;
}

/** csv-parse's error, told as the row (counted as a spreadsheet shows them, after a `sep=` line) it is in, in `lang`. */
function unreadable(err: CsvError, lang: Language): string {
  const context = err as CsvError & { records?: number; column?: number };
  const row = typeof context.records === 'number' ? context.records + 1 : undefined;
  const where =
    row === undefined
      ? ''
      : typeof context.column === 'number'
        ? t(lang, 'templateCsv.inRowCell', { row, cell: context.column + 1 })
        : t(lang, 'templateCsv.inRow', { row });
  const what = err.code === 'CSV_QUOTE_NOT_CLOSED' ? t(lang, 'templateCsv.quoteNotClosed', { where }) : t(lang, 'templateCsv.breaks', { where });
  return t(lang, 'templateCsv.unreadable', { what, detail: err.message });
}

function readRows(text: string, lang: Language): string[][] {
  const sep = EXCEL_SEP.exec(text);
  const delimiter = sep ? sep[1]! : detectSeparator(text);
  try {
    return parse(sep ? text.slice(sep[0].length) : text, { ...OPTIONS, delimiter }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) throw new RecipientsCsvError(unreadable(err, lang), { cause: err });
    throw err;
  }
}

/** The recipients of a CSV file; throws RecipientsCsvError (its message in `lang`) when the file cannot be read as CSV. */
export function parseRecipientsCsv(text: string, lang: Language = DEFAULT_LANGUAGE): CsvRecipient[] {
  const rows = readRows(text, lang);
  if (rows.length && !/\d/.test(rows[0]![0] ?? '')) rows.shift();
  return rows
    .filter((r) => r[0])
    .map((r) => {
      const values = r.slice(1);
      while (values.length && values[values.length - 1] === '') values.pop();
      return { input: r[0]!, args: values };
    });
}
