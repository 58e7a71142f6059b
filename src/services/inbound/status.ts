/**
 * Status bookkeeping, its own stage: what WhatsApp says about an outgoing message (its send accepted, a status
 * webhook, a refusal the outbox will not retry) recorded on the message, and the status jobs that show it wherever
 * the message is visible (the agent's own post and its mirrors). Returns the jobs; the caller enqueues them.
 */
import type { ChatPlatform } from '../../domain/chat';
import type { FailureExplanation } from '../../domain/errors';
import type { NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { StatusUpdate } from '../../domain/whatsapp';
import type { Logger } from '../../logger';
import { chatStatusJob } from '../routing';

type Status = StatusUpdate['status'];

export class StatusBook {
  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * A webhook's statuses, applied with one bulk write; shown per message in batch order, different messages in
   * parallel. Each message's jobs are handed to `emit` as soon as they are known: once applied, a status is not
   * applied again by a re-run (it is no longer newer), so one message's failure must not hold back the others' jobs.
   */
  async apply(batch: StatusUpdate[], emit: (jobs: NewJob[]) => Promise<void>): Promise<void> {
    const results = await this.store.applyStatuses(batch);
    const byMessage = new Map<string, { s: StatusUpdate; previous?: Status }[]>();
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
        for (const { s, previous } of list) await emit(await this.changed(messageId, s.status, previous, s.error));
      }),
    );
  }

  /**
   * A send Meta accepted: its wamid is recorded, and a status webhook that beat the send's own response
   * (it was stored under the wamid) is shown now.
   */
  async accepted(messageId: string, wamid: string, at: Date): Promise<NewJob[]> {
    await this.store.updateMessage(messageId, { wamid, state: 'accepted', stateAt: at });
    const early = await this.store.linkWamid(wamid, messageId);
    return early.status ? this.changed(messageId, early.status, undefined, early.error) : [];
  }

  /** A send the outbox will not retry: the message is marked failed (with why) and shows it. */
  async sendFailed(messageId: string, failure: FailureExplanation & { retryable: boolean }): Promise<NewJob[]> {
    await this.store.updateMessage(messageId, { state: 'failed', stateAt: this.now(), failure });
    return this.changed(messageId, 'failed');
  }

  /** The message's new state, shown wherever it is visible: the agent's own post and its mirrors. */
  async changed(messageId: string, status: Status, previous?: Status, error?: StatusUpdate['error']): Promise<NewJob[]> {
    const message = await this.store.getMessage(messageId);
    if (!message) return [];
    const platforms = new Set<ChatPlatform>([...(message.origin ? [message.origin.platform] : []), ...message.mirrors.map((x) => x.platform)]);
    await this.store.updateMessage(messageId, { state: status, stateAt: new Date() });
    return [...platforms].map((platform) => chatStatusJob(message.conversationId, { platform, messageId, status, previous, error }));
  }
}
