/**
 * Formatting both ways: WhatsApp markup shown in Slack (mrkdwn) and Discord (markdown), and agents' formatting,
 * mentions, channel links and emoji codes turned back into what the customer reads.
 */
import { fromDiscordText, toDiscordText } from '../../../adapters/discord/format';
import { fromSlackText, toSlackText } from '../../../adapters/slack/format';
import { struck } from '../../../src/services/render';

const WHATSAPP = 'Order *4411* is _on its way_, ~not~ delayed.\n```tracking: 1Z999```\nSee https://example.com/t?id=1_2';

describe('markup round trip', () => {
  test('WhatsApp → Slack is the same markup (escaped), and an agent writing it back gives the customer the original', () => {
    const slack = toSlackText(WHATSAPP);
    expect(slack).toBe(WHATSAPP); // *bold* _italic_ ~strike~ ```mono``` and links are mrkdwn as they are
    expect(fromSlackText(slack, () => undefined)).toBe(WHATSAPP);
  });

  test('WhatsApp → Discord markdown → back to WhatsApp', () => {
    const discord = toDiscordText(WHATSAPP);
    expect(discord).toBe('Order **4411** is *on its way*, ~~not~~ delayed.\n```tracking: 1Z999```\nSee https://example.com/t?id=1_2');
    expect(fromDiscordText(discord, { user: () => undefined, channel: () => undefined, role: () => undefined })).toBe(WHATSAPP);
  });

  test('an agent’s Slack message: mentions, channel links, labelled links and emoji codes become readable text', () => {
    const names: Record<string, string> = { U0AGENT01: 'Ana Agent' };
    const text = '*Thanks* <@U0AGENT01>! :tada: See <#C0HELP|help-desk> or <https://example.com/faq|our FAQ> :+1::skin-tone-3: :no_such_emoji:';
    expect(fromSlackText(text, (id) => names[id])).toBe('*Thanks* @Ana Agent! 🎉 See #help-desk or our FAQ (https://example.com/faq) 👍🏼 :no_such_emoji:');
  });

  test('a struck deletion mark reads as strike-through on both platforms', () => {
    const body = struck('line one\n\nline ~two~');
    expect(body).toBe('~line one~\n\n~line two~');
    expect(toSlackText(body)).toBe(body);
    expect(toDiscordText(body)).toBe('~~line one~~\n\n~~line two~~');
  });
});
