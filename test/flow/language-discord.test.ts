/** The agents' language suites against Discord: chat-side-language.suite.ts in French, chat-side-delivery-language.suite.ts in Italian. */
import { DiscordDriver } from '../support/chat-side/discord-driver';
import { chatSideDeliveryLanguageSuite } from './chat-side-delivery-language.suite';
import { chatSideLanguageSuite } from './chat-side-language.suite';

describe('agents’ language: Discord', () => {
  chatSideLanguageSuite(() => new DiscordDriver(), 'language-discord', 'fr');
});

describe('the outbox’s notices in the agents’ language: Discord', () => {
  chatSideDeliveryLanguageSuite(() => new DiscordDriver(), 'language-delivery-discord');
});
