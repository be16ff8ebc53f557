/** GET /logs/{logId}/datetime — when the failure in that log was first seen (ISO-8601 UTC). */
import { edge } from '#lib/edge';
import { parseLogId } from '#lib/http/ids';
import { json, text } from '#lib/http/respond';
import { findLog, findLogReport } from '#lib/service/logs';

export const handler = edge('getLogDatetime', async (req, { stores }) => {
  const logId = parseLogId(req.params['logId']);
  const report = await findLogReport(stores, await findLog(stores, logId));
  if (req.wantsJson) return json(200, { logId, reportId: report.reportId, firstSeen: report.firstSeen });
  return text(200, `${report.firstSeen}\n`);
});
