/** The card's buttons (card-actions.suite.ts) on Discord: MESSAGE_COMPONENT and MODAL_SUBMIT interactions over the gateway. */
import { DiscordCardActionsDriver } from '../support/chat-side/card-actions-discord';
import { cardActionsSuite } from './card-actions.suite';

describe('card buttons: Discord', () => {
  cardActionsSuite(() => new DiscordCardActionsDriver(), 'card-actions-discord');
});
