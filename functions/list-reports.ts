/** GET / — the reports: every distinct failure seen, newest activity first. */
import { getApp } from '#lib/app';
import { httpHandler } from '#lib/http/handler';
import { parseListQuery } from '#lib/http/list-query';
import { listState } from '#lib/http/list-state';
import { html, json } from '#lib/http/respond';
import { renderReportList } from '#lib/render/index';
import { reportView } from '#lib/service/views';

const { config, stores } = getApp();

export const handler = httpHandler(
  async (req) => {
    const query = parseListQuery(req.query);
    const page = await stores.reports.listReports(query);
    if (req.wantsJson) return json(200, { reports: page.items.map(reportView), nextCursor: page.nextCursor });
    return html(200, renderReportList(page, listState(query), new Date()));
  },
  { exposeErrors: config.exposeErrors },
);
