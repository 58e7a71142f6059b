/** The chat-side conformance suite (chat-side.suite.ts) against Slack: real Bolt, the fake Slack Web API. */
import { SlackDriver } from '../support/chat-side/slack-driver';
import { chatSideSuite } from './chat-side.suite';

describe('chat side: Slack', () => {
  chatSideSuite(() => new SlackDriver(), 'chat-side-slack');
});
