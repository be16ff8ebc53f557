/** POST /logs — archive one log and count its failure. */
import { edge } from '#lib/edge';
import { readLogBody } from '#lib/http/log-body';
import { json, redirect } from '#lib/http/respond';
import { count } from '#lib/observe';
import { extract, ingestLog } from '#lib/service/ingest';
import { ingestView } from '#lib/service/views';

export const handler = edge('ingestLog', async (req, { config, stores }) => {
  const bytes = await readLogBody(req, config.maxLogBytes);
  const result = await ingestLog(stores, bytes, extract(bytes, config), new Date(), config);
  const { log, report } = result;
  count('LogsIngested');
  if (result.isNew) count('ReportsCreated');
  if (req.prefersHtml) return redirect(report ? `/logs/extracted/${report.reportId}` : `/logs/${log.logId}`);
  return json(result.isNew ? 201 : 200, ingestView(result), { Location: `/logs/${log.logId}` });
});
