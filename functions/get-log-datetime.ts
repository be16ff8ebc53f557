/** GET /logs/{logId}/datetime — when the failure in that log was first seen (ISO-8601 UTC). */
import { getApp } from '#lib/app';
import { notFound } from '#lib/http/errors';
import { httpHandler } from '#lib/http/handler';
import { parseLogId } from '#lib/http/ids';
import { json, text } from '#lib/http/respond';

const { config, stores } = getApp();

export const handler = httpHandler(
  async (req) => {
    const logId = parseLogId(req.params['logId']);
    const log = await stores.logs.get(logId);
    if (!log) throw notFound(`no log ${logId}`);
    if (!log.reportKey) throw notFound(`log ${logId} has no failure lines, so no report`);
    const report = await stores.reports.getByKey(log.reportKey);
    if (!report) throw notFound(`the report of log ${logId} was deleted`);
    if (req.wantsJson) return json(200, { logId, reportId: report.reportId, firstSeen: report.firstSeen });
    return text(200, `${report.firstSeen}\n`);
  },
  { exposeErrors: config.exposeErrors, auth: config.auth, access: 'read' },
);
