/** GET /logs/extracted/{reportId} — the failure lines of a report, beside its normalised signature. */
import { edge } from '#lib/edge';
import { notFound } from '#lib/http/errors';
import { parseLogId } from '#lib/http/ids';
import { html, json, text } from '#lib/http/respond';
import { renderReport } from '#lib/render/index';
import { firstLogState } from '#lib/service/lifecycle';
import { reportView } from '#lib/service/views';

export const handler = edge('getExtract', async (req, { config, stores }) => {
  const reportId = parseLogId(req.params['reportId'], 'report id');
  const report = await stores.reports.getByReportId(reportId);
  if (!report) throw notFound(`no report ${reportId}`);
  const now = new Date();
  if (req.wantsJson)
    return json(
      200,
      reportView(report, await firstLogState(stores, report, config.lifecycle.retentionDays, now)),
    );
  if (req.prefersHtml)
    return html(
      200,
      renderReport(report, now, await firstLogState(stores, report, config.lifecycle.retentionDays, now)),
    );
  return text(200, `${report.extract}\n`);
});
