/** GET /logs/{logId} — the original log, byte for byte, as text that can never run as a page. */
import { edge } from '#lib/edge';
import { notFound } from '#lib/http/errors';
import { parseLogId } from '#lib/http/ids';
import { html, json, redirect, text } from '#lib/http/respond';
import { renderLog } from '#lib/render/index';
import { findLog, logAsCounted } from '#lib/service/logs';
import { logView } from '#lib/service/views';

export const handler = edge('getLog', async (req, { config, stores }) => {
  const logId = parseLogId(req.params['logId']);
  const log = await findLog(stores, logId);
  if (req.wantsJson) return json(200, logView(await logAsCounted(stores, log)));
  // A browser gets a page linking the log to its report and issue; `?format=text` the raw bytes.
  if (req.prefersHtml && req.query['format'] !== 'text') {
    const report = log.reportKey ? await stores.reports.getByKey(log.reportKey) : null;
    const shown = log.bytes <= config.maxLogBytes ? await stores.archive.getBlob(log.sha256) : null;
    return html(200, renderLog(log, report, shown, new Date()));
  }
  // Too big for a Lambda answer (6 MB): a short-lived S3 URL serving the same bytes.
  if (log.bytes > config.maxLogBytes)
    return redirect(await stores.archive.blobUrl(log.sha256, `log-${logId}.log`, 900), 307);
  const bytes = await stores.archive.getBlob(log.sha256);
  if (!bytes) throw notFound(`the bytes of log ${logId} are missing from the archive`);
  return text(200, bytes, { 'Content-Disposition': `inline; filename="log-${logId}.log"` });
});
