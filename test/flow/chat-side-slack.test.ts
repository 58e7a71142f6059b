/** The chat-side conformance suite (chat-side.suite.ts) against Slack: real Bolt, the fake Slack Web API. */
import { SlackDriver } from '../support/chat-side/slack-driver';
import { chatSideLifecycleSuite } from './chat-side-lifecycle.suite';
import { chatSideSuite } from './chat-side.suite';

describe('chat side: Slack', () => {
  chatSideSuite(() => new SlackDriver(), 'chat-side-slack');
  chatSideLifecycleSuite(() => new SlackDriver(), 'chat-side-slack-lifecycle');
});
