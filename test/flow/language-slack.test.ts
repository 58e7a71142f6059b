/** The agents' language suites (chat-side-language.suite.ts, chat-side-delivery-language.suite.ts) against Slack, the account in Italian. */
import { SlackDriver } from '../support/chat-side/slack-driver';
import { chatSideDeliveryLanguageSuite } from './chat-side-delivery-language.suite';
import { chatSideLanguageSuite } from './chat-side-language.suite';

describe('agents’ language: Slack', () => {
  chatSideLanguageSuite(() => new SlackDriver(), 'language-slack', 'it');
});

describe('the outbox’s notices in the agents’ language: Slack', () => {
  chatSideDeliveryLanguageSuite(() => new SlackDriver(), 'language-delivery-slack');
});
