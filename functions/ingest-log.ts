/**
 * POST /logs — archive one log; count its failure scenario (a document), or
 * each of its failure events on its own report (a stream: DESIGN.md §2.1).
 */
import { createHash } from 'node:crypto';
import { edge } from '#lib/edge';
import { type EventFailure, failureOfEntry } from '#lib/extract/event';
import { Extractor } from '#lib/extract/index';
import { readIntake } from '#lib/http/intake';
import { json, redirect } from '#lib/http/respond';
import { countIngested } from '#lib/observe';
import { failuresOf, ingestEvents } from '#lib/service/events';
import { extract, ingestLog } from '#lib/service/ingest';
import { acceptedView, ingestView, streamIngestView } from '#lib/service/views';

export const handler = edge('ingestLog', async (req, { config, stores }) => {
  const intake = await readIntake(req, config.maxLogBytes);
  if (intake.unit === 'document') {
    const result = await ingestLog(stores, intake.bytes, extract(intake.bytes, config), new Date(), config);
    const { log, report } = result;
    if (result.deferred) {
      if (req.prefersHtml) return redirect(`/logs/${log.logId}`);
      return json(202, acceptedView(log), { Location: `/logs/${log.logId}` });
    }
    countIngested([result], req.route);
    if (req.prefersHtml)
      return redirect(report ? `/logs/extracted/${report.reportId}` : `/logs/${log.logId}`);
    return json(result.isNew ? 201 : 200, ingestView(result), { Location: `/logs/${log.logId}` });
  }
  let failures: EventFailure[];
  let events: number;
  let sha256: string;
  if (intake.records) {
    failures = failuresOf(intake.records);
    events = intake.records.length;
    sha256 = createHash('sha256').update(intake.bytes).digest('hex');
  } else {
    failures = [];
    const extractor = new Extractor({ onEntry: (entry) => failures.push(failureOfEntry(entry)) });
    extractor.push(intake.bytes);
    sha256 = extractor.finish().sha256;
    events = failures.length;
  }
  const result = await ingestEvents(
    stores,
    { bytes: intake.bytes, sha256, contentType: intake.contentType, contentEncoding: intake.contentEncoding },
    events,
    failures,
    new Date(),
  );
  countIngested(result.reports, req.route);
  if (req.prefersHtml) return redirect(`/logs/${result.log.logId}`);
  if (result.deferred)
    return json(200, acceptedView(result.log, events), { Location: `/logs/${result.log.logId}` });
  // 200 even when reports were created: winston's Http transport treats every other status as a failure.
  return json(200, streamIngestView(result), { Location: `/logs/${result.log.logId}` });
});
