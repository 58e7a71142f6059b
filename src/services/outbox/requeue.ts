/**
 * Re-running what the outbox stopped on: failed jobs (refusals it does not retry) and parked ones (waiting for a
 * person), for one conversation or all. The same code serves `/wa requeue [conversation]` and `npm run requeue`
 * (src/cli/requeue.ts). Requeued jobs keep their place in their lane (their original sequence number).
 */
import type { ChatPlatform } from '../../domain/platform';
import type { OutboxJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Accounts } from '../accounts';
import type { Commands } from '../commands';
import { t, type Language } from '../../i18n';

/** Requeues and returns a report, one line per job, in `lang` (the CLI's: English). */
export async function requeue(store: Store, scope: { conversationId?: string }, lang: Language): Promise<{ jobs: OutboxJob[]; report: string }> {
  const jobs = await store.requeueJobs(scope);
  const where = scope.conversationId ? t(lang, 'requeue.conversation', { id: scope.conversationId }) : t(lang, 'requeue.all');
  if (!jobs.length) return { jobs, report: t(lang, 'requeue.nothing', { where }) };
  const why = (j: OutboxJob) =>
    j.parked ? t(lang, 'requeue.paused', { code: j.parked.code }) : t(lang, 'requeue.failed', { error: j.lastError ?? t(lang, 'requeue.unknown') });
  const lines = jobs.map((j) => `• ${j.kind} ${j._id} (${why(j)})`);
  return { jobs, report: [t(lang, 'requeue.done', { count: jobs.length, where }), ...lines].join('\n') };
}

/**
 * `/wa requeue [conversation]`: a conversation id (`<phone number id>:<wa id>`, as in the logs) or the customer's
 * phone number (for the numbers routed to this channel); nothing means every conversation.
 */
export function registerRequeueCommand(commands: Commands, store: Store, accounts: Accounts, wake: () => void): void {
  commands.register(
    'requeue',
    'requeue [<customer phone> | <conversation id>]',
    'send failed or paused deliveries again (one conversation, or all)',
    async (args, req) => {
      const arg = args[0];
      const ids = arg === undefined ? [undefined] : conversationIds(arg, accounts, req.platform, req.channelId);
      const reports: string[] = [];
      const lang = accounts.channelLanguage(req.platform, req.channelId);
      for (const conversationId of ids) reports.push((await requeue(store, { conversationId }, lang)).report);
      wake();
      return { text: reports.join('\n') };
    },
  );
}

function conversationIds(arg: string, accounts: Accounts, platform: ChatPlatform, channelId: string): string[] {
  const phone = /^\+?[\d\s-]{6,}$/.test(arg) ? arg.replace(/\D/g, '') : undefined;
  if (!phone) return [arg];
  const here = accounts.all.filter((a) => a[platform]?.channelId === channelId);
  return (here.length ? here : accounts.all).map((a) => `${a.phoneNumberId}:${phone}`);
}
