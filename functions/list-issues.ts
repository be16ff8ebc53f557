/** GET /issues — filed bugs (ghosts excluded), `?status=open|closed`. */
import { getApp } from '#lib/app';
import { httpHandler } from '#lib/http/handler';
import { parseListQuery } from '#lib/http/list-query';
import { listState } from '#lib/http/list-state';
import { html, json } from '#lib/http/respond';
import { listHref, renderIssueList } from '#lib/render/index';
import { issueTotal } from '#lib/service/lists';
import { issueView } from '#lib/service/views';

const { config, stores } = getApp();

export const handler = httpHandler(
  async (req) => {
    const query = parseListQuery(req.query);
    const [page, totals] = await Promise.all([stores.reports.listIssues(query), stores.reports.totals()]);
    const total = issueTotal(totals, query);
    const state = listState(query);
    // RFC 8288 pagination, as GitHub and Sentry do: scripts follow rel="next" until it is absent.
    const next = page.nextCursor ? listHref('/issues', state, { cursor: page.nextCursor }) : null;
    const format = req.query['format'] === 'json' ? '&format=json' : '';
    const headers: Record<string, string> = next ? { Link: `<${next}${format}>; rel="next"` } : {};
    if (req.wantsJson)
      return json(200, { issues: page.items.map(issueView), nextCursor: page.nextCursor, total }, headers);
    return html(200, renderIssueList({ ...page, count: total ?? undefined }, state, new Date()), headers);
  },
  { exposeErrors: config.exposeErrors, auth: config.auth, access: 'read' },
);
