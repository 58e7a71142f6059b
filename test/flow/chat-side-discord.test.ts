/** The chat-side conformance suite (chat-side.suite.ts) against Discord: real discord.js, the fake REST API and gateway. */
import { DiscordDriver } from '../support/chat-side/discord-driver';
import { chatSideLifecycleSuite } from './chat-side-lifecycle.suite';
import { chatSideSuite } from './chat-side.suite';

describe('chat side: Discord', () => {
  chatSideSuite(() => new DiscordDriver(), 'chat-side-discord');
  chatSideLifecycleSuite(() => new DiscordDriver(), 'chat-side-discord-lifecycle');
});
