/**
 * A CSV of recipients for a bulk template send: one row per number, `phone[,value…]`; the values, when a row has
 * them, replace the ones typed in the command for that number. A header row (a first cell without digits) is
 * skipped. Commas or semicolons (spreadsheets in many locales) separate cells; "double quotes" keep them together.
 */
export interface CsvRecipient {
  input: string;
  args: string[];
}

function splitRow(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (ch === sep) {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

export function parseRecipientsCsv(text: string): CsvRecipient[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!lines.length) return [];
  const first = lines[0]!;
  // The separator that splits the first row more (decimal commas stay inside `;`-separated cells).
  const count = (c: string) => first.split(c).length;
  const sep = count(';') > count(',') ? ';' : ',';
  const rows = lines.map((l) => splitRow(l, sep));
  if (!/\d/.test(rows[0]![0] ?? '')) rows.shift();
  return rows
    .filter((r) => r[0])
    .map((r) => {
      const values = r.slice(1);
      while (values.length && values[values.length - 1] === '') values.pop();
      return { input: r[0]!, args: values };
    });
}
