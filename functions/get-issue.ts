/** GET /issues/{issueId} — one issue, ghosts included. */
import { getApp } from '#lib/app';
import { httpHandler } from '#lib/http/handler';
import { parseIssueId } from '#lib/http/ids';
import { html, json } from '#lib/http/respond';
import { renderIssue } from '#lib/render/index';
import { findIssue } from '#lib/service/issues';
import { issueView } from '#lib/service/views';

const { config, stores } = getApp();

export const handler = httpHandler(
  async (req) => {
    const report = await findIssue(stores, parseIssueId(req.params['issueId']));
    if (req.wantsJson) return json(200, issueView(report));
    return html(200, renderIssue(report, new Date()));
  },
  { exposeErrors: config.exposeErrors, auth: config.auth, access: 'read' },
);
