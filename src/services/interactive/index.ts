/**
 * Reply buttons and lists from a thread (issue 13 point 4), wired once: the form the chat adapters open (Slack modal,
 * Discord options) and the `/wa buttons` / `/wa list` lines for help, answered with where the form is when a
 * platform did not open it itself.
 */
import type { ChatAdapter, ChatPlatform, InteractiveForms } from '../../domain/chat';
import type { NewJob } from '../../domain/records';
import type { Store } from '../../domain/store';
import type { Logger } from '../../logger';
import type { Accounts } from '../accounts';
import { AgentPlaces } from '../agent-tools/where';
import type { Commands } from '../commands';
import { InteractiveSends } from './send';
import { INTERACTIVE_TEXTS as T } from './texts';

export interface InteractiveDeps {
  store: Store;
  accounts: Accounts;
  chats: Partial<Record<ChatPlatform, ChatAdapter>>;
  enqueue: (jobs: NewJob[]) => Promise<void>;
  log: Logger;
  now?: () => Date;
}

export function registerInteractive(commands: Commands, d: InteractiveDeps): InteractiveForms {
  const sends = new InteractiveSends(d.store, d.accounts, new AgentPlaces(d.store, d.accounts, d.chats), d.chats, d.enqueue, d.log, d.now);
  commands.register('buttons', 'buttons [+phone]', T.commandSummary('button'), async () => ({ text: T.commandUsage }));
  commands.register('list', 'list [+phone]', T.commandSummary('list'), async () => ({ text: T.commandUsage }));
  return { sendInteractive: (req) => sends.sendInteractive(req) };
}
