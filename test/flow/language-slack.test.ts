/** The agents' language suite (chat-side-language.suite.ts) against Slack, the account in Italian. */
import { SlackDriver } from '../support/chat-side/slack-driver';
import { chatSideLanguageSuite } from './chat-side-language.suite';

describe('agents’ language: Slack', () => {
  chatSideLanguageSuite(() => new SlackDriver(), 'language-slack', 'it');
});
