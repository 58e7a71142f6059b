/**
 * `replay --since <date|duration> [--until <date|duration>]`: re-ingests the raw webhooks the bridge stored in that
 * range (src/services/replay.ts: idempotent, what was processed changes nothing). The running bridge applies them at
 * its next poll, in each customer's order.
 */
import { decodeWebhook } from '../../../adapters/whatsapp';
import type { WhatsAppEvent } from '../../domain/whatsapp';
import { replayWebhooks, type ReplayReport } from '../../services/replay';
import { EXIT, type AdminCommand } from '../command';
import { parseOptions, required } from '../support/args';
import { withStore } from '../support/session';
import { checkRange, parseTime } from '../support/time';

/** The webhook route's own decoding (adapters/whatsapp/webhook.ts); the signature was checked when it was received. */
function decode(rawBody: string): WhatsAppEvent[] | undefined {
  const decoded = decodeWebhook(Buffer.from(rawBody, 'utf8'));
  return decoded.ok ? decoded.normalized.events : undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describe(r: ReplayReport, from: Date, to: Date): string[] {
  return [
    `${plural(r.webhooks, 'stored webhook')} received from ${from.toISOString()} to ${to.toISOString()}:`,
    `• ${plural(r.messages, 'customer message')} not stored yet and ${plural(r.statuses, 'status', 'statuses')} handed to the bridge (${plural(r.jobs, 'ingest job')}; one that already ran is skipped by its key)`,
    `• ${plural(r.storedAlready, 'customer message')} already stored: left alone`,
    ...(r.accountEvents ? [`• ${plural(r.accountEvents, 'account event')} (applied when received): not replayed`] : []),
    ...(r.unreadable ? [`• ${plural(r.unreadable, 'webhook')} that no longer decode: left alone`] : []),
    ...(r.jobs ? ['The running bridge applies them at its next poll (or when it starts).'] : []),
  ];
}

export const replayCommand: AdminCommand = {
  name: 'replay',
  summary: 're-ingest stored raw webhooks of a time range (what was processed changes nothing)',
  help: (invokedAs) =>
    [
      `usage: ${invokedAs} --since <date | duration> [--until <date | duration>]`,
      '',
      'Every WhatsApp webhook is stored as received before it is acknowledged. Replay decodes the ones received in',
      '[--since, --until) again and hands their messages and statuses to the bridge with the same keys as the first',
      'time: webhooks already processed change nothing, those whose processing was lost are delivered.',
      '  --since <when>    ISO date or time (2026-05-01, 2026-05-01T08:00:00Z) or a duration back from now (30m, 2h, 7d)',
      '  --until <when>    the same; exclusive; default now',
      'Without MONGODB_URI the embedded database in DATA_DIR is opened: stop the bridge first; it applies them when it starts.',
    ].join('\n'),
  async run(args, ctx) {
    const { values } = parseOptions(args, { since: { type: 'string' }, until: { type: 'string' } });
    const now = ctx.now?.() ?? new Date();
    const from = parseTime(required(values.since, 'since'), 'since', now);
    const to = values.until === undefined ? now : parseTime(values.until, 'until', now);
    checkRange(from, to, 'since', 'until');
    return withStore(ctx, async (store) => {
      for (const line of describe(await replayWebhooks(store, decode, { from, to }), from, to)) ctx.io.out(line);
      return EXIT.ok;
    });
  },
};
