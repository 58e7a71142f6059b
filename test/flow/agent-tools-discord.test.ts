/** The agents' tools suite (agent-tools.suite.ts) against Discord: the real discord.js client, the fake REST API and gateway. */
import { DiscordDriver } from '../support/chat-side/discord-driver';
import { agentToolsSuite } from './agent-tools.suite';

describe('agents’ tools: Discord', () => {
  agentToolsSuite(() => new DiscordDriver(), 'agent-tools-discord');
});
