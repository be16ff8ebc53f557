/**
 * Taking in a stream's batch (unit=event, DESIGN.md §2.1): the body is
 * archived once as one log, and each failure event in it counts on its own
 * report — a batch holding failures A and B counts one on A's report and one
 * on B's, however the shipper cut its batches.
 *
 * The write order is ingest's (lib/service/ingest.ts), widened to several
 * reports: id, bytes, log record (pending, naming every report key and its
 * count), one write per distinct report (an `ADD n` for n occurrences of it in
 * the batch, with their tag counts, lib/service/tags.ts; or its creation),
 * then the record settled with the report ids.
 * So a report never counts a log whose record is missing, and a failure
 * midway answers 503 having counted at most the reports before it: the
 * record names them, so an audit can see exactly what a crashed batch
 * counted (counted <= named, equality when no request died).
 *
 * A report first seen in a stream takes its own id from the 9-digit id space
 * (one batch can create several), not its first log's id as a document's does.
 */
import { type EventFailure, failureOfEntry, failureOfRecord, tagValuesOf } from '#lib/extract/event';
import { Extractor } from '#lib/extract/index';
import { scrubLine, scrubLines } from '#lib/extract/scrub';
import { headlineOf } from '#lib/extract/title';
import type { LogEventCount, LogRecord, Report, ReportType, TagDelta } from '#lib/model';
import type { LogEvent } from '#lib/records/model';
import type { Stores } from '#lib/store/ports';
import { asTemplate } from './async-count.ts';
import { archivedCopy, isSample } from './lifecycle.ts';
import { countFollowingMerge } from './merge.ts';
import { TagTally, tagsOfNew } from './tags.ts';

/** Distinct reports one log record links; past it all are still counted, the first this many linked. */
export const MAX_LINKED_REPORTS = 1000;

export interface StreamBody {
  bytes: Buffer;
  sha256: string;
  contentType: string;
  contentEncoding?: string;
}

export interface CountedReport {
  report: Report;
  /** Occurrences this request added. */
  counted: number;
  isNew: boolean;
  /** This request reopened the report's closed issue. */
  regressed?: boolean;
}

export interface EventsResult {
  log: LogRecord;
  /** Records (or text entries) the body held, failures or not. */
  events: number;
  reports: CountedReport[];
  /** COUNT_MODE=async: the counts are on the stream, not yet on the reports (`reports` is empty). */
  deferred?: true;
}

const SEVERITY: Record<ReportType, number> = { C: 3, E: 2, W: 1 };

interface ReportGroup {
  failure: EventFailure;
  count: number;
  tags: TagTally;
}

/** The failures grouped by report, in the order first seen, with their counts and tags. */
function byReport(failures: EventFailure[]): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const failure of failures) {
    let group = groups.get(failure.fingerprint);
    if (group) group.count++;
    else {
      group = { failure, count: 1, tags: new TagTally() };
      groups.set(failure.fingerprint, group);
    }
    group.tags.add(failure.tags);
  }
  return [...groups.values()];
}

export async function ingestEvents(
  stores: Stores,
  body: StreamBody,
  events: number,
  failures: EventFailure[],
  now: Date,
): Promise<EventsResult> {
  const logId = await stores.ids.nextLogId();
  const stored = archivedCopy(body.bytes, body.sha256);
  await stores.archive.putBlob(stored.sha256, stored.bytes);
  const at = now.toISOString();
  const groups = byReport(failures);
  const linked = groups.slice(0, MAX_LINKED_REPORTS);
  const worst = groups.reduce<ReportType | null>(
    (type, { failure }) => (type === null || SEVERITY[failure.type] > SEVERITY[type] ? failure.type : type),
    null,
  );
  const pending: LogRecord = {
    logId,
    sha256: stored.sha256,
    bytes: stored.bytes.length,
    receivedAt: at,
    reportId: null,
    reportKey: linked[0]?.failure.fingerprint ?? null,
    type: worst,
    contentType: body.contentType,
    ...(body.contentEncoding ? { contentEncoding: body.contentEncoding } : {}),
    events: linked.map(({ failure, count }) => ({ reportKey: failure.fingerprint, reportId: null, count })),
    ...(groups.length > linked.length ? { eventsTruncated: true } : {}),
  };
  await stores.logs.put(pending);
  if (groups.length === 0) return { log: pending, events, reports: [] };
  // COUNT_MODE=async: the counts go on the stream; a batch too big for one record counts here.
  if (
    stores.deferral &&
    (await stores.deferral.defer({
      log: pending,
      unit: 'event',
      groups: groups.map(({ failure, count, tags }) => ({
        reportKey: failure.fingerprint,
        n: count,
        tags: tags.delta(),
        template: asTemplate(newReport(failure, count, '', '', logId, stored.sha256, at)),
      })),
    }))
  )
    return { log: pending, events, reports: [], deferred: true };

  const reports: CountedReport[] = [];
  for (const { failure, count, tags } of groups) {
    reports.push(await countOrCreate(stores, failure, count, tags.delta(), logId, stored.sha256, at));
  }
  const settled: LogRecord = {
    ...pending,
    ...(reports.some(({ report, counted }) => isSample(report.occurrences, counted))
      ? { sample: true as const }
      : {}),
    reportId: reports[0]!.report.reportId,
    events: pending.events!.map(
      (link, i): LogEventCount => ({ ...link, reportId: reports[i]!.report.reportId }),
    ),
  };
  try {
    await stores.logs.put(settled);
  } catch (error) {
    // Counted and stored; the pending record names every report it counted on.
    console.error(`events: log ${logId} counted but its record left pending`, error);
  }
  return { log: settled, events, reports };
}

async function countOrCreate(
  stores: Stores,
  failure: EventFailure,
  count: number,
  tags: TagDelta | undefined,
  logId: string,
  sha256: string,
  at: string,
): Promise<CountedReport> {
  for (let attempt = 0; attempt < 3; attempt++) {
    // A report merged into another counts there (lib/service/merge.ts).
    const counted = await countFollowingMerge(stores, failure.fingerprint, at, (key) =>
      stores.reports.countOccurrence(key, at, count, tags),
    );
    if (counted) {
      await stores.alerts?.counted(counted, count, new Date(at));
      if (counted.status === 'Closed') await stores.alerts?.regressing(counted, at);
      // Counted is committed: a failed reopen must not fail the batch (a retry would count again).
      const regressed =
        counted.status === 'Closed'
          ? await stores.reports.markRegressed(counted.reportKey, at).catch((error: unknown) => {
              console.error(`events: report ${failure.fingerprint} counted but not reopened`, error);
              return null;
            })
          : null;
      return { report: regressed ?? counted, counted: count, isNew: false, regressed: regressed !== null };
    }
    const [reportId, issueId] = [await stores.ids.nextLogId(), await stores.ids.nextIssueId()];
    const report = { ...newReport(failure, count, reportId, issueId, logId, sha256, at), ...tagsOfNew(tags) };
    await stores.alerts?.creating(report);
    if (await stores.reports.create(report)) {
      await stores.alerts?.counted(report, count, new Date(at));
      return { report, counted: count, isNew: true };
    }
    await stores.alerts?.lost(report);
  }
  throw new Error(`report ${failure.fingerprint} was neither countable nor creatable`);
}

function newReport(
  failure: EventFailure,
  count: number,
  reportId: string,
  issueId: string,
  logId: string,
  sha256: string,
  at: string,
): Report {
  return {
    reportKey: failure.fingerprint,
    reportId,
    issueId,
    type: failure.type,
    occurrences: count,
    firstSeen: at,
    lastSeen: at,
    extract: failure.text,
    extractTruncated: false,
    signature: failure.signature,
    ...headlineOf(failure.rule?.entry ?? failure.signature),
    ...(failure.rule ? { rule: failure.rule.fingerprint } : {}),
    logSha256: sha256,
    firstLogId: logId,
    status: 'Ghost',
    summary: '',
    summaries: [],
    history: [{ event: 'created', at }],
    regressed: false,
    daily: { [at.slice(0, 10)]: count },
  };
}

/** A batch of structured records (a protocol route, NDJSON): each failure record counted on its report. */
export function ingestRecords(
  stores: Stores,
  body: StreamBody,
  records: LogEvent[],
  now: Date,
): Promise<EventsResult> {
  return ingestEvents(stores, body, records.length, failuresOf(records), now);
}

/** A record with the secrets scrubbed from what a report keeps of it (lib/extract/scrub.ts). */
function scrubbed(record: LogEvent): LogEvent {
  const error = record.error;
  return {
    ...record,
    message: scrubLines(record.message),
    ...(error
      ? {
          error: {
            ...error,
            ...(error.message !== undefined ? { message: scrubLine(error.message) } : {}),
            ...(error.stack !== undefined ? { stack: scrubLines(error.stack) } : {}),
          },
        }
      : {}),
  };
}

/**
 * The failures of a batch of records. A record that is no failure itself but
 * whose message holds several lines (a shipper's `log`/`message` carrying a
 * multi-line text, its level read from the first line) is read as that text:
 * each of its failure entries counts.
 */
export function failuresOf(records: LogEvent[]): EventFailure[] {
  const failures: EventFailure[] = [];
  for (const raw of records) {
    const record = scrubbed(raw);
    const failure = failureOfRecord(record);
    if (failure) failures.push(failure);
    else if (record.message.includes('\n')) {
      // An entry of the text is the record's: the record's context is its own.
      const outer = tagValuesOf(record);
      const extractor = new Extractor({
        hashRaw: false,
        onEntry: (entry) =>
          failures.push(failureOfEntry(entry.tags || !outer ? entry : { ...entry, tags: outer })),
      });
      extractor.push(Buffer.from(record.message, 'utf8'));
      extractor.finish();
    }
  }
  return failures;
}
