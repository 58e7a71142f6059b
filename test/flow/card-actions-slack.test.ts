/** The card's buttons (card-actions.suite.ts) on Slack: block_actions through Bolt on POST /slack/events, signed. */
import { SlackCardActionsDriver } from '../support/chat-side/card-actions-slack';
import { eventually } from '../support/harness';
import { ChatSideSteps } from '../support/chat-side/steps';
import { cardActionsSuite } from './card-actions.suite';

describe('card buttons: Slack', () => {
  cardActionsSuite(() => new SlackCardActionsDriver(), 'card-actions-slack');

  test('a block_actions with a wrong signature is refused (401) and changes nothing', async () => {
    const d = new SlackCardActionsDriver();
    await d.start('card-actions-slack-forged');
    try {
      const { thread } = await new ChatSideSteps(d).customerSays('Hello?', { from: '4915100000816' });
      await eventually(() => expect(d.buttonsOn(thread)).toContain('close'));
      const before = d.opening(thread).text;
      const answers = d.ephemeralCount();
      expect(await d.forgedClick(thread, 'close')).toBe(401);
      // Refused before any listener ran: no answer, and a signed click afterwards finds the card as it was (open).
      expect(d.ephemeralCount()).toBe(answers);
      expect(d.opening(thread).text).toBe(before);
      expect(await d.click(thread, 'close')).toEqual({ text: 'Conversation closed.', private: true });
    } finally {
      await d.stop();
    }
  });
});
