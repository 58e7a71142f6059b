/**
 * What agents see after a template send: the customer's thread (opened or reused) with the filled-in template and
 * who sent it, its delivery status like any outgoing message, and the customer's answer in that same thread.
 * Also who may send templates (TEMPLATE_SENDERS, Slack user groups, per template in BRIDGE_CONFIG).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_PHONE_NUMBER_ID } from '../fixtures/whatsapp';
import { AGENT, CHANNEL, type Harness } from '../support/harness';
import { startTemplateHarness, templateSends, threadOf, wa } from '../support/templates';
import { customerText, statusUpdate } from '../support/webhooks';

const COUPON = 'coupon_expiration_reminder_number_vars:en';
const BOSS = 'U0BOSS0001';

describe('the customer’s thread', () => {
  let h: Harness;
  const wamids = new Map<string, string>();
  beforeAll(async () => {
    h = await startTemplateHarness('templates-thread');
    h.graph.onMessageSent = (body, wamid) => wamids.set(String(body.to), wamid);
  });
  afterAll(async () => {
    await h.close();
  });

  test('a send opens the thread with the filled-in template; its status shows there; the answer lands in the same thread and pings the sender', async () => {
    const digits = '447911123456'; // a valid UK mobile: Ofcom's drama range (07700 900…) is refused by the phone check
    expect(await wa(h, `template +${digits} ${COUPON} Pablo SUMMER20 10`)).toMatch(/^✅/);
    const post = await h.eventually(() => {
      const thread = threadOf(h, digits);
      const p = h.slack.threadReplies(CHANNEL, thread).find((m) => m.text.includes('Act fast, Pablo!'));
      expect(p).toBeDefined();
      return p!;
    });
    expect(post.text).toContain('your exclusive coupon code, SUMMER20, *expires in only 10 days!*');
    expect(post.text).toContain('_Lucky Shrub Succulents_');
    expect(post.text).toContain('sent by Ana Agent with `/wa template coupon_expiration_reminder_number_vars`');
    expect(post.username).toBe('Ana Agent · template');

    // Recorded as an outbound message of the customer's conversation; the 24-hour window is still closed.
    const conversationId = `${FIXTURE_PHONE_NUMBER_ID}:${digits}`;
    const conversation = await h.bridge.store.getConversation(conversationId);
    expect(conversation?.lastInboundAt).toBeUndefined();
    const wamid = await h.eventually(() => {
      const w = wamids.get(`+${digits}`);
      expect(w).toMatch(/^wamid\./);
      return w!;
    });
    await h.eventually(async () => {
      const m = await h.bridge.store.findMessageByWamid(wamid);
      expect(m).toMatchObject({
        conversationId,
        direction: 'outbound',
        template: { name: 'coupon_expiration_reminder_number_vars', language: 'en' },
        sentBy: { platform: 'slack', userId: AGENT, name: 'Ana Agent' },
      });
    });

    await h.postWebhook(statusUpdate(wamid, 'delivered'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, post.ts)).toEqual(['white_check_mark']));
    await h.postWebhook(statusUpdate(wamid, 'read'));
    await h.eventually(() => expect(h.slack.reactionsOn(CHANNEL, post.ts)).toEqual(['eyes']));

    await h.postWebhook(customerText({ from: digits, name: 'Pablo', text: 'Thanks, I will use it!' }));
    await h.eventually(() => {
      const answer = h.slack.threadReplies(CHANNEL, threadOf(h, digits)).find((m) => m.text.includes('Thanks, I will use it!'));
      expect(answer).toBeDefined();
      expect(answer!.text).toContain(`<@${AGENT}>`);
    });
    // One thread for this customer, not a second one for the answer.
    expect(h.slack.messages(CHANNEL).filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.includes(`+${digits}`))).toHaveLength(1);
    expect((await h.bridge.store.getConversation(conversationId))?.lastInboundAt).toBeInstanceOf(Date);
  });

  test('a second template to the same customer goes into the existing thread', async () => {
    const digits = '447911123457';
    await wa(h, `template +${digits} ${COUPON} Ana ONE 1`);
    const thread = await h.eventually(() => {
      const t = threadOf(h, digits);
      expect(h.slack.threadReplies(CHANNEL, t).some((m) => m.text.includes('Act fast, Ana!'))).toBe(true);
      return t;
    });
    await wa(h, `template +${digits} ${COUPON} Bea TWO 2`);
    await h.eventually(() => expect(h.slack.threadReplies(CHANNEL, thread).some((m) => m.text.includes('Act fast, Bea!'))).toBe(true));
    expect(h.slack.messages(CHANNEL).filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.includes(`+${digits}`))).toHaveLength(1);
  });
});

describe('who may send templates', () => {
  test('TEMPLATE_SENDERS: others get a clear refusal; a listed user and a member of a listed Slack user group may send', async () => {
    const h = await startTemplateHarness('templates-allow', { env: { TEMPLATE_SENDERS: `${BOSS},S0SUPPORT1` } });
    try {
      h.slack.addUserGroup('S0SUPPORT1', ['U0MEMBER01']);
      const refusal = await wa(h, `template +4915112345678 ${COUPON} Pablo SUMMER20 10`, AGENT);
      expect(refusal).toMatch(/^🚫 You may not send WhatsApp templates from default\. Only the people listed in TEMPLATE_SENDERS/);
      await new Promise((r) => setTimeout(r, 200));
      expect(templateSends(h)).toHaveLength(0);

      expect(await wa(h, `template +4915112345678 ${COUPON} Pablo SUMMER20 10`, BOSS)).toMatch(/^✅/);
      expect(await wa(h, `template +4915112345679 ${COUPON} Pablo SUMMER20 10`, 'U0MEMBER01')).toMatch(/^✅/);
      await h.eventually(() =>
        expect(
          templateSends(h)
            .map((b) => b.to)
            .sort(),
        ).toEqual(['+4915112345678', '+4915112345679']),
      );
    } finally {
      await h.close();
    }
  });

  test('per template (templateSendersByTemplate in BRIDGE_CONFIG) replaces the number’s list for that template only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wa-allow-'));
    const file = join(dir, 'accounts.json');
    writeFileSync(
      file,
      JSON.stringify({
        accounts: [
          {
            name: 'Support',
            phoneNumberId: FIXTURE_PHONE_NUMBER_ID,
            businessAccountId: '102290129340398',
            slack: { channelId: CHANNEL },
            templateSendersByTemplate: { reservation_confirmation: [BOSS] },
          },
        ],
      }),
    );
    const h = await startTemplateHarness('templates-allow-tpl', { env: { BRIDGE_CONFIG: file, WHATSAPP_PHONE_NUMBER_ID: '', SLACK_CHANNEL_ID: '' } });
    try {
      const reservation = 'template +4915112345678 reservation_confirmation header=https://example.com/t.jpg number_of_guests=2 day=Friday date=today time=8pm';
      expect(await wa(h, reservation, AGENT)).toMatch(
        /^🚫 You may not send the template `reservation_confirmation` from Support\. Only the people listed in templateSendersByTemplate\.reservation_confirmation/,
      );
      // No list for the number itself: anyone may send the other templates.
      expect(await wa(h, `template +4915112345678 ${COUPON} Pablo SUMMER20 10`, AGENT)).toMatch(/^✅/);
      expect(await wa(h, reservation, BOSS)).toMatch(/^✅/);
      await h.eventually(() =>
        expect(
          templateSends(h)
            .map((b) => b.template.name)
            .sort(),
        ).toEqual(['coupon_expiration_reminder_number_vars', 'reservation_confirmation']),
      );
    } finally {
      await h.close();
    }
  });
});
