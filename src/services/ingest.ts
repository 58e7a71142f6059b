/**
 * WhatsApp events → persisted messages + the deliveries they imply (the outbox), idempotently.
 * Before the webhook is acknowledged, its decoded events are stored as `ingest` jobs (`ingestJobs`, one write);
 * the outbox worker then runs `ingest` on each, so a crash after the ack loses nothing (the outbox's leases and
 * retries cover it), and a redelivery (Meta retries for days, in any order) changes nothing.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../logger';
import type { ChatPlatform } from '../domain/platform';
import type { JobPayloads, MessageRecord, NewJob } from '../domain/records';
import type { Store } from '../domain/store';
import type { AccountEvent, InboundCustomerMessage, StatusUpdate, WhatsAppEvent } from '../domain/whatsapp';
import type { Accounts } from './accounts';
import { renderContent, renderInbound } from './render';

export const lane = (target: ChatPlatform | 'whatsapp', conversationId: string) => `${target}:${conversationId}`;

/**
 * A webhook's messages and statuses as `ingest` jobs, stored before the ack: one per customer (their messages in batch
 * order, in that customer's lane, so conversations ingest in parallel and each keeps its order) and one for all the
 * batch's statuses (applied with one bulk write). The `_id`s are natural (`ingest:<sha256 of the body>:<group>`), so a
 * redelivered webhook adds nothing while its jobs are live, and re-runs harmlessly once they are done.
 */
export function ingestJobs(rawBody: string, events: WhatsAppEvent[]): NewJob[] {
  const body = createHash('sha256').update(rawBody).digest('hex');
  const groups = new Map<string, WhatsAppEvent[]>();
  for (const e of events) {
    if (e.type === 'account') continue;
    const group =
      e.type === 'message' ? `customer:${e.message.accountId}:${e.message.customer.waId ?? e.message.customer.userId ?? ''}` : `statuses:${e.status.accountId}`;
    const list = groups.get(group);
    if (list) list.push(e);
    else groups.set(group, [e]);
  }
  return [...groups].map(([group, list]) => ({
    kind: 'ingest',
    lane: `ingest:${group}`,
    dedupeKey: `ingest:${body}:${group}`,
    payload: { events: JSON.stringify(list) },
  }));
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
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly log: Logger,
    /** Which account-level fields deserve a notice in the channel. */
    private readonly noticeFields: Set<string>,
    /** Applies an account event to stored state (templates) before the notice; returns a line to add to it. */
    private readonly onAccountEvent?: (e: AccountEvent) => Promise<string | undefined>,
  ) {}

  /**
   * What is done before the webhook is acknowledged: the raw body archived and the messages and statuses stored as
   * `ingest` jobs, in parallel (two database commands); account events, rare and small, are applied right here, so a
   * template Meta paused is refused by `/wa template` as soon as the webhook is answered.
   */
  async persist(rawBody: string, events: WhatsAppEvent[]): Promise<void> {
    await Promise.all([this.store.saveRawWebhook('whatsapp', rawBody), this.store.enqueue(ingestJobs(rawBody, events), { checkDone: false })]);
    const account = events.filter((e) => e.type === 'account');
    if (account.length) await this.ingest(account);
  }

  /** Applies events (an `ingest` job's, or a webhook's account events): messages, statuses and account events. */
  async ingest(events: WhatsAppEvent[]): Promise<void> {
    // In batch order; consecutive statuses are applied together (one bulk write).
    for (let i = 0; i < events.length;) {
      const e = events[i]!;
      if (e.type === 'status') {
        const run: StatusUpdate[] = [];
        for (; i < events.length && events[i]!.type === 'status'; i++) run.push((events[i] as { status: StatusUpdate }).status);
        await this.statuses(run);
        continue;
      }
      if (e.type === 'message') await this.customerMessage(e.message);
      else await this.accountEvent(e.event);
      i++;
    }
  }

  private async customerMessage(m: InboundCustomerMessage): Promise<void> {
    const account = this.accounts.get(m.accountId);
    if (!account) {
      this.log.warn({ phoneNumberId: m.accountId, wamid: m.wamid }, 'message for a phone number id that is not configured: kept in the raw log only');
      return;
    }
    const conversation = await this.store.conversationForInbound(m.accountId, m.customer, m.sentAt);
    const id = `wa:${m.wamid}`;
    const record: MessageRecord = {
      _id: id,
      conversationId: conversation._id,
      direction: 'inbound',
      createdAt: m.sentAt,
      wamid: m.wamid,
      content: m.content,
      mirrors: [],
    };
    const isNew = await this.store.insertMessage(record);
    if (!isNew) this.log.debug({ wamid: m.wamid }, 'redelivered message: re-enqueue is a no-op');
    const quoted = m.replyToWamid ? await this.quoteOf(m.replyToWamid) : undefined;
    const body = renderInbound(m, quoted);
    const name = m.customer.name ?? (m.customer.waId ? `+${m.customer.waId}` : 'Customer');
    const jobs: NewJob[] = this.accounts.platformsOf(account).map((platform) => ({
      kind: 'chat.post',
      lane: lane(platform, conversation._id),
      dedupeKey: `${platform}:post:${id}`,
      payload: { platform, conversationId: conversation._id, messageId: id, post: { author: { name, role: 'customer' }, body }, notify: true },
    }));
    await this.store.enqueue(jobs);
  }

  private async quoteOf(wamid: string): Promise<string | undefined> {
    // The customer may quote their own earlier message or an agent's reply (known by the wamid of its send).
    const original = await this.store.findMessageByWamid(wamid);
    if (original?.content) return renderContent(original.content);
    return original?.text;
  }

  private async statuses(batch: StatusUpdate[]): Promise<void> {
    const results = await this.store.applyStatuses(batch);
    // Shown per message in batch order; different messages in parallel.
    const byMessage = new Map<string, { s: StatusUpdate; previous?: StatusUpdate['status'] }[]>();
    batch.forEach((s, i) => {
      const applied = results[i]!;
      if (!applied.applied) {
        this.log.debug({ wamid: s.wamid, status: s.status }, 'status not newer than the stored one: ignored');
        return;
      }
      if (!applied.messageId) return; // Not ours yet (or sent elsewhere): shown once the send records its wamid.
      const list = byMessage.get(applied.messageId);
      if (list) list.push({ s, previous: applied.previous });
      else byMessage.set(applied.messageId, [{ s, previous: applied.previous }]);
    });
    await Promise.all(
      [...byMessage].map(async ([messageId, list]) => {
        for (const { s, previous } of list) await this.enqueueStatusJobs(messageId, s.status, previous, s.error);
      }),
    );
  }

  /**
   * A send Meta accepted: its wamid is recorded, and a status webhook that beat the send's own response
   * (it was stored under the wamid) is shown now.
   */
  async recordAccepted(messageId: string, wamid: string, at: Date): Promise<void> {
    await this.store.updateMessage(messageId, { wamid, state: 'accepted', stateAt: at });
    const early = await this.store.linkWamid(wamid, messageId);
    if (early.status) await this.enqueueStatusJobs(messageId, early.status, undefined, early.error);
  }

  /** Shown wherever the outgoing message is visible: the agent's own post and its mirrors. */
  async enqueueStatusJobs(messageId: string, status: StatusUpdate['status'], previous?: StatusUpdate['status'], error?: StatusUpdate['error']): Promise<void> {
    const message = await this.store.getMessage(messageId);
    if (!message) return;
    const platforms = new Set<ChatPlatform>([...(message.origin ? [message.origin.platform] : []), ...message.mirrors.map((x) => x.platform)]);
    await this.store.updateMessage(messageId, { state: status, stateAt: new Date() });
    await this.store.enqueue(
      [...platforms].map((platform) => ({
        kind: 'chat.status',
        lane: lane(platform, message.conversationId),
        dedupeKey: `${platform}:status:${messageId}:${status}`,
        payload: { platform, messageId, status, previous, error },
      })),
    );
  }

  private async accountEvent(e: AccountEvent): Promise<void> {
    this.log.info({ field: e.field, wabaId: e.wabaId }, e.summary);
    // Before the webhook is acknowledged (see persist): a template paused by Meta is refused by `/wa template` at once.
    const extra = this.onAccountEvent ? await this.onAccountEvent(e) : undefined;
    if (!this.noticeFields.has(e.field)) return;
    const accounts = e.accountId ? [this.accounts.get(e.accountId)].filter((a) => a !== undefined) : this.accounts.byWaba(e.wabaId);
    const targets = (accounts.length ? accounts : this.accounts.all).flatMap((a) =>
      this.accounts.platformsOf(a).map((platform) => ({ platform, channelId: this.accounts.destination(a, platform).channelId })),
    );
    const unique = new Map(targets.map((t) => [`${t.platform}:${t.channelId}`, t]));
    const key = `${e.field}:${e.wabaId}:${JSON.stringify(e.value)}`;
    await this.store.enqueue(
      [...unique.values()].map((t) => ({
        kind: 'chat.channel_notice',
        lane: `${t.platform}:channel:${t.channelId}`,
        dedupeKey: `${t.platform}:notice:${t.channelId}:${hash(key)}`,
        payload: { platform: t.platform, channelId: t.channelId, body: `📣 ${e.summary}${extra ? `\n${extra}` : ''}` },
      })),
    );
  }
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 24);
}
