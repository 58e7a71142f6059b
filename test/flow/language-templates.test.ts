/** The template texts in the agents' language (chat-side-templates-language.suite.ts), the account in Italian, on Slack and on Discord. */
import { DiscordDriver } from '../support/chat-side/discord-driver';
import { SlackDriver } from '../support/chat-side/slack-driver';
import { chatSideTemplatesLanguageSuite } from './chat-side-templates-language.suite';

describe('template texts in the agents’ language: Slack', () => {
  chatSideTemplatesLanguageSuite(() => new SlackDriver(), 'language-templates-slack', 'U0OTHERONE');
});

describe('template texts in the agents’ language: Discord', () => {
  chatSideTemplatesLanguageSuite(() => new DiscordDriver(), 'language-templates-discord', '999888777666555444');
});
