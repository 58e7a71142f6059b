/** The interactive-messages suite (interactive.suite.ts) against Slack: real Bolt, the fake Slack Web API; the list is sent from `/wa list +phone`. */
import { SlackInteractiveDriver } from '../support/chat-side/interactive-drivers';
import { CUSTOMER } from '../support/media';
import { interactiveSuite } from './interactive.suite';

describe('interactive messages: Slack', () => {
  interactiveSuite(() => new SlackInteractiveDriver(), 'interactive-slack', { viaCommand: () => `list +${CUSTOMER}` });
});
