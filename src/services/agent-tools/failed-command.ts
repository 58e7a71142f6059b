/** `/wa failed`: messages WhatsApp did not deliver, across this channel's conversations, the latest first (bounded). */
import type { ConversationRecord } from '../../domain/records';
import type { Store } from '../../domain/store';
import { t } from '../../i18n';
import type { Commands } from '../commands';
import { messageLine } from './message-line';
import type { AgentPlaces } from './where';

export const FAILED_LIMIT = 20;

export function registerFailedCommand(commands: Commands, store: Store, places: AgentPlaces): void {
  commands.register('failed', 'failed', 'recent failed messages, with links', async (_args, req) => {
    const accountIds = places.accountIds({ platform: req.platform, channelId: req.channelId });
    const lang = places.language(req);
    if (!accountIds.length) return { text: t(lang, 'tools.notAChannel') };
    const failed = await store.failedMessages({ accountIds, limit: FAILED_LIMIT });
    if (!failed.length) return { text: t(lang, 'tools.noFailed') };
    const conversations = new Map<string, ConversationRecord | null>();
    const lines: string[] = [];
    for (const m of failed) {
      if (!conversations.has(m.conversationId)) conversations.set(m.conversationId, await store.getConversation(m.conversationId));
      const conversation = conversations.get(m.conversationId);
      const where = conversation ? await places.labelWithLink(conversation, req.platform, lang) : m.conversationId;
      lines.push(`${messageLine(m, conversation ?? undefined, lang)}\n   ${t(lang, 'tools.failedIn', { where })}`);
    }
    return { text: [t(lang, 'tools.failedHead', { limit: FAILED_LIMIT }), ...lines, t(lang, 'tools.failedHint')].join('\n') };
  });
}
