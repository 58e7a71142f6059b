/**
 * `/wa history [phone] [count]`: the last messages of a conversation (the thread's it is typed in, or the number's),
 * oldest first, with their direction, sender and status; answered only to the person who asked.
 */
import type { Store } from '../../domain/store';
import { t } from '../../i18n';
import type { Commands } from '../commands';
import { customerLabel } from '../render';
import { messageLine } from './message-line';
import type { AgentPlaces } from './where';

export const HISTORY_DEFAULT = 10;
/** The most one answer lists: a bounded read (src/domain/store/lookups.ts) and a message a person can read. */
export const HISTORY_MAX = 30;

export function registerHistoryCommand(commands: Commands, store: Store, places: AgentPlaces): void {
  commands.register('history', 'history [phone] [count]', 'a conversation’s last messages', async (args, req) => {
    // A count is a small bare number; a phone number has a + (or 00) and many digits.
    const countArg = args.find((a) => /^\d{1,3}$/.test(a));
    const phone = args.find((a) => a !== countArg);
    const count = Math.min(Math.max(Number(countArg ?? HISTORY_DEFAULT), 1), HISTORY_MAX);
    const found = await places.conversation({ platform: req.platform, channelId: req.channelId, threadId: req.threadId }, phone);
    if (!found.ok) return { text: found.text };
    const conversation = found.value;
    const lang = places.language(req);
    const recent = await store.recentMessages(conversation._id, count);
    // Parts of one agent message (a long text, files) are shown through their first part.
    const lines = recent
      .filter((m) => !m.partOf)
      .reverse()
      .map((m) => messageLine(m, conversation, lang));
    const customer = customerLabel(conversation.customer);
    const head = t(lang, 'tools.historyHead', { count: lines.length, customer });
    return { text: lines.length ? [head, ...lines].join('\n') : t(lang, 'tools.historyNone', { customer }) };
  });
}
