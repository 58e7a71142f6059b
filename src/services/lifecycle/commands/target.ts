/**
 * Which conversation a lifecycle subcommand acts on: the thread it is typed in (Discord runs `/wa` inside threads),
 * or the customer's number given as its first argument (Slack does not run custom slash commands typed in a thread,
 * so there the number names the conversation: `/wa close +4915112345678 Thanks!`).
 */
import type { ConversationRecord } from '../../../domain/records';
import type { Store } from '../../../domain/store';
import { t } from '../../../i18n';
import type { Accounts } from '../../accounts';
import type { CommandRequest, Commands } from '../../commands';
import type { Changed, Lifecycle } from '../lifecycle';
import type { Enqueue } from '../../outbox/enqueue';

export interface LifecycleCommandDeps {
  commands: Commands;
  lifecycle: Lifecycle;
  store: Store;
  accounts: Accounts;
  enqueue: Enqueue;
}

/** A customer's number as typed: `+` and at least 6 digits (the `+` keeps a user id of digits from reading as one). */
const PHONE = /^\+[\d\s().-]{6,}$/;

/** The conversation, the arguments left after the number (if one was given), or why none was found. */
export async function targetOf(
  d: LifecycleCommandDeps,
  req: CommandRequest,
  args: string[],
): Promise<{ conversation: ConversationRecord; rest: string[] } | { error: string }> {
  if (req.threadId) {
    const conversation = await d.lifecycle.inThread(req.platform, req.channelId, req.threadId);
    if (conversation) return { conversation, rest: args };
  }
  const at = args.findIndex((a) => PHONE.test(a));
  const first = args[at];
  const lang = d.accounts.channelLanguage(req.platform, req.channelId);
  if (first) {
    const account = d.accounts.all.find((a) => a[req.platform]?.channelId === req.channelId);
    if (!account) return { error: t(lang, 'lifecycle.notAChannel') };
    const conversation = await d.store.getConversation(`${account.phoneNumberId}:${first.replace(/\D/g, '')}`);
    if (!conversation) return { error: t(lang, 'lifecycle.noConversation', { number: first }) };
    return { conversation, rest: args.filter((_, i) => i !== at) };
  }
  return { error: t(lang, 'lifecycle.useInThread') };
}

/** A person named in a command: Slack `<@U123|name>`, Discord `<@123>` / `<@!123>`, or a bare user id. */
export function personOf(arg: string | undefined): { userId: string; name?: string } | undefined {
  const m = /^<@!?([A-Z0-9]+)(?:\|([^>]*))?>$/.exec(arg ?? '') ?? /^([UW][A-Z0-9]{2,}|\d{5,})$/.exec(arg ?? '');
  return m ? { userId: m[1]!, ...(m[2] ? { name: m[2] } : {}) } : undefined;
}

/** The person who typed the command. */
export const caller = (req: CommandRequest) => ({ platform: req.platform, userId: req.userId, ...(req.userName ? { name: req.userName } : {}) });

/** Runs a change and enqueues its jobs; answers with its line. */
export async function run(d: LifecycleCommandDeps, change: Promise<Changed>): Promise<{ text: string }> {
  const { jobs, text } = await change;
  await d.enqueue(jobs);
  return { text };
}
