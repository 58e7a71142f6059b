/**
 * `export --from <date> --to <date> [--format csv|jsonl] [--out <file>]`: who sent what and when (the columns of
 * src/services/export/rows.ts), one row per message created in the range, oldest first, read in bounded pages
 * (src/domain/store/pages.ts). CSV follows RFC 4180 (src/services/export/csv.ts); JSON lines are one object per line.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { allPages, type Store } from '../../domain/store';
import type { ConversationRecord } from '../../domain/records';
import { CSV_LINE_BREAK, csvRecord } from '../../services/export/csv';
import { EXPORT_COLUMNS, exportRow, type ExportRow } from '../../services/export/rows';
import { EXIT, UsageError, type AdminCommand, type CliContext } from '../command';
import { parseOptions, required } from '../support/args';
import { withStore } from '../support/session';
import { checkRange, parseTime } from '../support/time';

const FORMATS = ['csv', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];
const PAGE_SIZE = 500;

/** Where the records go: the file of --out (created or replaced), else stdout. */
interface Sink {
  record(line: string): Promise<void>;
  close(): Promise<void>;
}

function fileSink(path: string, lineBreak: string): Promise<Sink> {
  const stream: WriteStream = createWriteStream(path);
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.once('open', () =>
      resolve({
        // Backpressure: wait for the file when its buffer is full, so a large export does not sit in memory.
        record: async (line) => {
          if (!stream.write(line + lineBreak)) await once(stream, 'drain');
        },
        close: () => new Promise<void>((done, fail) => stream.end((err?: Error | null) => (err ? fail(err) : done()))),
      }),
    );
  });
}

const stdoutSink = (ctx: CliContext): Sink => ({ record: async (line) => ctx.io.out(line), close: async () => undefined });

function jsonLine(row: ExportRow): string {
  // Absent values are left out, as JSON does with undefined.
  return JSON.stringify(row);
}

async function writeExport(store: Store, accountName: (id: string) => string | undefined, range: { from: Date; to: Date }, format: Format, sink: Sink) {
  const conversations = new Map<string, ConversationRecord | null>();
  let count = 0;
  if (format === 'csv') await sink.record(csvRecord(EXPORT_COLUMNS));
  const pages = allPages(
    range,
    PAGE_SIZE,
    (p) => store.messagesCreated(p),
    (m) => ({ at: m.createdAt, id: m._id }),
  );
  for await (const page of pages) {
    for (const m of page) {
      // One lookup by `_id` per conversation, remembered for the rest of the export.
      if (!conversations.has(m.conversationId)) conversations.set(m.conversationId, await store.getConversation(m.conversationId));
      const row = exportRow(m, conversations.get(m.conversationId)!, accountName);
      await sink.record(format === 'csv' ? csvRecord(EXPORT_COLUMNS.map((c) => row[c])) : jsonLine(row));
      count++;
    }
  }
  return count;
}

export const exportCommand: AdminCommand = {
  name: 'export',
  summary: 'who sent what and when, by date range, as CSV or JSON lines',
  help: (invokedAs) =>
    [
      `usage: ${invokedAs} --from <date> --to <date> [--format csv|jsonl] [--out <file>]`,
      '',
      'One row per message created in [--from, --to), oldest first: direction (inbound, outbound, internal), account,',
      'customer number, agent (the chat user who wrote it or sent the template), kind, template name and language,',
      'WhatsApp status and its time, failure. Message bodies are not exported.',
      '  --from <date>     ISO date or time (2026-05-01, 2026-05-01T08:00:00Z) or a duration back from now (7d, 12h)',
      '  --to <date>       the same; exclusive',
      '  --format <f>      csv (default; RFC 4180, header row) or jsonl (one JSON object per line)',
      '  --out <file>      write to this file (replaced if it exists) instead of stdout',
    ].join('\n'),
  async run(args, ctx) {
    const { values } = parseOptions(args, { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
    const now = ctx.now?.() ?? new Date();
    const from = parseTime(required(values.from, 'from'), 'from', now);
    const to = parseTime(required(values.to, 'to'), 'to', now);
    checkRange(from, to, 'from', 'to');
    const format = (values.format ?? 'csv') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(' or ')}, not '${values.format}'`);
    return withStore(ctx, async (store, config) => {
      const names = new Map(config.accounts.map((a) => [a.phoneNumberId, a.name]));
      const sink = values.out ? await fileSink(values.out, format === 'csv' ? CSV_LINE_BREAK : '\n') : stdoutSink(ctx);
      let count;
      try {
        count = await writeExport(store, (id) => names.get(id), { from, to }, format, sink);
      } finally {
        await sink.close();
      }
      ctx.io.err(
        `${count} message${count === 1 ? '' : 's'} from ${from.toISOString()} to ${to.toISOString()}${values.out ? ` written to ${values.out}` : ''}.`,
      );
      return EXIT.ok;
    });
  },
};
