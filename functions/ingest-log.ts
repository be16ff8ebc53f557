/** POST /logs — archive one log and count its failure. */
import { getApp } from '#lib/app';
import { httpHandler } from '#lib/http/handler';
import { readLogBody } from '#lib/http/log-body';
import { json, redirect } from '#lib/http/respond';
import { extract, ingestLog } from '#lib/service/ingest';
import { ingestView } from '#lib/service/views';

const { config, stores } = getApp();

export const handler = httpHandler(
  async (req) => {
    const bytes = await readLogBody(req, config.maxLogBytes);
    const result = await ingestLog(stores, bytes, extract(bytes, config), new Date(), config);
    const { log, report } = result;
    if (req.prefersHtml)
      return redirect(report ? `/logs/extracted/${report.reportId}` : `/logs/${log.logId}`);
    return json(result.isNew ? 201 : 200, ingestView(result), { Location: `/logs/${log.logId}` });
  },
  {
    exposeErrors: config.exposeErrors,
    auth: config.auth,
    access: 'ingest',
    idempotency: { scope: 'logs', store: stores.idempotency },
  },
);
