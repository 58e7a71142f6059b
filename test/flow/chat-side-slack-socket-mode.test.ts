/** The chat-side conformance suite (chat-side.suite.ts) against Slack in Socket Mode: real Bolt on the fake's WebSocket. */
import { SlackSocketModeDriver } from '../support/chat-side/slack-socket-driver';
import { chatSideLifecycleSuite } from './chat-side-lifecycle.suite';
import { chatSideSuite } from './chat-side.suite';

describe('chat side: Slack (Socket Mode)', () => {
  chatSideSuite(() => new SlackSocketModeDriver(), 'chat-side-slack-socket');
  chatSideLifecycleSuite(() => new SlackSocketModeDriver(), 'chat-side-slack-socket-lifecycle');
});
