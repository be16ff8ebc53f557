/**
 * The route behind both lists (GET / and GET /issues): read the page asked
 * for and the list's total, then answer JSON or HTML, with an RFC 8288
 * `Link: <…>; rel="next"` header (as GitHub and Sentry page) until the last page.
 */
import type { ListQuery } from '#lib/contracts/list-query';
import type { Report } from '#lib/model';
import { listHref } from '#lib/render/index';
import type { ListState, PageOf as RenderedPage } from '#lib/render/types';
import type { Route } from './handler.ts';
import { parseListQuery } from './list-query.ts';
import { listState } from './list-state.ts';
import { html, json } from './respond.ts';

/** One page as storage returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The service supplies the page and the totals; the edge knows neither the store nor its counters. */
export interface ListSpec<Totals> {
  /** The list's path, which its links page from. */
  base: '/' | '/issues';
  /** The JSON field holding the items. */
  key: 'reports' | 'issues';
  list(query: ListQuery): Promise<Page<Report>>;
  totals(): Promise<Totals>;
  /** The whole list's total for this query, or null where the totals do not follow its filters. */
  total(totals: Totals, query: ListQuery): number | null;
  view(report: Report): unknown;
  render(page: RenderedPage<Report>, state: ListState, now: Date): string;
}

export function listRoute<Totals>(spec: ListSpec<Totals>): Route {
  return async (req) => {
    const query = parseListQuery(req.query);
    const [page, totals] = await Promise.all([spec.list(query), spec.totals()]);
    const total = spec.total(totals, query);
    const state = listState(query);
    const next = page.nextCursor ? listHref(spec.base, state, { cursor: page.nextCursor }) : null;
    const format = req.query['format'] === 'json' ? '&format=json' : '';
    const headers: Record<string, string> = next ? { Link: `<${next}${format}>; rel="next"` } : {};
    if (req.wantsJson) {
      return json(
        200,
        { [spec.key]: page.items.map((report) => spec.view(report)), nextCursor: page.nextCursor, total },
        headers,
      );
    }
    return html(200, spec.render({ ...page, count: total ?? undefined }, state, new Date()), headers);
  };
}
