/**
 * The raw-webhooks port: every webhook body as received (Meta offers no history API: the raw payload is our only
 * record of what it sent), and quarantined payloads. Write-only for the bridge (operators read it in the database).
 * On the hot path (every webhook acknowledgement): one insert keyed by the body's content hash.
 */
import { methodsOf } from './methods';

export interface RawWebhookStore {
  /** Keyed by the body's content: a redelivery of the same bytes is stored once (the first `source` kept). */
  saveRawWebhook(source: string, rawBody: string): Promise<void>;
}

export const RAW_WEBHOOK_STORE_METHODS = methodsOf<RawWebhookStore>({ saveRawWebhook: true });
