/** The agents' tools suite (agent-tools.suite.ts) against Slack: real Bolt, the fake Slack Web API. */
import { SlackDriver } from '../support/chat-side/slack-driver';
import { agentToolsSuite } from './agent-tools.suite';

describe('agents’ tools: Slack', () => {
  agentToolsSuite(() => new SlackDriver(), 'agent-tools-slack');
});
