/** The outbox's backoff between attempts. */
import { backoffMs } from '../../../../../src/services/outbox';

describe('backoffMs', () => {
  afterEach(() => jest.restoreAllMocks());

  it('Retry-After wins over the exponential delay', () => {
    expect(backoffMs(1, 1000, 300_000, 7_000)).toBe(7_000);
    expect(backoffMs(9, 1000, 300_000, 2_000)).toBe(2_000);
  });

  it('Retry-After is capped at the maximum and never negative', () => {
    expect(backoffMs(1, 1000, 60_000, 3_600_000)).toBe(60_000);
    expect(backoffMs(1, 1000, 60_000, -5)).toBe(0);
    expect(backoffMs(1, 1000, 60_000, 0)).toBe(0);
  });

  it('exponential growth: with the lowest jitter the delay is half of base·2^(attempt-1)', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, 1000, 300_000))).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('with the highest jitter the delay approaches the full base·2^(attempt-1)', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, 1000, 300_000))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('the exponential delay is capped at the maximum', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect(backoffMs(30, 1000, 300_000)).toBe(300_000);
  });

  it('real jitter stays within [exp/2, exp] and varies', () => {
    for (const attempt of [1, 3, 6, 12]) {
      const exp = Math.min(1000 * 2 ** (attempt - 1), 300_000);
      const samples = Array.from({ length: 200 }, () => backoffMs(attempt, 1000, 300_000));
      for (const s of samples) {
        expect(s).toBeGreaterThanOrEqual(exp / 2);
        expect(s).toBeLessThanOrEqual(exp);
      }
      expect(new Set(samples).size).toBeGreaterThan(10);
    }
  });
});
