/** GET /issues — filed bugs (ghosts excluded), `?status=open|closed`. */
import { getApp } from '#lib/app';
import { httpHandler } from '#lib/http/handler';
import { parseListQuery } from '#lib/http/list-query';
import { listState } from '#lib/http/list-state';
import { html, json } from '#lib/http/respond';
import { renderIssueList } from '#lib/render/index';
import { issueView } from '#lib/service/views';

const { config, stores } = getApp();

export const handler = httpHandler(
  async (req) => {
    const query = parseListQuery(req.query);
    const page = await stores.reports.listIssues(query);
    if (req.wantsJson) return json(200, { issues: page.items.map(issueView), nextCursor: page.nextCursor });
    return html(200, renderIssueList(page, listState(query), new Date()));
  },
  { exposeErrors: config.exposeErrors },
);
