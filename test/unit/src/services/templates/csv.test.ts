/** A CSV of template recipients. */
import { parseRecipientsCsv, RecipientsCsvError } from '../../../../../src/services/templates/csv';

describe('parseRecipientsCsv', () => {
  test('header skipped, quotes keep commas, empty trailing cells dropped, BOM and CRLF handled', () => {
    const csv = '\uFEFFphone,name\r\n+4915112345678,"Doe, Jane"\r\n\r\n+441234567890,,\r\n"+1 650 555 1234","say ""hi"""\n';
    expect(parseRecipientsCsv(csv)).toEqual([
      { input: '+4915112345678', args: ['Doe, Jane'] },
      { input: '+441234567890', args: [] },
      { input: '+1 650 555 1234', args: ['say "hi"'] },
    ]);
  });
  test('semicolons (spreadsheets in many locales) and no header', () => {
    expect(parseRecipientsCsv('+4915112345678;Ana;12,50\n+4915112345679;Bo;3')).toEqual([
      { input: '+4915112345678', args: ['Ana', '12,50'] },
      { input: '+4915112345679', args: ['Bo', '3'] },
    ]);
  });
  test('an empty file has no recipients', () => {
    expect(parseRecipientsCsv('phone\n')).toEqual([]);
  });
  test('Excel’s “CSV Macintosh” (lines end with CR alone) has its recipients', () => {
    expect(parseRecipientsCsv('phone;name\r+4915112345678;Ana\r+4915112345679;Bo\r')).toEqual([
      { input: '+4915112345678', args: ['Ana'] },
      { input: '+4915112345679', args: ['Bo'] },
    ]);
  });
  test('LF, CRLF and CR line ends in one file are each one line end', () => {
    expect(parseRecipientsCsv('+4915112345678,A\n+4915112345679,B\r\n+4915112345670,C\r+4915112345671,D')).toEqual([
      { input: '+4915112345678', args: ['A'] },
      { input: '+4915112345679', args: ['B'] },
      { input: '+4915112345670', args: ['C'] },
      { input: '+4915112345671', args: ['D'] },
    ]);
  });
  test('a quoted cell over several lines stays one value of one row', () => {
    const csv = 'phone,address,code\r\n+4915112345678,"Hauptstr. 1\r\n10115 Berlin",A1\r\n+4915112345679,"Line one\nline ""two""",B2\r\n';
    expect(parseRecipientsCsv(csv)).toEqual([
      { input: '+4915112345678', args: ['Hauptstr. 1\r\n10115 Berlin', 'A1'] },
      { input: '+4915112345679', args: ['Line one\nline "two"', 'B2'] },
    ]);
  });
  test('a tab-separated file (Excel’s “Text”, a .tsv) is split at tabs; commas and semicolons stay in values', () => {
    expect(parseRecipientsCsv('phone\tname\tamount\n+4915112345678\tDoe, Jane\t12,50\n+4915112345679\tBo; Jr.\t3\n')).toEqual([
      { input: '+4915112345678', args: ['Doe, Jane', '12,50'] },
      { input: '+4915112345679', args: ['Bo; Jr.', '3'] },
    ]);
  });
  test('Excel’s `sep=` first line names the separator (after a BOM too) and is not a row', () => {
    // The first data row alone would read as comma-separated (two commas, no other separator).
    expect(parseRecipientsCsv('\uFEFFsep=;\r\n+4915112345678;Doe, Jane, Jr.\r\n+4915112345679;12,50\r\n')).toEqual([
      { input: '+4915112345678', args: ['Doe, Jane, Jr.'] },
      { input: '+4915112345679', args: ['12,50'] },
    ]);
    expect(parseRecipientsCsv('sep=\t\nphone\tname\n+4915112345678\tAna\n')).toEqual([{ input: '+4915112345678', args: ['Ana'] }]);
  });
  test('a quote inside an unquoted cell is text; blank lines are skipped', () => {
    expect(parseRecipientsCsv('+4915112345678,5" screen\n   \n\n+4915112345679,x\n')).toEqual([
      { input: '+4915112345678', args: ['5" screen'] },
      { input: '+4915112345679', args: ['x'] },
    ]);
  });
  test('a quote never closed is refused, saying where', () => {
    const read = () => parseRecipientsCsv('phone,name\n+4915112345678,"Ana\n+4915112345679,Bo\n');
    expect(read).toThrow(RecipientsCsvError);
    expect(read).toThrow(/^is not a CSV file that can be read: a quote opened in row 2, cell 2 is never closed \(Quote Not Closed/);
  });
});
