/**
 * The webhook stage: what is done with a WhatsApp webhook before it is acknowledged. Its decoded messages and
 * statuses are stored as `ingest` jobs (routing.ts `ingestJobs`, one write); the outbox worker hands each to the
 * inbound stages past the ack (outbox/handlers/ingest.ts), so a crash after the ack loses nothing (the outbox's leases
 * and retries cover it), and a redelivery (Meta retries for days, in any order) changes nothing.
 */
import type { JobPayloads } from '../domain/records';
import type { Store } from '../domain/store';
import type { WhatsAppEvent } from '../domain/whatsapp';
import type { AckPriority } from './ack-priority';
import type { AccountEvents } from './inbound/account-event';
import type { CustomerMessages } from './inbound/customer-message';
import type { StatusBook } from './inbound/status';
import type { Enqueue } from './outbox/enqueue';
import { ingestJobs } from './routing';

/** The stages a webhook's events go to (services/inbound/). */
export interface InboundStages {
  customerMessages: CustomerMessages;
  statuses: StatusBook;
  accountEvents: AccountEvents;
}

/** An `ingest` job's events back from their JSON, with their dates (the only non-JSON values of WhatsAppEvent). */
export function eventsOf(payload: JobPayloads['ingest']): WhatsAppEvent[] {
  const events = JSON.parse(payload.events) as WhatsAppEvent[];
  for (const e of events) {
    if (e.type === 'message') e.message.sentAt = new Date(e.message.sentAt);
    else if (e.type === 'status') e.status.at = new Date(e.status.at);
  }
  return events;
}

export class Ingest {
  constructor(
    private readonly store: Pick<Store, 'saveRawWebhook'>,
    private readonly enqueue: Enqueue,
    private readonly accountEvents: Pick<AccountEvents, 'handle'>,
    /** While a webhook's writes wait, the outbox worker's database work yields to them (ack-priority.ts). */
    private readonly priority?: Pick<AckPriority, 'foreground'>,
  ) {}

  /**
   * The raw body archived and the messages and statuses stored as `ingest` jobs, in parallel (two database commands);
   * account events, rare and small, are applied right here, so a template Meta paused is refused by `/wa template` as
   * soon as the webhook is answered.
   */
  async persist(rawBody: string, events: WhatsAppEvent[]): Promise<void> {
    const writes = () => Promise.all([this.store.saveRawWebhook('whatsapp', rawBody), this.enqueue(ingestJobs(rawBody, events), { checkDone: false })]);
    await (this.priority ? this.priority.foreground(writes) : writes());
    for (const e of events) if (e.type === 'account') await this.enqueue(await this.accountEvents.handle(e.event));
  }
}
