/** The list query's schema answers with the same codes and messages the hand-written parser did. */
import { HttpError } from '#lib/http/errors';
import { parseListQuery } from '#lib/http/list-query';

const refusal = (query: Record<string, string>) => {
  try {
    parseListQuery(query);
  } catch (error) {
    if (error instanceof HttpError) return [error.status, error.code, error.message];
    throw error;
  }
  return null;
};

describe('the list query schema', () => {
  it('refuses each bad parameter with invalid_query and the message it always had', () => {
    expect(refusal({ sort: 'size' })).toEqual([
      400,
      'invalid_query',
      '"sort" must be one of lastSeen, firstSeen, occurrences',
    ]);
    expect(refusal({ sort: '' })).toEqual([
      400,
      'invalid_query',
      '"sort" must be one of lastSeen, firstSeen, occurrences',
    ]);
    expect(refusal({ order: 'up' })).toEqual([400, 'invalid_query', '"order" must be asc or desc']);
    for (const limit of ['0', '201', '1e3', '', '-1', '12345', '2.5']) {
      expect(refusal({ limit })).toEqual([
        400,
        'invalid_query',
        '"limit" must be a whole number from 1 to 200',
      ]);
    }
    expect(refusal({ type: 'X' })).toEqual([400, 'invalid_query', '"type" must be C, E or W']);
    expect(refusal({ status: 'ghost' })).toEqual([
      400,
      'invalid_query',
      '"status" must be open, closed or all',
    ]);
    expect(refusal({ q: ` ${'x'.repeat(201)} ` })).toEqual([
      400,
      'invalid_query',
      '"q" is longer than 200 characters',
    ]);
  });

  it('names the first wrong parameter in the order sort, order, limit, type, status, q', () => {
    expect(refusal({ q: 'x'.repeat(300), type: 'X', limit: '0' })?.[2]).toMatch(/^"limit"/);
    expect(refusal({ status: 'x', type: 'X' })?.[2]).toMatch(/^"type"/);
  });

  it('reads words in any case, `all` and empty values as no filter, and trims the search text', () => {
    expect(
      parseListQuery({ order: 'ASC', type: 'w', status: 'OPEN', q: '  timeout ', limit: '0007' }),
    ).toEqual({
      sort: 'lastSeen',
      order: 'asc',
      limit: 7,
      type: 'W',
      status: 'Open',
      q: 'timeout',
    });
    expect(parseListQuery({ type: 'ALL', status: 'All', q: '   ', cursor: '' })).toEqual({
      sort: 'lastSeen',
      order: 'desc',
      limit: 50,
    });
    expect(parseListQuery({ type: '', status: '', cursor: 'abc_-1', format: 'json' })).toEqual({
      sort: 'lastSeen',
      order: 'desc',
      limit: 50,
      cursor: 'abc_-1',
    });
  });
});
