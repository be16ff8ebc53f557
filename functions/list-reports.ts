/** GET / — the reports: every distinct failure seen, newest activity first. */
import { getApp } from '#lib/app';
import { httpHandler } from '#lib/http/handler';
import { listRoute } from '#lib/http/list-route';
import { renderReportList } from '#lib/render/index';
import { reportTotal } from '#lib/service/lists';
import { reportView } from '#lib/service/views';

const { config, stores } = getApp();

export const handler = httpHandler(
  listRoute({
    base: '/',
    key: 'reports',
    list: (query) => stores.reports.listReports(query),
    totals: () => stores.reports.totals(),
    total: reportTotal,
    view: reportView,
    render: renderReportList,
  }),
  { exposeErrors: config.exposeErrors, auth: config.auth, access: 'read' },
);
