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
import type { CommandRequest, Commands } from '../commands';
import { InteractiveSends } from './send';
import { t } from '../../i18n';

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
  // Registered in English: /wa help reads other languages' summaries from the catalogue (commands.<name>).
  const usage = async (_args: string[], req: CommandRequest) => ({
    text: t(d.accounts.channelLanguage(req.platform, req.channelId), 'interactive.usage'),
  });
  commands.register('buttons', 'buttons [+phone]', t('en', 'commands.buttons'), usage);
  commands.register('list', 'list [+phone]', t('en', 'commands.list'), usage);
  return { sendInteractive: (req) => sends.sendInteractive(req) };
}
