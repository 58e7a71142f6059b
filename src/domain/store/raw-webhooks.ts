/**
 * The raw-webhooks port: every webhook body as received (Meta offers no history API: the raw payload is our only
 * record of what it sent), and quarantined payloads. Kept without an expiry: `npm run admin -- replay` reads them back
 * to re-ingest what the bridge lost (src/cli/commands/replay.ts).
 *
 * Query shapes: on the hot path (every webhook acknowledgement), one insert keyed by the body's content hash. The
 * reader is an operator command's: a time range in bounded pages (pages.ts), by `receivedAt` then `_id` (MongoDB uses
 * the `{receivedAt, _id}` index; FerretDB scans the collection once per page, acceptable for a command run by hand).
 */
import { methodsOf } from './methods';
import type { TimePage } from './pages';

export interface StoredWebhook {
  /** The body's SHA-256 (hex). */
  id: string;
  source: string;
  body: string;
  receivedAt: Date;
}

export interface RawWebhookStore {
  /** Keyed by the body's content: a redelivery of the same bytes is stored once (the first `source` and time kept). */
  saveRawWebhook(source: string, rawBody: string): Promise<void>;
  /** Webhooks of `source` received in `[from, to)`, by `receivedAt` then `id`, the page after `after`, at most `limit`. */
  rawWebhooksReceived(source: string, page: TimePage): Promise<StoredWebhook[]>;
}

export const RAW_WEBHOOK_STORE_METHODS = methodsOf<RawWebhookStore>({ saveRawWebhook: true, rawWebhooksReceived: true });
