/**
 * decodeWebhook(): Meta's envelope → WhatsAppEvents, checked against the payloads in test/fixtures/whatsapp
 * (copied from Meta's reference and library test suites, see SOURCES.md).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { decodeWebhook, type Normalized } from '../../../../adapters/whatsapp/normalize';
import type { AccountEvent, InboundCustomerMessage, StatusUpdate, WhatsAppEvent } from '../../../../src/domain/whatsapp';
import { escapeLikeMeta } from '../../../fakes/meta-signature';
import { accountEventText } from '../../../../src/services/present/account-event-text';
import { FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID, loadWhatsAppFixture, loadWhatsAppFixtureText } from '../../../fixtures/whatsapp';

const FIXTURE_DIR = path.join(__dirname, '..', '..', '..', 'fixtures', 'whatsapp');
const ALL_FIXTURES = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

const at = (unixSeconds: number) => new Date(unixSeconds * 1000);

function decode(payload: unknown): Normalized {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const result = decodeWebhook(Buffer.from(text, 'utf8'));
  if (!result.ok) throw new Error(`decode refused the body: ${result.reason}`);
  return result.normalized;
}

/** The bytes Meta would send for a fixture (escaped unicode and slashes). */
function decodeFixture(name: string): Normalized {
  return decode(escapeLikeMeta(JSON.stringify(loadWhatsAppFixture(name))));
}

function onlyEvent(n: Normalized): WhatsAppEvent {
  expect(n.warnings).toEqual([]);
  expect(n.events).toHaveLength(1);
  return n.events[0]!;
}

function messageOf(e: WhatsAppEvent | undefined): InboundCustomerMessage {
  if (e?.type !== 'message') throw new Error(`expected a message event, got ${JSON.stringify(e)}`);
  return e.message;
}

function statusOf(e: WhatsAppEvent | undefined): StatusUpdate {
  if (e?.type !== 'status') throw new Error(`expected a status event, got ${JSON.stringify(e)}`);
  return e.status;
}

function accountOf(e: WhatsAppEvent | undefined): AccountEvent {
  if (e?.type !== 'account') throw new Error(`expected an account event, got ${JSON.stringify(e)}`);
  return e.event;
}

const fixtureMessage = (name: string) => messageOf(onlyEvent(decodeFixture(name)));

// Values shared by most of Meta's own examples.
const SHEENA = { waId: '16505551234', userId: undefined, name: 'Sheena Nelson' };
const PYWA_USER = { waId: '972987654321', userId: undefined, name: 'Test Name' };
const WAMID_A = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=';
const WAMID_B = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=';
const BUSINESS_WAMID = 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=';

describe('every fixture', () => {
  it('finds the fixtures', () => {
    expect(ALL_FIXTURES.length).toBeGreaterThanOrEqual(34);
  });

  it.each(ALL_FIXTURES)('%s decodes to at least one event, as stored and as Meta escapes it', (name) => {
    const raw = decodeWebhook(Buffer.from(loadWhatsAppFixtureText(name), 'utf8'));
    const escaped = decodeWebhook(Buffer.from(escapeLikeMeta(loadWhatsAppFixtureText(name)), 'utf8'));
    expect(raw.ok).toBe(true);
    expect(escaped).toEqual(raw);
    if (!raw.ok) return;
    expect(raw.normalized.warnings).toEqual([]);
    expect(raw.normalized.events.length).toBeGreaterThanOrEqual(1);
  });
});

describe('inbound messages', () => {
  it('text', () => {
    expect(fixtureMessage('message-text')).toEqual({
      accountId: FIXTURE_PHONE_NUMBER_ID,
      wamid: WAMID_A,
      customer: SHEENA,
      sentAt: at(1749416383),
      content: { kind: 'text', text: 'Does it come in another color?' },
    });
  });

  it('text: sentAt is the string timestamp in seconds; no reply/forward/referral/errors', () => {
    const m = fixtureMessage('message-text');
    expect(m.sentAt.toISOString()).toBe('2025-06-08T20:59:43.000Z');
    expect(m.replyToWamid).toBeUndefined();
    expect(m.forwarded).toBeUndefined();
    expect(m.referral).toBeUndefined();
    expect(m.errors).toBeUndefined();
  });

  it('image with caption', () => {
    const m = fixtureMessage('message-image');
    expect(m.customer).toEqual(SHEENA);
    expect(m.sentAt).toEqual(at(1744344496));
    expect(m.content).toEqual({ kind: 'media', media: 'image', mediaId: '1003383421387256', mimeType: 'image/jpeg', caption: 'Taj Mahal' });
  });

  it('video with caption', () => {
    expect(fixtureMessage('message-video').content).toEqual({
      kind: 'media',
      media: 'video',
      mediaId: '731675419373506',
      mimeType: 'video/mp4',
      caption: 'Timelapse of growth',
    });
  });

  it('document with filename and caption', () => {
    expect(fixtureMessage('message-document').content).toEqual({
      kind: 'media',
      media: 'document',
      mediaId: '622684793477189',
      mimeType: 'application/pdf',
      caption: 'my receipt',
      filename: 'receipt.pdf',
    });
  });

  it('animated sticker', () => {
    expect(fixtureMessage('message-sticker').content).toEqual({
      kind: 'media',
      media: 'sticker',
      mediaId: '1908647269898587',
      mimeType: 'image/webp',
      animated: true,
    });
  });

  it('voice note', () => {
    const m = fixtureMessage('message-audio-voice');
    expect(m).toEqual({
      accountId: FIXTURE_PHONE_NUMBER_ID,
      wamid: 'wamid.xyzxyz',
      customer: PYWA_USER,
      sentAt: at(1697043473),
      content: { kind: 'media', media: 'audio', mediaId: '1234567890987654321', mimeType: 'audio/ogg; codecs=opus', voice: true },
    });
  });

  it('location (forwarded)', () => {
    const m = fixtureMessage('message-location');
    expect(m.content).toEqual({
      kind: 'location',
      latitude: 37.4611978,
      longitude: -122.2164385,
      name: 'Facebook HQ',
      address: '1 Hacker Way, Menlo Park, CA 94025',
      url: 'https://maps.google.com/?cid=2000000000000000000',
    });
    expect(m.forwarded).toBe('forwarded');
    expect(m.replyToWamid).toBeUndefined();
    expect(m.sentAt).toEqual(at(1697044557));
  });

  it('location sent with string coordinates still gives numbers', () => {
    const p = loadWhatsAppFixture('message-location');
    Object.assign(p.entry[0].changes[0].value.messages[0].location, { latitude: '48.8584', longitude: '2.2945' });
    const c = messageOf(onlyEvent(decode(p))).content;
    expect(c).toMatchObject({ kind: 'location', latitude: 48.8584, longitude: 2.2945 });
  });

  it('contacts', () => {
    expect(fixtureMessage('message-contacts').content).toEqual({
      kind: 'contacts',
      contacts: [{ name: 'Barbara J. Johnson', phones: ['+1 (415) 555-0829'], emails: [], org: 'Social Tsunami' }],
    });
  });

  it('contacts: name from first/last name, phone from wa_id, emails, and a card without any name', () => {
    const p = loadWhatsAppFixture('message-contacts');
    p.entry[0].changes[0].value.messages[0].contacts = [
      { name: { first_name: 'Ana', last_name: 'Lima' }, phones: [{ wa_id: '5511999990000' }], emails: [{ email: 'ana@example.com' }, { type: 'WORK' }] },
      { phones: [{ phone: '+1 555 0100' }] },
    ];
    expect(messageOf(onlyEvent(decode(p))).content).toEqual({
      kind: 'contacts',
      contacts: [
        { name: 'Ana Lima', phones: ['5511999990000'], emails: ['ana@example.com'], org: undefined },
        // Was '' before the fix in normalize.ts (`?? 'unnamed'` after a join() never applies).
        { name: 'unnamed', phones: ['+1 555 0100'], emails: [], org: undefined },
      ],
    });
  });

  it('interactive button_reply, as a reply to the business message', () => {
    const m = fixtureMessage('message-interactive-button-reply');
    expect(m.content).toEqual({ kind: 'interactive_reply', replyType: 'button', id: 'cancel-button', title: 'Cancel' });
    expect(m.replyToWamid).toBe('wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA');
    expect(m.forwarded).toBeUndefined();
  });

  it('interactive list_reply', () => {
    const m = fixtureMessage('message-interactive-list-reply');
    expect(m.content).toEqual({
      kind: 'interactive_reply',
      replyType: 'list',
      id: 'priority_express',
      title: 'Priority Mail Express',
      description: 'Next Day to 2 Days',
    });
    expect(m.replyToWamid).toBe(BUSINESS_WAMID);
  });

  it('interactive nfm_reply (flow) keeps the response JSON', () => {
    const p = loadWhatsAppFixture('message-interactive-button-reply');
    p.entry[0].changes[0].value.messages[0].interactive = {
      type: 'nfm_reply',
      nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"t","size":"M"}' },
    };
    expect(messageOf(onlyEvent(decode(p))).content).toEqual({
      kind: 'interactive_reply',
      replyType: 'flow',
      title: 'Sent',
      description: '{"flow_token":"t","size":"M"}',
    });
  });

  it('template quick-reply button', () => {
    const m = fixtureMessage('message-button');
    expect(m.content).toEqual({ kind: 'button', text: 'Unsubscribe', payload: 'Unsubscribe' });
    expect(m.replyToWamid).toBe(BUSINESS_WAMID);
    expect(m.sentAt).toEqual(at(1750091045));
  });

  it('reaction: target and emoji, never treated as a reply', () => {
    const m = fixtureMessage('message-reaction');
    expect(m.content).toEqual({ kind: 'reaction', targetWamid: BUSINESS_WAMID, emoji: '👍' });
    expect(m.replyToWamid).toBeUndefined();
  });

  it('reaction removed: emoji absent', () => {
    expect(fixtureMessage('message-reaction-removed').content).toEqual({ kind: 'reaction', targetWamid: BUSINESS_WAMID, emoji: undefined });
  });

  it('reaction removed: emoji "" becomes undefined', () => {
    const p = loadWhatsAppFixture('message-reaction');
    p.entry[0].changes[0].value.messages[0].reaction.emoji = '';
    const c = messageOf(onlyEvent(decode(p))).content;
    expect(c).toEqual({ kind: 'reaction', targetWamid: BUSINESS_WAMID, emoji: undefined });
    expect(c.kind === 'reaction' ? c.emoji : 'not a reaction').toBeUndefined();
  });

  it('order', () => {
    const m = fixtureMessage('message-order');
    expect(m.customer).toEqual(PYWA_USER);
    expect(m.content).toEqual({
      kind: 'order',
      catalogId: '354160437058781',
      text: '',
      items: [
        { productRetailerId: 'HAMBURGER', quantity: 3, itemPrice: 30, currency: 'ILS' },
        { productRetailerId: 'FRENCH_FRIES', quantity: 2, itemPrice: 35, currency: 'ILS' },
        { productRetailerId: 'SODA', quantity: 2, itemPrice: 10, currency: 'ILS' },
      ],
    });
  });

  it('system: user changed number (no contacts[] in the payload)', () => {
    const m = fixtureMessage('message-system-user-changed-number');
    expect(m).toEqual({
      accountId: FIXTURE_PHONE_NUMBER_ID,
      wamid: 'wamid.HBgLMTk4MzU1NTE5NzQVAgASGAoxMTgyMDg2MjY3AA==',
      customer: { waId: '16505551234', userId: undefined, name: undefined },
      sentAt: at(1750269342),
      content: { kind: 'system', text: 'User Sheena Nelson changed from 16505551234 to 12195555358', systemType: 'user_changed_number' },
    });
  });

  it('edit: target wamid; the edited message here is an image, so its new text is the caption', () => {
    expect(fixtureMessage('message-edit').content).toEqual({ kind: 'edit', targetWamid: BUSINESS_WAMID, newText: 'Updated image caption' });
  });

  it('edit of a text message carries the new text', () => {
    const p = loadWhatsAppFixture('message-edit');
    p.entry[0].changes[0].value.messages[0].edit.message = { type: 'text', text: { body: 'Actually, blue' } };
    expect(messageOf(onlyEvent(decode(p))).content).toEqual({ kind: 'edit', targetWamid: BUSINESS_WAMID, newText: 'Actually, blue' });
  });

  it('revoke: target wamid', () => {
    const m = fixtureMessage('message-revoke');
    expect(m.content).toEqual({ kind: 'revoke', targetWamid: BUSINESS_WAMID });
    expect(m.wamid).toBe(WAMID_B);
  });

  it('unsupported: inner type, error code in the detail, errors kept', () => {
    const m = fixtureMessage('message-unsupported');
    expect(m.content).toEqual({ kind: 'unsupported', originalType: 'edit', detail: '131051: Message type is currently not supported.' });
    expect(m.errors).toEqual([{ code: 131051, title: 'Message type unknown', details: 'Message type is currently not supported.' }]);
  });

  it('an unknown future type ("poll_vote") becomes unsupported and does not reject the batch', () => {
    const p = loadWhatsAppFixture('message-text');
    const value = p.entry[0].changes[0].value;
    const poll = { ...value.messages[0], id: 'wamid.POLL', type: 'poll_vote', poll_vote: { poll_id: 'wamid.P', selected_options: ['Blue'] } };
    delete poll.text;
    value.messages = [poll, value.messages[0]];
    const n = decode(p);
    expect(n.warnings).toEqual([]);
    expect(n.events.map((e) => messageOf(e).content)).toEqual([
      { kind: 'unsupported', originalType: 'poll_vote', detail: 'a message type this bridge does not know yet' },
      { kind: 'text', text: 'Does it come in another color?' },
    ]);
    expect(messageOf(n.events[0]).wamid).toBe('wamid.POLL');
  });

  it('a known type with a malformed object becomes unsupported with a reason, not a thrown error', () => {
    const p = loadWhatsAppFixture('message-text');
    p.entry[0].changes[0].value.messages[0].text = { preview: 'no body' };
    expect(messageOf(onlyEvent(decode(p))).content).toEqual({ kind: 'unsupported', originalType: 'text', detail: 'text without a body' });
  });

  it('referral (click-to-WhatsApp ad)', () => {
    const m = fixtureMessage('message-text-referral');
    expect(m).toEqual({
      accountId: FIXTURE_PHONE_NUMBER_ID,
      wamid: 'wamid.ID',
      customer: PYWA_USER,
      sentAt: at(1697045000),
      content: { kind: 'text', text: 'BODY' },
      referral: { headline: 'AD_TITLE', body: 'AD_DESCRIPTION', sourceUrl: 'AD_OR_POST_FB_URL', sourceType: 'ad or post' },
    });
  });

  it('context.id → replyToWamid; frequently_forwarded wins over forwarded', () => {
    const p = loadWhatsAppFixture('message-text');
    p.entry[0].changes[0].value.messages[0].context = { from: '15550783881', id: 'wamid.QUOTED', forwarded: true, frequently_forwarded: true };
    const m = messageOf(onlyEvent(decode(p)));
    expect(m.replyToWamid).toBe('wamid.QUOTED');
    expect(m.forwarded).toBe('frequently_forwarded');
  });
});

describe('customers identified by business-scoped user id (BSUID)', () => {
  it('no wa_id, no from: userId set, waId undefined', () => {
    const m = fixtureMessage('message-text-bsuid');
    expect(m.customer).toEqual({ waId: undefined, userId: 'US.13491208655302741918', name: 'Sheena Nelson' });
    expect('waId' in m.customer ? m.customer.waId : undefined).toBeUndefined();
    expect(m.content).toEqual({ kind: 'text', text: 'Does it come in another color?' });
  });

  it('wa_id "" and from "": treated as absent (was waId "" before the fix in customerFor)', () => {
    const m = fixtureMessage('message-text-bsuid-empty-wa-id');
    expect(m.customer).toEqual({ waId: undefined, userId: 'user.93737...', name: 'Sheena Nelson' });
    expect(m.customer.waId).not.toBe('');
  });

  it('username is the name when the profile has no name', () => {
    const p = loadWhatsAppFixture('message-text-bsuid');
    delete p.entry[0].changes[0].value.contacts[0].profile.name;
    expect(messageOf(onlyEvent(decode(p))).customer).toEqual({ waId: undefined, userId: 'US.13491208655302741918', name: '@realsheenanelson' });
  });

  it('contacts are matched to each message by wa_id or user id', () => {
    const p = loadWhatsAppFixture('message-text');
    const value = p.entry[0].changes[0].value;
    value.contacts = [
      { profile: { name: 'Bea' }, user_id: 'BR.42' },
      { profile: { name: 'Al' }, wa_id: '111111' },
    ];
    value.messages = [
      { from: '111111', id: 'wamid.1', timestamp: '1700000000', type: 'text', text: { body: 'one' } },
      { from_user_id: 'BR.42', id: 'wamid.2', timestamp: '1700000001', type: 'text', text: { body: 'two' } },
    ];
    const n = decode(p);
    expect(n.events.map((e) => messageOf(e).customer)).toEqual([
      { waId: '111111', userId: undefined, name: 'Al' },
      { waId: undefined, userId: 'BR.42', name: 'Bea' },
    ]);
  });

  it('a message that names no sender at all is skipped with a warning', () => {
    const p = loadWhatsAppFixture('message-text');
    const value = p.entry[0].changes[0].value;
    delete value.contacts;
    delete value.messages[0].from;
    const n = decode(p);
    expect(n.events).toEqual([]);
    expect(n.warnings).toEqual([`message ${WAMID_A} names no sender (no from, no user id)`]);
    expect(n.quarantined).toEqual([{ code: 'no_sender', reason: `message ${WAMID_A} names no sender (no from, no user id)`, event: value.messages[0] }]);
  });
});

describe('statuses', () => {
  it('sent', () => {
    expect(statusOf(onlyEvent(decodeFixture('status-sent')))).toEqual({
      accountId: FIXTURE_PHONE_NUMBER_ID,
      wamid: WAMID_B,
      status: 'sent',
      at: at(1750030073),
      recipient: '16505551234',
    });
  });

  it('delivered', () => {
    expect(statusOf(onlyEvent(decodeFixture('status-delivered')))).toEqual({
      accountId: FIXTURE_PHONE_NUMBER_ID,
      wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA',
      status: 'delivered',
      at: at(1750263773),
      recipient: '16505551234',
    });
  });

  it('read', () => {
    expect(statusOf(onlyEvent(decodeFixture('status-read')))).toEqual({
      accountId: FIXTURE_PHONE_NUMBER_ID,
      wamid: 'wamid.xyzxyz',
      status: 'read',
      at: at(1689380458),
      recipient: '972987654321',
    });
  });

  it('read (v25, with recipient_user_id and contacts[])', () => {
    expect(statusOf(onlyEvent(decodeFixture('status-read-bsuid')))).toEqual({
      accountId: FIXTURE_PHONE_NUMBER_ID,
      wamid: 'ABGGFlA5Fpa',
      status: 'read',
      at: at(1504902988),
      recipient: '16315551181',
    });
  });

  it('recipient falls back to recipient_user_id when recipient_id is omitted', () => {
    const p = loadWhatsAppFixture('status-read-bsuid');
    delete p.entry[0].changes[0].value.statuses[0].recipient_id;
    expect(statusOf(onlyEvent(decode(p))).recipient).toBe('US.13491208655302741918');
  });

  it('failed, with the error code, title and details', () => {
    expect(statusOf(onlyEvent(decodeFixture('status-failed-131049')))).toEqual({
      accountId: FIXTURE_PHONE_NUMBER_ID,
      wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA',
      status: 'failed',
      at: at(1751142888),
      recipient: '16505551234',
      error: {
        code: 131049,
        title: 'This message was not delivered to maintain healthy ecosystem engagement.',
        details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
      },
    });
  });

  it('failed with 131047 (no published Meta example: the 131049 fixture with errors[0] changed)', () => {
    const p = loadWhatsAppFixture('status-failed-131049');
    p.entry[0].changes[0].value.statuses[0].errors = [
      {
        code: 131047,
        title: 'Re-engagement message',
        message: 'Re-engagement message',
        error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
      },
    ];
    expect(statusOf(onlyEvent(decode(p))).error).toEqual({
      code: 131047,
      title: 'Re-engagement message',
      details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    });
  });

  it('played is known', () => {
    const p = loadWhatsAppFixture('status-read');
    p.entry[0].changes[0].value.statuses[0].status = 'played';
    expect(statusOf(onlyEvent(decode(p))).status).toBe('played');
  });

  it('an unknown status value is skipped with a warning, its siblings kept', () => {
    const p = loadWhatsAppFixture('status-read');
    const value = p.entry[0].changes[0].value;
    value.statuses = [{ ...value.statuses[0], status: 'deleted' }, value.statuses[0]];
    const n = decode(p);
    expect(n.warnings).toEqual(['status "deleted" for wamid.xyzxyz is not one this bridge knows; kept in the raw log only']);
    expect(n.events.map((e) => statusOf(e).status)).toEqual(['read']);
  });

  it('a status missing its id is skipped with a warning', () => {
    const p = loadWhatsAppFixture('status-read');
    delete p.entry[0].changes[0].value.statuses[0].id;
    const n = decode(p);
    expect(n.events).toEqual([]);
    expect(n.warnings).toHaveLength(1);
    expect(n.warnings[0]).toMatch(/^status skipped: id: /);
    expect(n.quarantined.map((q) => q.code)).toEqual(['invalid_shape']);
  });
});

describe('account events (templates, account, system errors)', () => {
  const cases: Array<[string, string, string]> = [
    ['template-status-approved', 'message_template_status_update', 'Template order_confirmation [en-US] is now APPROVED'],
    ['template-status-rejected', 'message_template_status_update', 'Template abandoned_cart [en] is now REJECTED (reason: INVALID_FORMAT)'],
    ['template-quality-update', 'message_template_quality_update', 'Template welcome_template [en-US] quality: GREEN → YELLOW'],
    // The payload has only new_category; the summary was "category:  → MARKETING" before the fix in account-events.ts.
    ['template-category-update', 'template_category_update', 'Template my_message_template [he] category is now MARKETING'],
    ['account-update-disabled', 'account_update', 'WhatsApp account update: DISABLED_UPDATE'],
    ['account-update-restriction', 'account_update', 'WhatsApp account update: ACCOUNT_RESTRICTION'],
    ['account-update-violation', 'account_update', 'WhatsApp account update: ACCOUNT_VIOLATION'],
  ];

  it.each(cases)('%s → %s: "%s"', (name, field, summary) => {
    const payload = loadWhatsAppFixture(name);
    const { text, ...event } = accountOf(onlyEvent(decode(payload)));
    expect(event).toEqual({ field, wabaId: FIXTURE_WABA_ID, summary, value: payload.entry[0].changes[0].value });
    expect(event.accountId).toBeUndefined();
    // The catalogue's text (area `account`) reads as the summary in English, and in the account's language elsewhere.
    expect(accountEventText('en', text!)).toBe(summary);
    expect(accountEventText('it', text!)).not.toBe(summary);
    expect(accountEventText('it', text!)).not.toMatch(/\{\{/);
  });

  it('template_category_update with a previous category shows both', () => {
    const p = loadWhatsAppFixture('template-category-update');
    p.entry[0].changes[0].value.previous_category = 'UTILITY';
    expect(accountOf(onlyEvent(decode(p))).summary).toBe('Template my_message_template [he] category: UTILITY → MARKETING');
  });

  it('an unknown field is kept with a generic summary', () => {
    const p = loadWhatsAppFixture('account-update-violation');
    p.entry[0].changes[0].field = 'business_capability_update';
    p.entry[0].changes[0].value = { max_daily_conversation_per_phone: 1000 };
    expect(accountOf(onlyEvent(decode(p)))).toEqual({
      field: 'business_capability_update',
      wabaId: FIXTURE_WABA_ID,
      summary: 'WhatsApp sent a "business_capability_update" update',
      text: { key: 'account.events.other', vars: { field: 'business_capability_update' } },
      value: { max_daily_conversation_per_phone: 1000 },
    });
    expect(accountEventText('fr', accountOf(onlyEvent(decode(p))).text!)).toBe('WhatsApp a envoyé une mise à jour « business_capability_update »');
  });

  it('errors-130429 (value.errors) → an account event for that number', () => {
    const payload = loadWhatsAppFixture('errors-130429');
    expect(accountOf(onlyEvent(decode(payload)))).toEqual({
      field: 'messages.errors',
      // Was '' before the fix in normalize.ts.
      wabaId: FIXTURE_WABA_ID,
      accountId: FIXTURE_PHONE_NUMBER_ID,
      summary:
        'WhatsApp reported error 130429: Rate limit hit Message failed to send because there were too many messages sent from this phone number in a short period of time',
      value: payload.entry[0].changes[0].value.errors[0],
    });
  });
});

describe('batches', () => {
  it('2 entries × 2 changes × several messages/statuses → every event, in order', () => {
    const valueOf = (name: string) => loadWhatsAppFixture(name).entry[0].changes[0].value;
    const text = valueOf('message-text');
    const image = valueOf('message-image');
    const location = valueOf('message-location');
    const reaction = valueOf('message-reaction');
    const sent = valueOf('status-sent');
    const read = valueOf('status-read');
    const failed = valueOf('status-failed-131049');

    const change1 = { ...text, messages: [text.messages[0], { ...image.messages[0], id: 'wamid.IMG' }] };
    const change2 = {
      ...location,
      messages: [location.messages[0], { ...location.messages[0], id: 'wamid.LOC2', type: 'reaction', reaction: reaction.messages[0].reaction }],
    };
    const change3 = { ...sent, statuses: [sent.statuses[0], read.statuses[0], failed.statuses[0]] };
    const envelope = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: FIXTURE_WABA_ID,
          changes: [
            { field: 'messages', value: change1 },
            { field: 'messages', value: change2 },
          ],
        },
        {
          id: '999999999999',
          time: 1750000000,
          changes: [{ field: 'messages', value: change3 }, loadWhatsAppFixture('template-status-approved').entry[0].changes[0]],
        },
      ],
    };
    const n = decode(envelope);
    expect(n.warnings).toEqual([]);
    expect(
      n.events.map((e) =>
        e.type === 'message'
          ? `message ${e.message.wamid} ${e.message.content.kind}`
          : e.type === 'status'
            ? `status ${e.status.wamid} ${e.status.status}`
            : `account ${e.event.field} ${e.event.wabaId}`,
      ),
    ).toEqual([
      `message ${WAMID_A} text`,
      'message wamid.IMG media',
      'message wamid.xyzxyz location',
      'message wamid.LOC2 reaction',
      `status ${WAMID_B} sent`,
      'status wamid.xyzxyz read',
      'status wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA failed',
      'account message_template_status_update 999999999999',
    ]);
  });

  it('a message without an id is skipped with a warning; its siblings are kept', () => {
    const p = loadWhatsAppFixture('message-text');
    const value = p.entry[0].changes[0].value;
    const base = value.messages[0];
    const broken = { ...base, text: { body: 'lost' } };
    delete broken.id;
    value.messages = [{ ...base, id: 'wamid.first' }, broken, { ...base, id: 'wamid.third' }];
    const n = decode(p);
    expect(n.events.map((e) => messageOf(e).wamid)).toEqual(['wamid.first', 'wamid.third']);
    expect(n.warnings).toHaveLength(1);
    expect(n.warnings[0]).toMatch(/^message skipped: id: /);
    expect(n.quarantined).toEqual([{ code: 'invalid_shape', reason: n.warnings[0], event: broken }]);
  });

  it('a messages change without metadata is skipped with a warning; the other changes are kept', () => {
    const p = loadWhatsAppFixture('message-text');
    const good = p.entry[0].changes[0];
    p.entry[0].changes = [{ field: 'messages', value: { messaging_product: 'whatsapp', messages: [] } }, good];
    const n = decode(p);
    expect(n.warnings).toEqual(['messages change without metadata.phone_number_id: kept in the raw log only']);
    expect(n.events.map((e) => messageOf(e).wamid)).toEqual([WAMID_A]);
  });

  it('an envelope without entries decodes to nothing', () => {
    expect(decode({ object: 'whatsapp_business_account', entry: [] })).toEqual({ events: [], warnings: [], quarantined: [] });
  });
});

describe('bodies that are not WhatsApp envelopes', () => {
  it('non-JSON is refused', () => {
    expect(decodeWebhook(Buffer.from('hub.mode=subscribe&x=1'))).toEqual({ ok: false, reason: 'body is not JSON' });
    expect(decodeWebhook(Buffer.alloc(0))).toEqual({ ok: false, reason: 'body is not JSON' });
  });

  it('{} is refused as not an envelope', () => {
    const r = decodeWebhook(Buffer.from('{}'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^not a webhook envelope: .*object/);
  });

  it('{"object":"page"} (no entry) is refused as not an envelope', () => {
    const r = decodeWebhook(Buffer.from('{"object":"page"}'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^not a webhook envelope: entry: /);
  });

  it('JSON null or an array is refused', () => {
    expect(decodeWebhook(Buffer.from('null')).ok).toBe(false);
    expect(decodeWebhook(Buffer.from('[]')).ok).toBe(false);
  });

  it('a well-formed envelope for another object (e.g. page) is accepted but ignored with a warning', () => {
    const p = loadWhatsAppFixture('message-text');
    p.object = 'page';
    expect(decodeWebhook(Buffer.from(JSON.stringify(p)))).toEqual({
      ok: true,
      normalized: { events: [], warnings: ['object "page" is not whatsapp_business_account; ignored'], quarantined: [] },
    });
  });
});
