/** mentionsFor(): who is pinged when a customer writes (Odoo's rule, see notify.ts). */
import type { Participant } from '../../../../src/domain/records';
import { mentionsFor, REOPEN_AFTER_MS } from '../../../../src/services/notify';

const NOW = new Date('2026-05-20T12:00:00Z');
const DAY = 24 * 3600 * 1000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const NOTIFY = ['UNOTIFY1', 'UNOTIFY2'];

const participants: Participant[] = [
  { platform: 'slack', userId: 'UAGENT1', name: 'Ana', lastReplyAt: ago(2 * DAY) },
  { platform: 'discord', userId: '123456789012345678', name: 'Bo', lastReplyAt: ago(1 * DAY) },
  { platform: 'slack', userId: 'UAGENT2', name: 'Cy', lastReplyAt: ago(1 * DAY) },
];

describe('mentionsFor', () => {
  it('REOPEN_AFTER_MS is 15 days', () => {
    expect(REOPEN_AFTER_MS).toBe(15 * DAY);
  });

  it('new thread (no link yet) → every notify user', () => {
    expect(mentionsFor({ participants: [], lastAgentReplyAt: undefined }, null, 'slack', NOTIFY, NOW)).toEqual(NOTIFY);
  });

  it('customer writes again before any agent reply (thread just opened) → nobody', () => {
    const link = { createdAt: ago(10 * 60_000), lastMentionAt: ago(10 * 60_000) };
    expect(mentionsFor({ participants: [], lastAgentReplyAt: undefined }, link, 'slack', NOTIFY, NOW)).toEqual([]);
  });

  it('no lastMentionAt yet: the thread creation counts as the mention → nobody', () => {
    expect(mentionsFor({ participants: [], lastAgentReplyAt: undefined }, { createdAt: ago(DAY) }, 'slack', NOTIFY, NOW)).toEqual([]);
  });

  it('agent replied, then the mention of this turn was made, customer writes again → nobody', () => {
    const link = { createdAt: ago(5 * DAY), lastMentionAt: ago(3_600_000) };
    expect(mentionsFor({ participants, lastAgentReplyAt: ago(2 * 3_600_000) }, link, 'slack', NOTIFY, NOW)).toEqual([]);
  });

  it('agent replied after the last mention → the participants of that platform only', () => {
    const link = { createdAt: ago(5 * DAY), lastMentionAt: ago(3 * DAY) };
    const conversation = { participants, lastAgentReplyAt: ago(1 * DAY) };
    expect(mentionsFor(conversation, link, 'slack', NOTIFY, NOW)).toEqual(['UAGENT1', 'UAGENT2']);
    expect(mentionsFor(conversation, link, 'discord', NOTIFY, NOW)).toEqual(['123456789012345678']);
  });

  it('agent replied but only on the other platform → nobody on this one', () => {
    const link = { createdAt: ago(5 * DAY), lastMentionAt: ago(3 * DAY) };
    const onlyDiscord = participants.filter((p) => p.platform === 'discord');
    expect(mentionsFor({ participants: onlyDiscord, lastAgentReplyAt: ago(DAY) }, link, 'slack', NOTIFY, NOW)).toEqual([]);
  });

  it('15+ days since the last agent reply → every notify user', () => {
    const link = { createdAt: ago(40 * DAY), lastMentionAt: ago(20 * DAY) };
    expect(mentionsFor({ participants, lastAgentReplyAt: ago(16 * DAY) }, link, 'slack', NOTIFY, NOW)).toEqual(NOTIFY);
  });

  it('exactly 15 days since the last agent reply is not yet "15+" → participants', () => {
    const link = { createdAt: ago(40 * DAY), lastMentionAt: ago(20 * DAY) };
    expect(mentionsFor({ participants, lastAgentReplyAt: ago(15 * DAY) }, link, 'slack', NOTIFY, NOW)).toEqual(['UAGENT1', 'UAGENT2']);
    expect(mentionsFor({ participants, lastAgentReplyAt: ago(15 * DAY + 1) }, link, 'slack', NOTIFY, NOW)).toEqual(NOTIFY);
  });

  it('15+ days since the last mention and no agent reply ever → every notify user', () => {
    const link = { createdAt: ago(30 * DAY), lastMentionAt: ago(16 * DAY) };
    expect(mentionsFor({ participants: [], lastAgentReplyAt: undefined }, link, 'slack', NOTIFY, NOW)).toEqual(NOTIFY);
  });

  it('15+ days since the thread was created, never mentioned since, no reply → every notify user', () => {
    expect(mentionsFor({ participants: [], lastAgentReplyAt: undefined }, { createdAt: ago(16 * DAY) }, 'discord', ['1'], NOW)).toEqual(['1']);
  });

  it('returns the configured users of the platform asked for, and never the other platform participants', () => {
    const link = { createdAt: ago(5 * DAY), lastMentionAt: ago(3 * DAY) };
    const out = mentionsFor({ participants, lastAgentReplyAt: ago(DAY) }, link, 'discord', NOTIFY, NOW);
    expect(out).not.toContain('UAGENT1');
    expect(out).not.toContain('UAGENT2');
  });

  // KNOWN BUG in src/services/notify.ts (reported, not fixed here: not this task's file). After a 15-day
  // silence the customer's first message re-pings everyone (correct), but every further message of that same
  // turn pings everyone again, because the 15-day test uses lastAgentReplyAt whenever it exists and ignores
  // the newer lastMentionAt. The rule says "once per customer turn". Remove `.failing` once fixed.
  it('after a 15-day re-ping, the customer writing again before any reply → nobody (once per turn)', () => {
    const link = { createdAt: ago(40 * DAY), lastMentionAt: ago(3_600_000) }; // the re-ping, an hour ago
    expect(mentionsFor({ participants, lastAgentReplyAt: ago(20 * DAY) }, link, 'slack', NOTIFY, NOW)).toEqual([]);
  });
});
