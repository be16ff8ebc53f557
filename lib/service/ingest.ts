/**
 * Taking in one log: archive it, extract its failure, count it against its
 * report (creating the report and its ghost issue the first time).
 *
 * Write order, chosen so that a crash between any two steps leaves nothing a
 * reader can see half-done and a retry is safe:
 *   1. allocate the log id            (a crash leaves a gap in the ids)
 *   2. archive the bytes by SHA-256   (idempotent; an orphan blob is invisible)
 *   3. write the log record, pending  (reportKey set, reportId not yet: the log
 *                                      is kept and retrievable; no report counts it)
 *   4. count or create the report     (one conditional write; the report's
 *                                      extract lives in the same item, and its
 *                                      first log's record already exists)
 *   5. settle the log record          (reportId set; a failure here is only
 *                                      logged: the work of 1-4 is durable)
 * So a report never counts a log whose record is missing, a report's first log
 * always exists, and a failed request never counted anything: its retry (a new
 * log id) counts once. What a crash can leave is a pending record: counted if
 * the crash fell between 4 and 5, not counted if between 3 and 4. For every
 * report, settled <= occurrences <= settled + pending — equality when no
 * request died midway — which is what `npm run test:load` audits.
 * A request refused only after step 3 (a bug's summary that no longer fits
 * its issue) deletes its pending record before answering, so a 4xx leaves
 * nothing a reader or the audit can see (an orphan blob is invisible, and the
 * log id is a gap).
 * (The first version counted before writing the record: a failure in between
 * left a report counting a log that was never stored, or, for a new report, a
 * report whose first log did not exist; and the client's retry counted twice.)
 *
 * A log uploaded straight to S3 (lib/service/upload.ts) takes the same steps:
 * its id is allocated (1) when the upload is created, its bytes are archived
 * (2) in the single streaming pass that extracts them, and `recordLog` below
 * does 3 to 5 exactly as for a log posted to the API.
 */
import { Conflict, DomainError, Unavailable } from '#lib/errors';
import { type Extraction, extractBuffer } from '#lib/extract/index';
import { headlineOf } from '#lib/extract/title';
import type { LogRecord, Report } from '#lib/model';
import { MAX_EXTRA_SUMMARIES, SUMMARIES_BYTES } from '#lib/store/budgets';
import type { Stores, SummaryLimits } from '#lib/store/ports';
import { asTemplate } from './async-count.ts';
import { archivedCopy, isSample } from './lifecycle.ts';
import { countFollowingMerge } from './merge.ts';
import { documentTags, tagsOfNew } from './tags.ts';

/** Further summaries an issue keeps beside its first: by count, and by bytes (a stored item is bounded). */
export const SUMMARY_LIMITS: SummaryLimits = { maxEntries: MAX_EXTRA_SUMMARIES, maxBytes: SUMMARIES_BYTES };

/** The refusal of a summary the issue has no room for. */
export function issueFull(report: Report): Conflict {
  return report.summaries.length >= SUMMARY_LIMITS.maxEntries
    ? new Conflict(`this issue already holds ${SUMMARY_LIMITS.maxEntries} further summaries`)
    : new Conflict(`this issue's further summaries already fill its ${SUMMARY_LIMITS.maxBytes} bytes`);
}

export interface IngestOptions {
  maxExtractBytes: number;
  /**
   * File a bug with this summary: a new report is created Open instead of
   * Ghost; a known one is opened with it or keeps it beside the first.
   */
  summary?: string;
}

export interface IngestResult {
  log: LogRecord;
  report: Report | null;
  /** This log created its report. */
  isNew: boolean;
  /** This log reopened its report's closed issue. */
  regressed?: boolean;
  /** COUNT_MODE=async: the count is on the stream, not yet on the report (`report` is null). */
  deferred?: true;
}

export function extract(bytes: Buffer, options: Pick<IngestOptions, 'maxExtractBytes'>): Extraction {
  return extractBuffer(bytes, { maxExtractBytes: options.maxExtractBytes });
}

export async function ingestLog(
  stores: Stores,
  bytes: Buffer,
  extraction: Extraction,
  now: Date,
  options: IngestOptions,
): Promise<IngestResult> {
  const logId = await stores.ids.nextLogId();
  const stored = archivedCopy(bytes, extraction.sha256);
  await stores.archive.putBlob(stored.sha256, stored.bytes);
  const archived = { ...extraction, sha256: stored.sha256, bytes: stored.bytes.length };
  return recordLog(stores, logId, archived, now, options);
}

/**
 * Steps 3 to 5 for a log whose id is allocated and whose bytes are archived:
 * write its log record (pending), count or create its report, settle the record.
 */
export async function recordLog(
  stores: Stores,
  logId: string,
  extraction: Extraction,
  now: Date,
  options: Pick<IngestOptions, 'summary'>,
): Promise<IngestResult> {
  const at = now.toISOString();
  const failing = extraction.fingerprint !== null && extraction.type !== null;
  const received: LogRecord = {
    logId,
    sha256: extraction.sha256,
    bytes: extraction.bytes,
    receivedAt: at,
    reportId: null,
    reportKey: failing ? extraction.fingerprint : null,
    type: failing ? extraction.type : null,
  };
  await stores.logs.put(received);
  if (!failing) return { log: received, report: null, isNew: false };
  // A bug's summary is filed in the request, so its count is too.
  const deferredTags = documentTags(extraction.tags);
  if (
    stores.deferral &&
    options.summary === undefined &&
    (await stores.deferral.defer({
      log: received,
      unit: 'document',
      groups: [
        {
          reportKey: extraction.fingerprint as string,
          n: 1,
          ...(deferredTags ? { tags: deferredTags } : {}),
          template: asTemplate(newReport(extraction, logId, '', at)),
        },
      ],
    }))
  )
    return { log: received, report: null, isNew: false, deferred: true };

  let counted: { report: Report; isNew: boolean; regressed?: boolean };
  try {
    counted = await countOrCreate(stores, extraction, logId, at, options.summary);
  } catch (error) {
    if (error instanceof DomainError && !(error instanceof Unavailable)) {
      // Refused, so nothing counted it: the pending record goes too, and its blob reference.
      await stores.logs
        .delete(logId)
        .then(() => stores.archive.release(extraction.sha256))
        .catch((cause: unknown) => {
          console.error(`ingest: refused log ${logId} left pending`, cause);
        });
    }
    throw error;
  }
  const { report, isNew, regressed } = counted;
  const log: LogRecord = {
    ...received,
    reportId: report.reportId,
    type: report.type,
    ...(isSample(report.occurrences, 1) ? { sample: true as const } : {}),
  };
  try {
    await stores.logs.put(log);
  } catch (error) {
    // Counted and stored; the record keeps its reportKey, which names the report.
    console.error(`ingest: log ${logId} counted but its record left pending`, error);
  }
  return { log, report, isNew, ...(regressed ? { regressed } : {}) };
}

async function countOrCreate(
  stores: Stores,
  extraction: Extraction,
  logId: string,
  at: string,
  summary: string | undefined,
): Promise<{ report: Report; isNew: boolean; regressed?: boolean }> {
  const reportKey = extraction.fingerprint as string;
  // Counting is the common case: one conditional update. Creation is tried only
  // when no report exists, and a lost creation race falls back to counting.
  for (let attempt = 0; attempt < 3; attempt++) {
    // A bug's summary is filed in the counting write itself: a retry after a
    // failure counts once, and the summary is never lost after the count.
    // A report merged into another counts there (lib/service/merge.ts).
    const tags = documentTags(extraction.tags);
    const counted = await countFollowingMerge(stores, reportKey, at, async (key) => {
      if (summary === undefined) return stores.reports.countOccurrence(key, at, 1, tags);
      const outcome = await stores.reports.countWithSummary(
        key,
        at,
        { summary, logId },
        SUMMARY_LIMITS,
        tags,
      );
      if (outcome.kind === 'full') throw issueFull(outcome.report);
      return outcome.kind === 'filed' ? outcome.report : null;
    });
    if (counted) {
      await stores.alerts?.counted(counted, 1, new Date(at));
      if (counted.status === 'Closed') await stores.alerts?.regressing(counted, at);
      // Counted is committed: a failed reopen must not fail the request (a retry
      // would count again); the next occurrence reopens it.
      const regressed =
        counted.status === 'Closed'
          ? await stores.reports.markRegressed(counted.reportKey, at).catch((error: unknown) => {
              console.error(`ingest: report ${reportKey} counted but not reopened`, error);
              return null;
            })
          : null;
      return { report: regressed ?? counted, isNew: false, regressed: regressed !== null };
    }
    const report = {
      ...newReport(extraction, logId, await stores.ids.nextIssueId(), at, summary),
      ...tagsOfNew(documentTags(extraction.tags)),
    };
    await stores.alerts?.creating(report);
    if (await stores.reports.create(report)) {
      await stores.alerts?.counted(report, 1, new Date(at));
      return { report, isNew: true };
    }
    await stores.alerts?.lost(report);
  }
  throw new Error(`report ${reportKey} was neither countable nor creatable`);
}

function newReport(
  extraction: Extraction,
  logId: string,
  issueId: string,
  at: string,
  summary?: string,
): Report {
  const opened = summary !== undefined;
  return {
    reportKey: extraction.fingerprint as string,
    reportId: logId,
    issueId,
    type: extraction.type!,
    occurrences: 1,
    firstSeen: at,
    lastSeen: at,
    extract: extraction.extract,
    extractTruncated: extraction.extractTruncated,
    signature: extraction.signature,
    ...(extraction.headline ?? headlineOf(extraction.rule?.entry ?? extraction.signature)),
    ...(extraction.rule ? { rule: extraction.rule.fingerprint } : {}),
    logSha256: extraction.sha256,
    status: opened ? 'Open' : 'Ghost',
    summary: summary ?? '',
    summaries: [],
    history: [{ event: 'created', at }],
    regressed: false,
    daily: { [at.slice(0, 10)]: 1 },
  };
}
