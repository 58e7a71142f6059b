/** Failures and refusals in the agents' language (language-errors.suite.ts) against Slack, the account in Italian. */
import { SlackDriver } from '../support/chat-side/slack-driver';
import { languageErrorsSuite } from './language-errors.suite';

describe('failures in the agents’ language: Slack', () => {
  languageErrorsSuite(() => new SlackDriver(), 'language-errors-slack');
});
