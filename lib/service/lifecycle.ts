/**
 * The data lifecycle: logs past retention swept away, logs deleted on request,
 * and what the archive keeps of a body (README, Data).
 *
 * Deleting a log is two writes, in this order: remove its record (a
 * conditional delete that answers the removed record, so of two racing
 * deleters only one goes on), then give its blob reference back
 * (lib/store/s3-archive.ts: the last reference deletes the bytes). A crash
 * between them keeps bytes no record names — never a record without bytes.
 * Every read treats a record past `expiresAt` as absent, so nothing depends
 * on when TTL or the sweeper gets to it.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { LifecycleConfig } from '#lib/config';
import type { FirstLogStateAnswer } from '#lib/contracts/lifecycle';
import { Scrubber } from '#lib/extract/scrub';
import { firstLogOf, type LogRecord, type Report } from '#lib/model';
import type { BlobRelease, Stores } from '#lib/store/ports';

/** What deleting one log removed (LogDeletion in lib/contracts). */
export interface LogDeletion {
  logId: string;
  record: 'deleted';
  /** `kept`: other logs still point at the same bytes (`sharedWith` of them). */
  blob: 'deleted' | 'kept';
  sharedWith?: number;
}

/** Delete one log's record and, when no other log points at its bytes, the bytes; null when there was no record. */
export async function deleteLog(
  stores: Stores,
  logId: string,
  options: { expiredBy?: Date } = {},
): Promise<LogDeletion | null> {
  const removed = await stores.logs.remove(logId, options);
  if (!removed) return null;
  return deletionOf(removed, await stores.archive.release(removed.sha256));
}

function deletionOf(log: LogRecord, release: BlobRelease): LogDeletion {
  return release.deleted
    ? { logId: log.logId, record: 'deleted', blob: 'deleted' }
    : { logId: log.logId, record: 'deleted', blob: 'kept', sharedWith: release.refs };
}

/**
 * Whether `report`'s first log can still be read: kept, expired (its record
 * is gone, or reads as gone, past the retention of `retentionDays`), or
 * deleted on request. A report's first log was received at its firstSeen.
 */
export async function firstLogState(
  stores: Stores,
  report: Report,
  retentionDays: number,
  now: Date,
): Promise<FirstLogStateAnswer> {
  if (await stores.logs.get(firstLogOf(report))) return { state: 'kept' };
  const expiry = Date.parse(report.firstSeen) + retentionDays * 86_400_000;
  if (retentionDays > 0 && expiry <= now.getTime())
    return { state: 'expired', expiredAt: new Date(expiry).toISOString() };
  return { state: 'deleted' };
}

export interface SweepResult {
  /** Log records deleted. */
  logs: number;
  /** Blobs deleted with their last log. */
  blobs: number;
  /** The sweep stopped at its budget with expired logs left (the next run goes on). */
  more: boolean;
}

export interface SweepOptions {
  /** Records read per index query. */
  batch?: number;
  /** Stop after this many records (a scheduled run fits its timeout; the next one goes on). */
  maxLogs?: number;
  /** Deletions run at once. */
  concurrency?: number;
}

/**
 * Delete every log expired by `now`, and each blob with its last log. Safe to
 * run beside ingests and other sweeps: a record is removed only while expired,
 * and by one sweeper only.
 */
export async function sweepExpired(
  stores: Stores,
  now: Date,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const batch = options.batch ?? 100;
  const maxLogs = options.maxLogs ?? 5000;
  const result: SweepResult = { logs: 0, blobs: 0, more: false };
  let seen = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await stores.logs.expired(now, Math.min(batch, maxLogs - seen), cursor);
    seen += page.ids.length;
    const deletions = await eachAtMost(page.ids, options.concurrency ?? 8, (logId) =>
      deleteLog(stores, logId, { expiredBy: now }),
    );
    for (const deletion of deletions) {
      if (!deletion) continue;
      result.logs += 1;
      if (deletion.blob === 'deleted') result.blobs += 1;
    }
    if (page.cursor === null) return result;
    if (seen >= maxLogs) {
      result.more = true;
      return result;
    }
    cursor = page.cursor;
  }
}

/** What deleting a report's logs removed. */
export interface ReportLogsDeletion {
  logs: number;
  blobs: number;
  /** Logs whose bytes stay because other logs share them. */
  blobsKept: number;
}

/**
 * Delete the logs whose report is `reportKey` (a document's log, or the first
 * report a stream's log counted on), and their bytes where unshared.
 */
export async function deleteReportLogs(stores: Stores, reportKey: string): Promise<ReportLogsDeletion> {
  const result: ReportLogsDeletion = { logs: 0, blobs: 0, blobsKept: 0 };
  let cursor: string | undefined;
  for (;;) {
    const page = await stores.logs.ofReport(reportKey, 100, cursor);
    const deletions = await eachAtMost(page.ids, 8, (logId) => deleteLog(stores, logId));
    for (const deletion of deletions) {
      if (!deletion) continue;
      result.logs += 1;
      if (deletion.blob === 'deleted') result.blobs += 1;
      else result.blobsKept += 1;
    }
    if (page.cursor === null) return result;
    cursor = page.cursor;
  }
}

async function eachAtMost<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

let settings: Pick<LifecycleConfig, 'archiveMode' | 'keepSamples'> = { archiveMode: 'raw', keepSamples: 0 };

/** The deployment's ARCHIVE_MODE and KEEP_SAMPLES, set once by the composition root (lib/app.ts) at cold start. */
export function configureLifecycle(config: Pick<LifecycleConfig, 'archiveMode' | 'keepSamples'>): void {
  settings = { archiveMode: config.archiveMode, keepSamples: config.keepSamples };
}

/**
 * Whether a log is one of its report's first KEEP_SAMPLES (kept past
 * retention): the occurrences before its own count were fewer. Read from the
 * counting write's answer, so racing logs never both take the last place.
 */
export function isSample(occurrencesAfter: number, counted: number): boolean {
  return occurrencesAfter - counted < settings.keepSamples;
}

/**
 * What the archive keeps of a body, and the hash it is filed under: the bytes
 * as received (`raw`), or a copy with every line scrubbed (`scrubbed`), hashed
 * as stored — so logs that differ only in their secrets share one blob, and no
 * hash of the unscrubbed bytes (which would let anyone holding a guess at a
 * secret confirm it) is kept.
 */
export function archivedCopy(bytes: Buffer, sha256: string): { bytes: Buffer; sha256: string } {
  if (settings.archiveMode === 'raw') return { bytes, sha256 };
  const copy = new ScrubbedCopy();
  const scrubbed = Buffer.concat([copy.push(bytes), copy.end()]);
  if (scrubbed.equals(bytes)) return { bytes, sha256 };
  return { bytes: scrubbed, sha256: copy.sha256() };
}

/** Whether the archive keeps scrubbed copies (a streamed upload then stages one: see ScrubbedCopy). */
export const archivesScrubbed = (): boolean => settings.archiveMode === 'scrubbed';

const NEWLINE = 0x0a;

/**
 * A body scrubbed line by line as it streams past, hashed as it comes out.
 * Each line is read as UTF-8, or as latin1 when it is not valid UTF-8, so
 * every byte outside a secret is kept exactly whatever the encoding.
 */
export class ScrubbedCopy {
  private readonly scrubber = new Scrubber();
  private readonly hash = createHash('sha256');
  private rest: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer {
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    const last = data.lastIndexOf(NEWLINE);
    if (last < 0) {
      this.rest = data;
      return Buffer.alloc(0);
    }
    this.rest = data.subarray(last + 1);
    return this.out(data.subarray(0, last + 1));
  }

  end(): Buffer {
    const tail = this.rest;
    this.rest = Buffer.alloc(0);
    return tail.length > 0 ? this.out(tail) : Buffer.alloc(0);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }

  private out(lines: Buffer): Buffer {
    const parts: Buffer[] = [];
    let from = 0;
    while (from < lines.length) {
      const at = lines.indexOf(NEWLINE, from);
      const to = at < 0 ? lines.length : at;
      const line = lines.subarray(from, to);
      const encoding = isUtf8(line) ? 'utf8' : 'latin1';
      const text = line.toString(encoding);
      const scrubbed = this.scrubber.line(text);
      parts.push(scrubbed === text ? line : Buffer.from(scrubbed, encoding));
      if (at >= 0) parts.push(lines.subarray(at, at + 1));
      from = to + 1;
    }
    const out = Buffer.concat(parts);
    this.hash.update(out);
    return out;
  }
}
