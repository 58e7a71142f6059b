/**
 * WhatsApp webhook → the inbound stages, idempotently. Before the webhook is acknowledged, its decoded events are
 * stored as `ingest` jobs (routing.ts `ingestJobs`, one write); the outbox worker then runs `apply` on each
 * (outbox/handlers/ingest.ts), so a crash after the ack loses nothing (the outbox's leases and retries cover it), and
 * a redelivery (Meta retries for days, in any order) changes nothing. Each event goes to its stage in inbound/
 * (customer message, statuses, account event), and the jobs a stage returns are enqueued here.
 */
import type { JobPayloads } from '../domain/records';
import type { Store } from '../domain/store';
import type { StatusUpdate, WhatsAppEvent } from '../domain/whatsapp';
import type { AccountEvents } from './inbound/account-event';
import type { CustomerMessages } from './inbound/customer-message';
import type { StatusBook } from './inbound/status';
import type { Enqueue } from './outbox/enqueue';
import { ingestJobs } from './routing';

/** An `ingest` job's events back from their JSON, with their dates (the only non-JSON values of WhatsAppEvent). */
export function eventsOf(payload: JobPayloads['ingest']): WhatsAppEvent[] {
  const events = JSON.parse(payload.events) as WhatsAppEvent[];
  for (const e of events) {
    if (e.type === 'message') e.message.sentAt = new Date(e.message.sentAt);
    else if (e.type === 'status') e.status.at = new Date(e.status.at);
  }
  return events;
}

export interface IngestStages {
  customerMessages: CustomerMessages;
  statuses: StatusBook;
  accountEvents: AccountEvents;
}

export class Ingest {
  constructor(
    private readonly store: Pick<Store, 'saveRawWebhook'>,
    private readonly enqueue: Enqueue,
    private readonly stages: IngestStages,
  ) {}

  /**
   * What is done before the webhook is acknowledged: the raw body archived and the messages and statuses stored as
   * `ingest` jobs, in parallel (two database commands); account events, rare and small, are applied right here, so a
   * template Meta paused is refused by `/wa template` as soon as the webhook is answered.
   */
  async persist(rawBody: string, events: WhatsAppEvent[]): Promise<void> {
    await Promise.all([this.store.saveRawWebhook('whatsapp', rawBody), this.enqueue(ingestJobs(rawBody, events), { checkDone: false })]);
    const account = events.filter((e) => e.type === 'account');
    if (account.length) await this.apply(account);
  }

  /** Applies events (an `ingest` job's, or a webhook's account events), in batch order, enqueueing what each implies. */
  async apply(events: WhatsAppEvent[]): Promise<void> {
    for (let i = 0; i < events.length;) {
      const e = events[i]!;
      if (e.type === 'status') {
        // Consecutive statuses are applied together (one bulk write).
        const run: StatusUpdate[] = [];
        for (; i < events.length && events[i]!.type === 'status'; i++) run.push((events[i] as { status: StatusUpdate }).status);
        await this.stages.statuses.apply(run, this.enqueue);
        continue;
      }
      await this.enqueue(e.type === 'message' ? await this.stages.customerMessages.handle(e.message) : await this.stages.accountEvents.handle(e.event));
      i++;
    }
  }
}
