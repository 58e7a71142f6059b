/** Business hours (src/services/automation/hours.ts): open or closed in the account's zone, and which closed period. */
import { hoursAt } from '../../../../../src/services/automation/hours';
import type { BusinessHours } from '../../../../../src/services/automation/schema';

const nineToSix = { from: 9 * 60, to: 18 * 60 };
const hours: BusinessHours = {
  timeZone: 'Europe/Madrid',
  weekly: { mon: [nineToSix], tue: [nineToSix], fri: [{ from: 9 * 60, to: 14 * 60 }] },
  holidays: ['2026-03-03'],
};

describe('hoursAt', () => {
  it('open inside a range, in local time (UTC+1 in winter, UTC+2 in summer)', () => {
    expect(hoursAt(hours, new Date('2026-03-02T08:00:00Z'))).toEqual({ open: true }); // Mon 09:00 Madrid
    expect(hoursAt(hours, new Date('2026-03-02T16:59:00Z'))).toEqual({ open: true }); // Mon 17:59
    expect(hoursAt(hours, new Date('2026-06-01T07:30:00Z'))).toEqual({ open: true }); // Mon 09:30 CEST
    expect(hoursAt(hours, new Date('2026-06-01T16:30:00Z'))).toEqual({ open: false, closedSince: '2026-06-01T18:00' }); // 18:30 CEST
  });

  it('a night is one period, named by when it began: before and after midnight alike', () => {
    const evening = hoursAt(hours, new Date('2026-03-02T17:00:00Z')); // Mon 18:00 sharp: closed
    const night = hoursAt(hours, new Date('2026-03-02T23:30:00Z')); // Tue 00:30 (a holiday)
    expect(evening).toEqual({ open: false, closedSince: '2026-03-02T18:00' });
    expect(night).toEqual(evening);
  });

  it('a holiday is closed all day and joins the nights around it; so do days without hours', () => {
    expect(hoursAt(hours, new Date('2026-03-03T10:00:00Z'))).toEqual({ open: false, closedSince: '2026-03-02T18:00' }); // Tue holiday
    expect(hoursAt(hours, new Date('2026-03-05T10:00:00Z'))).toEqual({ open: false, closedSince: '2026-03-02T18:00' }); // Thu: no hours
    expect(hoursAt(hours, new Date('2026-03-08T10:00:00Z'))).toEqual({ open: false, closedSince: '2026-03-06T14:00' }); // Sun after Fri 14:00
  });

  it('a break between two ranges is its own period', () => {
    const split: BusinessHours = {
      timeZone: 'UTC',
      weekly: {
        mon: [
          { from: 540, to: 780 },
          { from: 900, to: 1140 },
        ],
      },
      holidays: [],
    };
    expect(hoursAt(split, new Date('2026-03-02T14:00:00Z'))).toEqual({ open: false, closedSince: '2026-03-02T13:00' });
    expect(hoursAt(split, new Date('2026-03-02T15:00:00Z'))).toEqual({ open: true });
  });

  it('no opening in a year: always closed, one period', () => {
    expect(hoursAt({ timeZone: 'UTC', weekly: {}, holidays: [] }, new Date('2026-03-02T12:00:00Z'))).toEqual({ open: false, closedSince: 'always' });
  });
});
