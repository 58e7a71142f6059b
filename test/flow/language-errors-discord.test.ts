/** Failures and refusals in the agents' language (language-errors.suite.ts) against Discord, the account in Italian. */
import { DiscordDriver } from '../support/chat-side/discord-driver';
import { languageErrorsSuite } from './language-errors.suite';

describe('failures in the agents’ language: Discord', () => {
  languageErrorsSuite(() => new DiscordDriver(), 'language-errors-discord');
});
