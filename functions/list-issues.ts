/** GET /issues — filed bugs (ghosts excluded), `?status=open|closed`. */
import { edge } from '#lib/edge';
import { listRoute } from '#lib/http/list-route';
import { renderIssueList } from '#lib/render/index';
import { issueTotal } from '#lib/service/lists';
import { issueView } from '#lib/service/views';

export const handler = edge('listIssues', (req, { stores }) =>
  listRoute({
    base: '/issues',
    key: 'issues',
    list: (query) => stores.reports.listIssues(query),
    totals: () => stores.reports.totals(),
    total: issueTotal,
    view: issueView,
    render: renderIssueList,
  })(req),
);
