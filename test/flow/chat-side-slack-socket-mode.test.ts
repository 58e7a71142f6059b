/** The chat-side conformance suite (chat-side.suite.ts) against Slack in Socket Mode: real Bolt on the fake's WebSocket. */
import { SlackSocketModeDriver } from '../support/chat-side/slack-socket-driver';
import { chatSideSuite } from './chat-side.suite';

describe('chat side: Slack (Socket Mode)', () => {
  chatSideSuite(() => new SlackSocketModeDriver(), 'chat-side-slack-socket');
});
