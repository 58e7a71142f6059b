/**
 * What the chat adapters call (domain/chat.ts `ChatInbound`), wired to the stages: an agent's message and reaction go
 * to their stage and the jobs it returns are enqueued (which wakes the outbox) before the platform is acknowledged;
 * commands and template forms go to their services; a change of the bot's access probes the parked deliveries.
 */
import type { ChatInbound, ChatPlatform, InteractiveForms, SavedReplyForms } from '../../domain/chat';
import type { Language } from '../../i18n';
import type { Commands } from '../commands';
import type { CardActionService } from '../lifecycle/card-actions';
import type { Enqueue } from '../outbox/enqueue';
import type { TemplateSender } from '../templates/send-command';
import type { AgentChanges } from './agent-edit';
import type { AgentReactions } from './agent-reaction';
import type { AgentReplies } from './agent-reply';

export interface ChatInboundStages {
  agentReplies: AgentReplies;
  agentReactions: AgentReactions;
  /** Agents' edits and deletions of their messages (optional: a slim core may leave them out). */
  agentChanges?: AgentChanges;
  /** Saved replies picked in a thread (src/services/agent-tools/saved-replies.ts). */
  savedReplies?: SavedReplyForms;
  /** Reply buttons and lists sent from a thread (src/services/interactive/). */
  interactive?: InteractiveForms;
  commands: Commands;
  templates: TemplateSender;
  /** Clicks on the card's buttons (src/services/lifecycle/card-actions.ts); it also suggests the customer's name in forms. */
  cardActions?: CardActionService;
  enqueue: Enqueue;
  /** The language of a channel's agents (Accounts.channelLanguage). */
  language?: (platform: ChatPlatform, channelId: string) => Language;
  /** Parked deliveries on this platform are tried again now (OutboxWorker.probeParked). */
  probeParked(platform: string): void;
}

export function createChatInbound(s: ChatInboundStages): ChatInbound {
  return {
    agentMessage: async (m) => {
      const { result, jobs } = await s.agentReplies.handle(m);
      await s.enqueue(jobs);
      return result;
    },
    agentReaction: async (r) => {
      const { result, jobs } = await s.agentReactions.handle(r);
      await s.enqueue(jobs);
      return result;
    },
    ...(s.agentChanges && {
      agentChange: async (c) => {
        const { result, jobs } = await s.agentChanges!.handle(c);
        await s.enqueue(jobs);
        return result;
      },
    }),
    ...s.savedReplies,
    ...s.interactive,
    command: (req) => s.commands.handle(req),
    templates: (q) => s.templates.choices(q.platform, q.channelId, q.prefix),
    templateFields: (q) => (s.cardActions ? s.cardActions.templateFields(q) : s.templates.fields(q.platform, q.channelId, q.template)),
    ...(s.cardActions && { cardAction: (req) => s.cardActions!.cardAction(req) }),
    // Queueing the send enqueues (and wakes the outbox) inside TemplateSender.queue.
    sendTemplate: (req) => s.templates.send(req),
    accessChanged: (c) => s.probeParked(c.platform),
    ...(s.language && { language: (p) => s.language!(p.platform, p.channelId) }),
  };
}
