/** GET /issues — filed bugs (ghosts excluded), `?status=open|closed`. */
import { getApp } from '#lib/app';
import { httpHandler } from '#lib/http/handler';
import { listRoute } from '#lib/http/list-route';
import { renderIssueList } from '#lib/render/index';
import { issueTotal } from '#lib/service/lists';
import { issueView } from '#lib/service/views';

const { config, stores } = getApp();

export const handler = httpHandler(
  listRoute({
    base: '/issues',
    key: 'issues',
    list: (query) => stores.reports.listIssues(query),
    totals: () => stores.reports.totals(),
    total: issueTotal,
    view: issueView,
    render: renderIssueList,
  }),
  { exposeErrors: config.exposeErrors, auth: config.auth, access: 'read' },
);
