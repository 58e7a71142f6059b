/** The interactive-messages suite (interactive.suite.ts) against Discord: real discord.js, the fake REST and gateway; `/wa buttons|list` in the thread. */
import { DiscordInteractiveDriver } from '../support/chat-side/interactive-drivers';
import { interactiveSuite } from './interactive.suite';

describe('interactive messages: Discord', () => {
  interactiveSuite(() => new DiscordInteractiveDriver(), 'interactive-discord');
});
