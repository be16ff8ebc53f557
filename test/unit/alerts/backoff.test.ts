import { retryDelayMs } from '#lib/alerts/backoff';

const policy = { baseDelayMs: 1_000, maxDelayMs: 20_000 };

describe('retry delays', () => {
  it('double per failed attempt, between half and all of the exponential ceiling', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('stop growing at the maximum', () => {
    expect(retryDelayMs(10, policy, () => 1)).toBe(20_000);
    expect(retryDelayMs(60, policy, () => 0.5)).toBe(15_000);
  });

  it('spread deliveries that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, policy)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(2_000);
      expect(delay).toBeLessThanOrEqual(4_000);
    }
  });
});
