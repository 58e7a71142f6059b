/** The agents' language suite (chat-side-language.suite.ts) against Discord, the account in French. */
import { DiscordDriver } from '../support/chat-side/discord-driver';
import { chatSideLanguageSuite } from './chat-side-language.suite';

describe('agents’ language: Discord', () => {
  chatSideLanguageSuite(() => new DiscordDriver(), 'language-discord', 'fr');
});
