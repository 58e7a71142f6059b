/** RFC 4180 quoting of the export (src/services/export/csv.ts), read back with csv-parse to show a reader agrees. */
import { parse } from 'csv-parse/sync';
import { CSV_LINE_BREAK, csvField, csvRecord } from '../../../../../src/services/export/csv';

test('plain fields stay as they are; absent ones are empty', () => {
  expect(csvRecord(['a', '+4915112345678', undefined, ''])).toBe('a,+4915112345678,,');
});

test.each([
  ['a,b', '"a,b"'],
  ['say "hi"', '"say ""hi"""'],
  ['"', '""""'],
  ['two\nlines', '"two\nlines"'],
  ['cr\rlf', '"cr\rlf"'],
  ['crlf\r\nx', '"crlf\r\nx"'],
  [' leading', '" leading"'],
  ['trailing ', '"trailing "'],
  ['Zoë 🫶', 'Zoë 🫶'],
])('%j is written %j', (value, written) => {
  expect(csvField(value)).toBe(written);
});

test.each([
  ['=HYPERLINK("http://x","click")', '"\'=HYPERLINK(""http://x"",""click"")"'],
  ['+SUM(A1:A2)', "'+SUM(A1:A2)"],
  ['-2+3', "'-2+3"],
  ['@cmd', "'@cmd"],
  ['\tx', "'\tx"],
  ['+4915112345678', '+4915112345678'],
  ['-3.5', '-3.5'],
  ['a=b', 'a=b'],
])('a customer’s %j cannot run as a spreadsheet formula: written %j', (value, written) => {
  expect(csvField(value)).toBe(written);
});

test('a reader gets every value back exactly', () => {
  const rows = [
    ['name', 'note'],
    ['Ana, "the" agent', 'line one\r\nline two'],
    [' x ', '"'],
    ['', 'end,'],
  ];
  const text = rows.map(csvRecord).join(CSV_LINE_BREAK) + CSV_LINE_BREAK;
  expect(parse(text, { relax_column_count: false })).toEqual(rows);
});
