import { HttpError } from '#lib/http/errors';
import { parseIssueId, parseLogId } from '#lib/http/ids';
import { parseListQuery } from '#lib/http/list-query';

const status = (fn: () => unknown): number => {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
  return 200;
};

describe('ids', () => {
  it('accepts 9-digit log ids and 6-digit issue ids', () => {
    expect(parseLogId('000000042')).toBe('000000042');
    expect(parseIssueId('000007')).toBe('000007');
  });

  it('refuses malformed, signed, exponent, over-long and traversal ids with 400', () => {
    for (const bad of [
      '42',
      '-00000042',
      '+00000042',
      '1e8000000',
      '0000000042',
      '..%2F..%2F',
      '../../etc',
      '00000004a',
      '',
      ' 00000042',
    ]) {
      expect(status(() => parseLogId(bad))).toBe(400);
    }
    for (const bad of ['7', '0000007', '-00007', '1e5000', '..%2F', '00000a']) {
      expect(status(() => parseIssueId(bad))).toBe(400);
    }
  });
});

describe('parseListQuery', () => {
  it('defaults to the newest activity first, 50 a page', () => {
    expect(parseListQuery({})).toEqual({ sort: 'lastSeen', order: 'desc', limit: 50 });
  });

  it('reads filters and sorting', () => {
    expect(
      parseListQuery({
        sort: 'occurrences',
        order: 'asc',
        limit: '10',
        type: 'c',
        status: 'closed',
        q: 'timeout',
      }),
    ).toEqual({
      sort: 'occurrences',
      order: 'asc',
      limit: 10,
      type: 'C',
      status: 'Closed',
      q: 'timeout',
    });
  });

  it('refuses unknown values with 400', () => {
    const bad: Record<string, string>[] = [
      { sort: 'id' },
      { order: 'up' },
      { limit: '0' },
      { limit: '1e3' },
      { limit: '201' },
      { type: 'X' },
      { status: 'ghost' },
      { q: 'x'.repeat(201) },
    ];
    for (const query of bad) {
      expect(status(() => parseListQuery(query))).toBe(400);
    }
  });
});
