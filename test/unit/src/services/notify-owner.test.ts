/** mentionsFor() with the lifecycle (notify.ts): an owner is pinged in place of the notify users; a reopened conversation pings as new. */
import type { Participant } from '../../../../src/domain/records';
import { mentionsFor } from '../../../../src/services/notify';

const NOW = new Date('2026-05-20T12:00:00Z');
const HOUR = 3600 * 1000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const NOTIFY = ['UNOTIFY1', 'UNOTIFY2'];
const owner = { platform: 'slack' as const, userId: 'UOWNER' };
const helper: Participant = { platform: 'slack', userId: 'UHELP', lastReplyAt: ago(5 * HOUR) };

describe('mentionsFor with an owner', () => {
  it('claimed after the last ping, no agent reply yet → the owner (and participants), not the notify users', () => {
    const link = { createdAt: ago(10 * HOUR), lastMentionAt: ago(10 * HOUR) };
    const conv = { participants: [helper], state: 'owned' as const, owner, ownedAt: ago(HOUR) };
    expect(mentionsFor(conv, link, 'slack', NOTIFY, NOW)).toEqual(['UOWNER', 'UHELP']);
  });

  it('pinged already this turn → nobody, owner included', () => {
    const link = { createdAt: ago(10 * HOUR), lastMentionAt: ago(HOUR / 2) };
    expect(mentionsFor({ participants: [], state: 'owned', owner, ownedAt: ago(HOUR) }, link, 'slack', NOTIFY, NOW)).toEqual([]);
  });

  it('an agent answered since the last ping → the owner with the participants', () => {
    const link = { createdAt: ago(10 * HOUR), lastMentionAt: ago(8 * HOUR) };
    const conv = { participants: [helper], lastAgentReplyAt: ago(5 * HOUR), state: 'owned' as const, owner, ownedAt: ago(9 * HOUR) };
    expect(mentionsFor(conv, link, 'slack', NOTIFY, NOW)).toEqual(['UOWNER', 'UHELP']);
  });

  it('an owner on the other platform is not mentioned here; an owner of a closed conversation is not pinged', () => {
    const link = { createdAt: ago(10 * HOUR), lastMentionAt: ago(10 * HOUR) };
    expect(mentionsFor({ participants: [], state: 'owned', owner, ownedAt: ago(HOUR) }, link, 'discord', NOTIFY, NOW)).toEqual([]);
    expect(mentionsFor({ participants: [], state: 'closed', owner, ownedAt: ago(HOUR) }, link, 'slack', NOTIFY, NOW)).toEqual([]);
  });

  it('reopened by the customer after the last ping → every notify user, as a new conversation', () => {
    const link = { createdAt: ago(10 * HOUR), lastMentionAt: ago(2 * HOUR) };
    expect(mentionsFor({ participants: [helper], lastAgentReplyAt: ago(3 * HOUR), reopenedAt: ago(HOUR) }, link, 'slack', NOTIFY, NOW)).toEqual(NOTIFY);
  });
});
