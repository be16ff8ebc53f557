/** GET / — the reports: every distinct failure seen, newest activity first. */
import { edge } from '#lib/edge';
import { listRoute } from '#lib/http/list-route';
import { renderReportList } from '#lib/render/index';
import { reportTotal } from '#lib/service/lists';
import { reportView } from '#lib/service/views';

export const handler = edge('listReports', (req, { stores }) =>
  listRoute({
    base: '/',
    key: 'reports',
    list: (query) => stores.reports.listReports(query),
    totals: () => stores.reports.totals(),
    total: reportTotal,
    view: reportView,
    render: renderReportList,
  })(req),
);
