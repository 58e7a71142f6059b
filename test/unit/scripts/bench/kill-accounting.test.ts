import { killAccounting, webhookNumber } from '../../../../scripts/bench/kill-accounting';

describe('bench kill-mid-run accounting', () => {
  test('reads the webhook number back from a post, and nothing from other posts', () => {
    expect(webhookNumber('*Customer 3*: bench message 17: where is my parcel?')).toBe(17);
    expect(webhookNumber('New conversation with +49 151 000003')).toBeUndefined();
    expect(webhookNumber(undefined)).toBeUndefined();
  });

  test('everything delivered once: nothing lost or doubled; resume and completion measured from the kill', () => {
    const posts = [
      { n: 0, at: 1000 },
      { n: 1, at: 1100 },
      { at: 1150 }, // a thread root: not a webhook's post
      { n: 2, at: 4000 },
      { n: 3, at: 4500 },
    ];
    expect(killAccounting([0, 1, 2, 3], posts, 1200)).toEqual({
      acknowledged: 4,
      lost: 0,
      duplicated: 0,
      extraPosts: 0,
      resumeSeconds: 2.8,
      completeSeconds: 3.3,
    });
  });

  test('the post in flight at the kill repeated, one acknowledged webhook never posted', () => {
    const posts = [
      { n: 0, at: 1000 },
      { n: 1, at: 1100 },
      { n: 1, at: 3000 },
      { n: 1, at: 3100 },
      { n: 2, at: 3200 },
      { n: 9, at: 3300 }, // not acknowledged (its sender saw the connection fail): neither lost nor counted
    ];
    expect(killAccounting([0, 1, 2, 3], posts, 1200)).toEqual({
      acknowledged: 4,
      lost: 1,
      duplicated: 1,
      extraPosts: 2,
      resumeSeconds: 1.8,
      completeSeconds: undefined,
    });
  });

  test('nothing after the kill: no resume time', () => {
    expect(killAccounting([0], [{ n: 0, at: 10 }], 20)).toMatchObject({ lost: 0, resumeSeconds: undefined, completeSeconds: 0 });
  });
});
