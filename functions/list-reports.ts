/** GET / — the reports: every distinct failure seen, newest activity first. */
import { getApp } from '#lib/app';
import { httpHandler } from '#lib/http/handler';
import { parseListQuery } from '#lib/http/list-query';
import { listState } from '#lib/http/list-state';
import { html, json } from '#lib/http/respond';
import { listHref, renderReportList } from '#lib/render/index';
import { reportTotal } from '#lib/service/lists';
import { reportView } from '#lib/service/views';

const { config, stores } = getApp();

export const handler = httpHandler(
  async (req) => {
    const query = parseListQuery(req.query);
    const [page, totals] = await Promise.all([stores.reports.listReports(query), stores.reports.totals()]);
    const total = reportTotal(totals, query);
    const state = listState(query);
    // RFC 8288 pagination, as GitHub and Sentry do: scripts follow rel="next" until it is absent.
    const next = page.nextCursor ? listHref('/', state, { cursor: page.nextCursor }) : null;
    const format = req.query['format'] === 'json' ? '&format=json' : '';
    const headers: Record<string, string> = next ? { Link: `<${next}${format}>; rel="next"` } : {};
    if (req.wantsJson)
      return json(200, { reports: page.items.map(reportView), nextCursor: page.nextCursor, total }, headers);
    return html(200, renderReportList({ ...page, count: total ?? undefined }, state, new Date()), headers);
  },
  { exposeErrors: config.exposeErrors, auth: config.auth, access: 'read' },
);
