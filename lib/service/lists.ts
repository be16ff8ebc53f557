/**
 * The totals a list shows beside its page, from the counters the report store
 * keeps (ReportStore.totals): known for the whole list and for the filters the
 * counters follow, null once a filter narrows it further (text search; type on
 * the issue list) — counting those would mean reading every match.
 */
import type { ListQuery, Totals } from '#lib/store/ports';

/** A tag filter narrows a list as text search does: the counters do not follow it. */
const byTag = (query: ListQuery) => query.service !== undefined || query.environment !== undefined;

export function reportTotal(totals: Totals, query: ListQuery): number | null {
  if (query.q || byTag(query)) return null;
  return query.type ? totals.byType[query.type] : totals.reports;
}

export function issueTotal(totals: Totals, query: ListQuery): number | null {
  if (query.q || query.type || byTag(query)) return null;
  return query.status ? totals.issues[query.status] : totals.issues.Open + totals.issues.Closed;
}
