/**
 * The agents' tools (issue 11, points 6-7), wired once: their `/wa` subcommands, one line each (each in its own file),
 * and the saved-reply forms the chat adapters' pickers use.
 */
import type { ChatAdapter, ChatPlatform, SavedReplyForms } from '../../domain/chat';
import type { NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';
import type { Commands } from '../commands';
import type { AgentReplies } from '../inbound/agent-reply';
import { registerFailedCommand } from './failed-command';
import { registerFindCommand } from './find-command';
import { registerHistoryCommand } from './history-command';
import { registerRepliesCommand } from './replies-command';
import { registerReplyCommand } from './reply-command';
import { SavedReplies } from './saved-replies';
import { AgentPlaces } from './where';

export interface AgentToolDeps {
  store: Store;
  accounts: Accounts;
  chats: Partial<Record<ChatPlatform, ChatAdapter>>;
  agentReplies: Pick<AgentReplies, 'handle'>;
  enqueue: (jobs: NewJob[]) => Promise<void>;
  log: Logger;
  now?: () => Date;
}

export function registerAgentTools(commands: Commands, d: AgentToolDeps): { savedReplyForms: SavedReplyForms } {
  const places = new AgentPlaces(d.store, d.accounts, d.chats);
  const savedReplies = new SavedReplies(d.store, places, d.chats, d.agentReplies, d.enqueue, d.log, d.now);
  registerRepliesCommand(commands, savedReplies, d.accounts);
  registerReplyCommand(commands, savedReplies, (req) => places.language(req));
  registerFindCommand(commands, d.store, places);
  registerHistoryCommand(commands, d.store, places);
  registerFailedCommand(commands, d.store, places);
  return { savedReplyForms: savedReplies.forms() };
}
