/**
 * The storage logsift needs, as small interfaces. The service layer depends on
 * these only; lib/store/s3-archive.ts and lib/store/dynamo-*.ts implement them.
 */
import type { Readable } from 'node:stream';
import type {
  IssueStatus,
  LogRecord,
  MergedCount,
  MergedSource,
  Report,
  ReportType,
  SummaryEntry,
  TagDelta,
} from '#lib/model';
import type { AlertHooks } from './alert-ports.ts';

export type { AlertHooks, AlertStore, Delivery } from './alert-ports.ts';

/**
 * Raw log bytes, content-addressed: identical logs are stored once. Every log
 * record holds one reference to its blob: `putBlob` and a staged `commit` take
 * it, `release` gives it back, and the bytes are deleted with the last one
 * (lib/service/lifecycle.ts). A reference taken is a promise that the bytes
 * stay until it is released, whatever a concurrent release does.
 */
export interface LogArchive {
  /** Takes a reference; storing bytes already stored costs no storage. */
  putBlob(sha256: string, bytes: Buffer): Promise<void>;
  /** Gives one reference back; the last one deletes the bytes. */
  release(sha256: string): Promise<BlobRelease>;
  /**
   * Gives `holder`'s reference back at most once, however often it is asked
   * (a redelivered stream record); null when that holder's was given back
   * already (lib/service/expiry-release.ts).
   */
  releaseOnce(sha256: string, holder: string): Promise<BlobRelease | null>;
  getBlob(sha256: string): Promise<Buffer | null>;
  /**
   * Archives a log too big to hold in memory while it streams past: the bytes
   * are compressed into a staging object as they arrive (memory bounded by the
   * part size, whatever the log's size). Resolves once `body` has ended and the
   * staged copy is stored; the caller then files it under its hash.
   */
  stageBlob(stagingId: string, body: Readable): Promise<StagedBlob>;
  /** A time-limited URL serving the original bytes (for logs too big for an API answer). */
  blobUrl(sha256: string, filename: string, expiresInSeconds: number): Promise<string>;
}

/** What giving a reference back did: deleted the bytes, or kept them for `refs` other logs. */
export type BlobRelease = { deleted: true } | { deleted: false; refs: number };

export interface StagedBlob {
  /** File the staged copy as the blob of `sha256` and take a reference (no copy when those bytes are stored already). */
  commit(sha256: string, rawBytes: number): Promise<void>;
  /** Drop the staged copy. */
  discard(): Promise<void>;
}

export interface LogIndex {
  put(log: LogRecord): Promise<void>;
  get(logId: string): Promise<LogRecord | null>;
  /** Remove a record that never counted (its request was refused after it was written). */
  delete(logId: string): Promise<void>;
  /**
   * Delete a record and answer what it was; null when there was none (or, with
   * `expiredBy`, when it is not expired by then): only the caller that removed
   * it releases its blob.
   */
  remove(logId: string, options?: { expiredBy?: Date }): Promise<LogRecord | null>;
  /**
   * Ids of up to `limit` records expired by `now`, from `cursor` on (an index
   * read: it may lag a write, so an id may already be gone).
   */
  expired(now: Date, limit: number, cursor?: string): Promise<IdPage>;
  /** Ids of up to `limit` records whose report is `reportKey`, from `cursor` on (an index read, as above). */
  ofReport(reportKey: string, limit: number, cursor?: string): Promise<IdPage>;
}

/** One page of record ids; `cursor` null after the last. */
export interface IdPage {
  ids: string[];
  cursor: string | null;
}

export interface IdAllocator {
  nextLogId(): Promise<string>;
  nextIssueId(): Promise<string>;
}

export type ReportSort = 'lastSeen' | 'firstSeen' | 'occurrences';

export interface ListQuery {
  sort: ReportSort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
  type?: ReportType;
  /** Issues only: Open or Closed; absent = both (never ghosts). */
  status?: Exclude<IssueStatus, 'Ghost'>;
  /** Case-sensitive substring of summary, extract or signature. */
  q?: string;
  /** Only reports whose tags hold this service (exactly), or this environment. */
  service?: string;
  environment?: string;
}

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * How many reports and issues there are, kept as counters beside them so a list
 * can say "1,204 reports" without counting them. Each change bumps them with one
 * atomic add after the change itself, so a crash between the two leaves a total
 * off by one (never the reports or issues themselves).
 */
export interface Totals {
  reports: number;
  byType: Record<ReportType, number>;
  issues: Record<'Open' | 'Closed', number>;
}

/** A bug filed with a log: its summary, and the log that came with it. */
export interface FiledWith {
  summary: string;
  logId: string;
}

/** How many further summaries an issue may hold, and in how many bytes (the service's rule). */
export interface SummaryLimits {
  maxEntries: number;
  maxBytes: number;
}

/** What filing a summary did: filed it, found the issue full, or found no such report. */
export type SummaryOutcome =
  | { kind: 'filed'; report: Report }
  | { kind: 'full'; report: Report }
  | { kind: 'missing' };

export interface StatusChange {
  /** The issue asked about: the write applies only while the report still carries it. */
  issueId: string;
  from: 'Open' | 'Closed';
  to: 'Open' | 'Closed';
}

export interface ReportStore {
  /**
   * Count `n` (default 1) more occurrences of an existing report with one
   * atomic add, and add `tags` (the context they carried) in the same write;
   * null when no report has that key.
   */
  countOccurrence(reportKey: string, at: string, n?: number, tags?: TagDelta): Promise<Report | null>;
  /**
   * Count one more occurrence and file the bug's summary in the same write
   * (Ghost -> Open with it, or kept beside the first within `limits`), so the
   * log and its summary land together or not at all.
   */
  countWithSummary(
    reportKey: string,
    at: string,
    bug: FiledWith,
    limits: SummaryLimits,
    /** The context the bug's log carried, added in the same write (as countOccurrence does). */
    tags?: TagDelta,
  ): Promise<SummaryOutcome>;
  /**
   * Create a report once; false when one with that key already exists. Parts
   * over their byte budgets (lib/store/budgets.ts) are truncated, never refused.
   * `positions`: the report's stream positions from its creation on (countSequenced).
   */
  create(report: Report, positions?: Record<string, string>): Promise<boolean>;
  getByKey(reportKey: string): Promise<Report | null>;
  getByReportId(reportId: string): Promise<Report | null>;
  getByIssueId(issueId: string): Promise<Report | null>;
  /** As countWithSummary without counting, for the report whose id is `reportId` (and no other). */
  fileSummary(
    reportKey: string,
    reportId: string,
    entry: SummaryEntry,
    limits: SummaryLimits,
  ): Promise<SummaryOutcome>;
  /** Closed -> Open because the failure came back. No-op unless Closed. */
  markRegressed(reportKey: string, at: string): Promise<Report | null>;
  /**
   * Compare-and-set of the status: applied only while the report is still
   * `change.issueId`'s and its status still `change.from`; null otherwise.
   */
  setStatus(reportKey: string, change: StatusChange, at: string): Promise<Report | null>;
  delete(report: Report): Promise<void>;
  listReports(query: ListQuery): Promise<PageOf<Report>>;
  listIssues(query: ListQuery): Promise<PageOf<Report>>;
  totals(): Promise<Totals>;

  // Merges (lib/service/merge.ts): each step one conditional write on one item.
  // A merged report is counted in no total and listed nowhere; countOccurrence
  // and the summary writes refuse it (null / missing), so a caller reads it and
  // follows `mergedInto`.
  /**
   * Point the report at `target`: applied only while it is a ghost, merged
   * nowhere and has nothing merged into it; null otherwise. Its occurrences
   * stop moving from then on.
   */
  markMerged(
    reportKey: string,
    target: Pick<Report, 'reportKey' | 'reportId'>,
    at: string,
  ): Promise<Report | null>;
  /**
   * Record `source` on the kept report and add its occurrences there: applied
   * only while the kept report exists, is merged nowhere and does not hold
   * `source` yet; null when it is gone, merged or full. When it holds
   * `source` already (a repeat of the merge made it meanwhile) it is answered
   * as it is, unchanged. `counts` (the merged report's per-day and
   * tag counts, lib/store/merged-counts.ts) are added too, in as many writes
   * as they need; called again while the kept report holds `source` with
   * writes still to make, it makes them and answers the report.
   */
  addMergedSource(
    reportKey: string,
    source: MergedSource,
    at: string,
    counts?: readonly MergedCount[],
  ): Promise<Report | null>;
  /**
   * Forget `sourceKey` on the kept report and take back the occurrences it
   * brought, and the `counts` its merge moved (from where the kept report
   * holds them now); the report as it is now (null when no report has that
   * key), unchanged when it did not hold the source.
   */
  removeMergedSource(
    reportKey: string,
    sourceKey: string,
    at: string,
    counts?: readonly MergedCount[],
  ): Promise<Report | null>;
  /** Undo markMerged: applied only while the report is merged into `targetKey`; null otherwise. */
  unmarkMerged(reportKey: string, targetKey: string, at: string): Promise<Report | null>;
  /**
   * The asynchronous count (lib/service/async-count.ts): add `n` with `tags`
   * in one write that also moves the report's applied position on `stream`
   * to `guard.last`, applied only while that position is below `guard.first`
   * — so a stream record is counted once however often it is delivered.
   * `applied` (nothing written) names the position found at or past `first`.
   */
  countSequenced(
    reportKey: string,
    at: string,
    n: number,
    guard: SequenceGuard,
    tags?: TagDelta,
  ): Promise<SequencedOutcome>;
  /**
   * The scheduled fold (functions/fold.ts): a hot report's counter items
   * folded into its item though nobody reads or counts it again. Only stores
   * with counter items have it.
   */
  foldCounters?(options?: { maxReports?: number }): Promise<FoldRun>;
}

/** A count's place on one shard of the count stream: sequence numbers as zero-padded decimals. */
export interface SequenceGuard {
  stream: string;
  first: string;
  last: string;
}

export type SequencedOutcome =
  | { kind: 'counted'; report: Report }
  | { kind: 'applied'; position: string }
  | { kind: 'missing' };

/**
 * Counting handed to a stream (COUNT_MODE=async): given a log whose bytes and
 * record are stored, the counts it brings are published; true once the stream
 * has them durably, false when they do not fit one stream record (the request
 * then counts them itself).
 */
export interface CountDeferral {
  defer(message: DeferredCounts): Promise<boolean>;
}

/** One request's counts, as they travel on the stream (lib/service/async-count.ts). */
export interface DeferredCounts {
  log: LogRecord;
  unit: 'document' | 'event';
  groups: DeferredGroup[];
}

export interface DeferredGroup {
  reportKey: string;
  n: number;
  tags?: TagDelta;
  /** The report to create when none has the key yet: occurrences 0, no tags; its ids are the consumer's. */
  template: Report;
}

/** An answer kept for an Idempotency-Key, replayed to retries. */
export interface StoredAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

export interface IdempotencyRecord {
  /** pending: the first request is still running (or died; see lockedUntil). */
  state: 'pending' | 'done';
  requestHash: string;
  /** Epoch seconds; an expired record counts as absent (TTL deletes it eventually). */
  expiresAt: number;
  answer: StoredAnswer | null;
}

/** Idempotency-Key records (lib/service/idempotency); `now` and times in epoch seconds. */
export interface IdempotencyStore {
  /**
   * Claim a key with one conditional write: true when it was free, expired, or
   * left pending by a request with the same body whose lease ran out.
   */
  claim(
    id: string,
    requestHash: string,
    now: number,
    ttlSeconds: number,
    leaseSeconds: number,
  ): Promise<boolean>;
  get(id: string, now: number): Promise<IdempotencyRecord | null>;
  complete(id: string, requestHash: string, answer: StoredAnswer): Promise<void>;
  /** Give a pending claim up (the request failed retryably); no-op otherwise. */
  release(id: string, requestHash: string): Promise<void>;
}

export interface Stores {
  archive: LogArchive;
  logs: LogIndex;
  ids: IdAllocator;
  reports: ReportStore;
  idempotency: IdempotencyStore;
  /** The alert triggers (lib/alerts/trigger.ts); absent when no alert rules are configured. */
  alerts?: AlertHooks;
  /** COUNT_MODE=async: where counts go instead of the report store; absent = counted in the request. */
  deferral?: CountDeferral;
}

/** Logs sent straight to S3 through a presigned URL (too big for the API path), by log id. */
export interface UploadObjects {
  /** A presigned PUT URL for the log's bytes. */
  putUrl(logId: string, expiresInSeconds: number): Promise<string>;
  /** The uploaded object's size; null while nothing was uploaded. */
  size(logId: string): Promise<number | null>;
  open(logId: string): Promise<Readable>;
  delete(logId: string): Promise<void>;
}

export type UploadPhase = 'pending' | 'processing' | 'done' | 'failed';

export interface UploadState {
  logId: string;
  phase: UploadPhase;
  createdAt: string;
  /** processing: the claim lapses then, and another processor may take the upload over. */
  leaseUntil?: string;
  /** done / failed: the HTTP status and JSON body of the outcome, answered again on every call. */
  status?: number;
  body?: Record<string, unknown>;
}

/** Where each upload stands; every change is one conditional write on its item. */
export interface UploadStates {
  create(logId: string, createdAt: string): Promise<void>;
  get(logId: string): Promise<UploadState | null>;
  /** pending, or processing with a lapsed lease -> processing under `token`; false when not claimed. */
  claim(logId: string, token: string, now: string, leaseUntil: string): Promise<boolean>;
  /** processing -> pending (the processor failed for a reason worth retrying). */
  release(logId: string, token: string): Promise<void>;
  /** processing -> done / failed with the outcome; false when `token` no longer holds the claim. */
  finish(
    logId: string,
    token: string,
    phase: 'done' | 'failed',
    status: number,
    body: Record<string, unknown>,
  ): Promise<boolean>;
}

/** What one scheduled fold did. */
export interface FoldRun {
  /** Reports marked as having counter items, looked at. */
  reports: number;
  /** Of those, folded into their items now. */
  folded: number;
  /** Of those, quiet with nothing pending: unmarked. */
  cleared: number;
  /** Stopped at maxReports: the next run goes on. */
  more: boolean;
}
