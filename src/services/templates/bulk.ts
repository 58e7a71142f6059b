/**
 * One template to many numbers (`/wa template +49…,+44…,… name values…`). The recipients are fixed and stored
 * first; each one becomes an outbox job with the dedupe key `bulk:<id>:<phone>`, so a restart at any point
 * re-enqueues without repeating a recipient (the job, and the message's recorded wamid, say who was sent).
 * Sends are paced by the delivery's pacer (the number's throughput, Meta's pair rate). A channel message shows
 * the progress while it runs and every recipient's result at the end.
 */
import { randomUUID } from 'node:crypto';
import { hasProgressMessages, type ChatAdapter } from '../../domain/chat/adapter';
import type { ChatPlatform } from '../../domain/platform';
import type { BulkRecord } from '../../domain/records';
import type { Store } from '../../domain/store';
import { DEFAULT_LANGUAGE, t, type Language } from '../../i18n';
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';
import type { CommandReply, CommandRequest } from '../commands';
import { normalizePhone } from './phone';
import { ProgressTicker } from './progress-ticker';
import { bullets, EXAMPLE_PHONE, type BulkStarter, type TemplateSender } from './send-command';
import { assignArgs, buildMessage, describeTemplate } from './variables';

export const MAX_RECIPIENTS = 1000;

/** The progress message, then the final list, in `lang` (the sending number's). */
export function bulkText(b: BulkRecord, finished: boolean, lang: Language = DEFAULT_LANGUAGE): string {
  const results = Object.values(b.results);
  const sent = results.filter((r) => r.state === 'sent').length;
  const failed = results.filter((r) => r.state === 'failed').length;
  // Counted over the valid numbers; the refused ones (not phone numbers) are listed apart.
  const count = b.recipients.length;
  const done = sent + failed;
  const counts = {
    ref: `${b.template.name}:${b.template.language}`,
    count,
    by: b.createdBy.name ?? b.createdBy.userId,
    sent,
    failed,
    refused: b.refused.length,
  };
  if (!finished) return t(lang, 'templateBulk.progress', { ...counts, done });
  const lines = [
    t(lang, 'templateBulk.finished', counts),
    ...b.recipients.map(({ phone }) => {
      const r = b.results[`p${phone}`];
      return r?.state === 'sent'
        ? t(lang, 'templateBulk.sentLine', { phone })
        : t(lang, 'templateBulk.failedLine', { phone, reason: r?.reason ?? t(lang, 'templateBulk.unknown') });
    }),
    ...b.refused.map((r) => t(lang, 'templateBulk.refusedLine', { input: r.input, reason: r.reason })),
  ];
  return lines.join('\n');
}

export class BulkSends implements BulkStarter {
  private readonly ticker: ProgressTicker;
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly accounts: Accounts,
    private readonly chats: Partial<Record<ChatPlatform, ChatAdapter>>,
    private readonly sender: TemplateSender,
    private readonly log: Logger,
    private readonly opts: { progressMs: number },
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ticker = new ProgressTicker(
      () => this.tick(),
      opts.progressMs,
      (err) => this.log.warn({ err }, 'bulk progress could not be updated; trying again'),
    );
  }

  stop(): void {
    this.ticker.stop();
  }

  /** Resumes what a previous process left unfinished, and reports progress again. */
  async resume(): Promise<void> {
    for (const b of await this.store.unfinishedBulks()) {
      if (b.state === 'enqueuing') {
        this.log.warn({ bulk: b._id }, 'bulk send interrupted while queuing: queuing the rest');
        await this.enqueue(b);
      }
    }
    this.ticker.wake();
  }

  /** `inputs`: the numbers as typed (a list in the command, or the rows of a CSV with their own values). */
  async start(req: CommandRequest, inputs: { input: string; args?: string[] }[], ref: string, args: string[]): Promise<CommandReply> {
    const account = this.sender.accountFor(req.platform, req.channelId);
    if ('error' in account) return { text: t(this.sender.language(req.platform, req.channelId), 'templates.notSentFile', { why: account.error }) };
    const lang = this.accounts.language(account);
    const resolved = await this.sender.resolve(account, ref);
    if (!resolved.ok) return { text: t(lang, 'templates.notSentFile', { why: resolved.text }) };
    const { template, shape } = resolved;
    if (!(await this.sender.mayUse(account, template.name, req.platform, req.userId))) return { text: this.sender.refusal(account, template.name) };
    // One set of values for every number (a typed list): checked once, before anything is stored.
    const shared = inputs.every((r) => !r.args?.length);
    const assigned = assignArgs(template, shape, args);
    const built = Object.keys(assigned.errors).length ? undefined : buildMessage(template, shape, assigned.values);
    if (shared && !built?.ok) {
      const errors = built && !built.ok ? built.errors : assigned.errors;
      const description = describeTemplate(template, shape, EXAMPLE_PHONE, resolved.ref);
      return { text: t(lang, 'templateBulk.notSentAnyone', { bullets: bullets(errors, lang), description }) };
    }
    const recipients: BulkRecord['recipients'] = [];
    const refused: BulkRecord['refused'] = [];
    for (const { input, args: own } of inputs) {
      const p = normalizePhone(input, lang);
      if (!p.ok) {
        refused.push({ input, reason: p.reason });
        continue;
      }
      if (recipients.some((r) => r.phone === p.digits)) continue;
      const rowArgs = own?.length ? own : args;
      if (!shared) {
        // A CSV row's own values are checked row by row: a bad row is refused, the others go.
        const a = assignArgs(template, shape, rowArgs);
        const b = Object.keys(a.errors).length ? undefined : buildMessage(template, shape, a.values);
        if (!b?.ok) {
          refused.push({
            input,
            reason: bullets(b && !b.ok ? b.errors : a.errors, lang)
              .replace(/^• /gm, '')
              .replace(/\n/g, '; '),
          });
          continue;
        }
      }
      recipients.push({ phone: p.digits, args: rowArgs });
    }
    if (recipients.length > MAX_RECIPIENTS) return { text: t(lang, 'templateBulk.tooMany', { max: MAX_RECIPIENTS, count: recipients.length }) };
    if (!recipients.length) return { text: t(lang, 'templateBulk.noneSendable', { lines: refused.map((r) => `• ${r.input}: ${r.reason}`).join('\n') }) };
    const bulk: BulkRecord = {
      _id: randomUUID().replace(/-/g, '').slice(0, 16),
      accountId: account.phoneNumberId,
      template: { name: template.name, language: template.language },
      createdBy: { platform: req.platform, userId: req.userId, name: req.userName },
      channel: { platform: req.platform, channelId: req.channelId },
      createdAt: this.now(),
      recipients,
      results: {},
      refused,
      state: 'enqueuing',
    };
    await this.store.createBulk(bulk);
    // Queued after the answer: a long list must not hold up Slack's 3-second acknowledgement. A crash before it is
    // done is resumed at start-up (the state stays `enqueuing`).
    void this.enqueue(bulk).catch((err: Error) => this.log.error({ bulk: bulk._id, err }, 'bulk send could not be queued; it is resumed at the next start'));
    this.ticker.wake();
    const refusedPart = refused.length ? t(lang, 'templateBulk.startedRefused', { count: refused.length, inputs: refused.map((r) => r.input).join(', ') }) : '';
    return { text: t(lang, 'templateBulk.started', { ref: resolved.ref, count: recipients.length, refused: refusedPart }) };
  }

  private async enqueue(b: BulkRecord): Promise<void> {
    const account = this.accounts.get(b.accountId);
    if (!account?.businessAccountId) throw new Error(`number ${b.accountId} is no longer configured with a WhatsApp Business Account`);
    const resolved = await this.sender.resolve(account, `${b.template.name}:${b.template.language}`);
    if (!resolved.ok) {
      for (const r of b.recipients)
        if (!b.results[`p${r.phone}`]) await this.store.setBulkResult(b._id, r.phone, { state: 'failed', reason: resolved.text, at: this.now() });
      await this.store.updateBulk(b._id, { state: 'running' });
      return;
    }
    for (const r of b.recipients) {
      const assigned = assignArgs(resolved.template, resolved.shape, r.args);
      const built = buildMessage(resolved.template, resolved.shape, assigned.values);
      if (!built.ok) {
        await this.store.setBulkResult(b._id, r.phone, { state: 'failed', reason: Object.values(built.errors).join('; '), at: this.now() });
        continue;
      }
      // Idempotent: the message id and the job's dedupe key are `bulk:<id>:<phone>`; queueing wakes the outbox.
      await this.sender.queue(account, resolved.template, built.built, r.phone, b.createdBy, { bulkId: b._id });
    }
    await this.store.updateBulk(b._id, { state: 'running' });
  }

  /** Reports every unfinished bulk; whether any was open. */
  private async tick(): Promise<boolean> {
    const open = await this.store.unfinishedBulks();
    for (const b of open) await this.report(b);
    return open.length > 0;
  }

  private async report(b: BulkRecord): Promise<void> {
    const finished = b.state === 'running' && b.recipients.every((r) => b.results[`p${r.phone}`]);
    const text = bulkText(b, finished, this.accounts.language(b.accountId));
    const adapter = this.chats[b.channel.platform];
    if (!adapter) return;
    if (hasProgressMessages(adapter)) {
      if (this.shown.get(b._id) !== text) {
        const { messageId } = await adapter.upsertChannelMessage(b.channel.channelId, text, b.progressMessageId);
        if (messageId !== b.progressMessageId) await this.store.updateBulk(b._id, { progressMessageId: messageId });
        this.shown.set(b._id, text);
      }
    } else if (finished) {
      await adapter.postToChannel(b.channel.channelId, text);
    }
    if (finished) {
      await this.store.updateBulk(b._id, { state: 'done', doneAt: this.now() });
      this.shown.delete(b._id);
      this.log.info({ bulk: b._id }, 'bulk send finished');
    }
  }
}
