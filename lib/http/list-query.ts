/** List parameters (`?sort=&order=&limit=&cursor=&type=&status=&q=`), checked. */
import type { ReportType } from '#lib/model';
import type { ListQuery, ReportSort } from '#lib/store/ports';
import { badRequest } from './errors.ts';

const SORTS: readonly ReportSort[] = ['lastSeen', 'firstSeen', 'occurrences'];
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function parseListQuery(query: Record<string, string>): ListQuery {
  const sort = (query['sort'] ?? 'lastSeen') as ReportSort;
  if (!SORTS.includes(sort)) throw badRequest(`"sort" must be one of ${SORTS.join(', ')}`, 'invalid_query');
  const order = (query['order'] ?? 'desc').toLowerCase();
  if (order !== 'asc' && order !== 'desc') throw badRequest('"order" must be asc or desc', 'invalid_query');
  const rawLimit = query['limit'] ?? String(DEFAULT_LIMIT);
  if (!/^\d{1,4}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > MAX_LIMIT) {
    throw badRequest(`"limit" must be a whole number from 1 to ${MAX_LIMIT}`, 'invalid_query');
  }
  const result: ListQuery = { sort, order, limit: Number(rawLimit) };
  if (query['cursor']) result.cursor = query['cursor'];
  const type = (query['type'] ?? '').toUpperCase();
  if (type !== '' && type !== 'ALL') {
    if (type !== 'C' && type !== 'E' && type !== 'W')
      throw badRequest('"type" must be C, E or W', 'invalid_query');
    result.type = type as ReportType;
  }
  const status = (query['status'] ?? '').toLowerCase();
  if (status !== '' && status !== 'all') {
    if (status !== 'open' && status !== 'closed') {
      throw badRequest('"status" must be open, closed or all', 'invalid_query');
    }
    result.status = status === 'open' ? 'Open' : 'Closed';
  }
  const q = (query['q'] ?? '').trim();
  if (q.length > 200) throw badRequest('"q" is longer than 200 characters', 'invalid_query');
  if (q !== '') result.q = q;
  return result;
}
