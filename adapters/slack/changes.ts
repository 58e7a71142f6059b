/**
 * Slack → core: a person's edit or deletion of their message in a thread (`message` events with subtype
 * `message_changed` / `message_deleted`: https://api.slack.com/events/message/message_changed and
 * …/message_deleted; fixtures in test/fixtures/slack/). The bot's own messages are dropped here; the core decides
 * whether the change concerns a message sent to WhatsApp (src/services/inbound/agent-edit.ts).
 */
import type { App } from '@slack/bolt';
import type { AgentChange } from '../../src/domain/chat/inbound';
import { fromSlackText } from './format';
import type { SlackInboundContext } from './inbound';

/** The fields of the changed message (`message`) or the deleted one (`previous_message`) that are read. */
interface ChangedMessage {
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
}

interface SlackChangeEvent {
  subtype?: string;
  channel: string;
  message?: ChangedMessage;
  previous_message?: ChangedMessage;
  deleted_ts?: string;
}

export function registerChanges(app: App, ctx: SlackInboundContext): void {
  app.event('message', async ({ event }) => {
    const e = event as unknown as SlackChangeEvent;
    if (!ctx.core.agentChange) return;
    if (e.subtype === 'message_changed') await onEdit(ctx, e);
    else if (e.subtype === 'message_deleted') await onDelete(ctx, e);
  });
}

const byPerson = (m: ChangedMessage | undefined, botUserId: string): m is ChangedMessage & { ts: string } =>
  Boolean(m?.ts && m.user && !m.bot_id && m.subtype !== 'bot_message' && m.user !== botUserId);

async function onEdit(ctx: SlackInboundContext, e: SlackChangeEvent): Promise<void> {
  const m = e.message;
  if (!byPerson(m, ctx.botUserId) || !m.thread_ts || m.thread_ts === m.ts) return;
  const { directory } = ctx;
  const raw = m.text ?? '';
  await directory.resolveMentionNames(raw);
  const names = (id: string) => directory.knownName(id);
  // As for a new message (inbound.ts): a leading mention is told to the core, which applies the note rule to the edit.
  const lead = /^\s*<@([UW][A-Z0-9]+)(?:\|[^>]*)?>[\s,:]*/.exec(raw);
  const change: AgentChange = {
    platform: 'slack',
    channelId: e.channel,
    messageId: m.ts,
    text: fromSlackText(raw, names),
    leadingMention: lead ? { userId: lead[1]!, isBot: lead[1] === ctx.botUserId, rest: fromSlackText(raw.slice(lead[0].length), names) } : undefined,
  };
  await ctx.core.agentChange!(change);
}

async function onDelete(ctx: SlackInboundContext, e: SlackChangeEvent): Promise<void> {
  const m = e.previous_message;
  const ts = e.deleted_ts ?? m?.ts;
  if (!ts || !byPerson(m, ctx.botUserId)) return;
  await ctx.core.agentChange!({ platform: 'slack', channelId: e.channel, messageId: ts });
}
