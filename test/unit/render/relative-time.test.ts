import { relativeTime } from '#lib/render/index';
import { NOW } from './fixtures.ts';

const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

describe('relativeTime', () => {
  it.each([
    [10, 'just now'],
    [60, '1 minute ago'],
    [3 * 60, '3 minutes ago'],
    [59 * 60, '59 minutes ago'],
    [2 * 3600 + 59 * 60, '2 hours ago'],
    [86400, '1 day ago'],
    [6 * 86400, '6 days ago'],
    [15 * 86400, '2 weeks ago'],
    [45 * 86400, '1 month ago'],
    [800 * 86400, '2 years ago'],
  ])('%i seconds back reads "%s"', (seconds, text) => {
    expect(relativeTime(ago(seconds), NOW)).toBe(text);
  });

  it('says a time slightly in the future is now, and a later one is ahead', () => {
    expect(relativeTime(ago(-20), NOW)).toBe('just now');
    expect(relativeTime(ago(-3 * 3600), NOW)).toBe('in 3 hours');
  });

  it('does not throw on invalid input', () => {
    expect(relativeTime('not a date', NOW)).toBe('unknown time');
    expect(relativeTime('', NOW)).toBe('unknown time');
    expect(relativeTime(ago(60), new Date(Number.NaN))).toBe('unknown time');
  });
});
