/** List parameters (`?sort=&order=&limit=&cursor=&type=&status=&q=`), checked by their schema (lib/contracts). */
import { DEFAULT_LIMIT, type ListQuery, MAX_LIMIT, readListQuery } from '#lib/contracts/list-query';
import { badRequest } from './errors.ts';

export { DEFAULT_LIMIT, MAX_LIMIT };

export function parseListQuery(query: Record<string, string>): ListQuery {
  const read = readListQuery(query);
  if ('problem' in read) throw badRequest(read.problem, 'invalid_query');
  return read.query;
}
