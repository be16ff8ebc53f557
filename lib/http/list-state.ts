/** The list query as the pages' link builders see it. */
import type { ListQuery } from '#lib/contracts/list-query';
import type { ListState } from '#lib/render/index';

export function listState(query: ListQuery): ListState {
  const state: ListState = { sort: query.sort, order: query.order, limit: query.limit };
  if (query.type) state.type = query.type;
  if (query.status) state.status = query.status === 'Open' ? 'open' : 'closed';
  if (query.q) state.q = query.q;
  if (query.service) state.service = query.service;
  if (query.environment) state.environment = query.environment;
  if (query.cursor) state.cursor = query.cursor;
  return state;
}
