/**
 * Byte budgets of a report item (a report and its issue share one DynamoDB
 * item, lib/store/dynamo-reports.ts), in the bytes DynamoDB counts
 * (item-size.ts). Each part that can grow has its own budget and the budgets
 * sum well below the 400 KB item limit, so no input can make a write fail on
 * size: what would exceed a budget is truncated deterministically (and says
 * so) or folded, before the write.
 *
 *   signature          98,304   truncated at an entry boundary, signatureTruncated
 *   extract            65,536   truncated at a character boundary, extractTruncated
 *   summary             8,000   2,000 characters of at most 4 bytes (checked at the edge)
 *   summaries          65,536   and at most 50 entries: a further summary is refused (409)
 *   history            16,384   at most 200 entries: the oldest but the first are dropped, historyDropped
 *   daily + monthly    16,384   the last 120 days by day; older days folded into months
 *   tags + tagsOther   12,288   per key (4) values of at most 80 bytes: folded to the top 10 once
 *                               past 20, and a write adds at most 10 (+ other), so at most 30
 *   everything else     8,192   keys, ids, times, type, status, counters, index attributes
 *   merged reports     16,384   at most 50 sources (key, id, count, time): a further merge is refused (409)
 *                     -------
 *                     307,008   of 409,600 (75 %)
 */
import {
  byCount,
  type HistoryEntry,
  type Report,
  type SummaryEntry,
  TAG_KEYS,
  TAG_TOP,
  type TagKey,
} from '#lib/model';
import { itemSize, MAX_ITEM_BYTES, valueSize } from './item-size.ts';

export const SIGNATURE_BYTES = 96 * 1024;
export const EXTRACT_BYTES = 64 * 1024;
export const SUMMARY_BYTES = 8_000;
export const SUMMARIES_BYTES = 64 * 1024;
export const MAX_EXTRA_SUMMARIES = 50;
export const HISTORY_BYTES = 16 * 1024;
export const MAX_HISTORY = 200;
export const COUNTS_BYTES = 16 * 1024;
/** Days kept one by one in `daily`; earlier ones are folded into `monthly`. */
export const DAILY_DAYS = 120;
export const FIXED_BYTES = 8 * 1024;
export const TAGS_BYTES = 12 * 1024;
/** A tag value is cut to this many UTF-8 bytes. */
export const TAG_VALUE_BYTES = 80;
/** Values per tag key stored before a fold (between folds new values still find room). */
export const TAG_FOLD_AT = 20;
/** Values per tag key one write may add; a request's further values are counted as other. */
export const TAG_WRITE_VALUES = 10;
/** Reports merged into one (lib/service/merge.ts), each about 200 bytes with its key in `mergedKeys`. */
export const MAX_MERGED_SOURCES = 50;
export const MERGED_BYTES = 16 * 1024;

export const REPORT_ITEM_BUDGET =
  SIGNATURE_BYTES +
  EXTRACT_BYTES +
  SUMMARY_BYTES +
  SUMMARIES_BYTES +
  HISTORY_BYTES +
  COUNTS_BYTES +
  TAGS_BYTES +
  FIXED_BYTES +
  MERGED_BYTES;

if (REPORT_ITEM_BUDGET > MAX_ITEM_BYTES * 0.75) throw new Error('report item budgets exceed 75% of 400 KB');

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes that ends on a whole character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8(text) <= maxBytes) return text;
  const bytes = Buffer.from(text, 'utf8');
  let end = maxBytes;
  // back up over continuation bytes (10xxxxxx) to the start of the cut character
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

/** Cut at the last line break that fits, so a signature keeps whole entries. */
function truncateLines(text: string, maxBytes: number): string {
  const cut = truncateUtf8(text, maxBytes);
  if (cut === text) return text;
  const lastBreak = cut.lastIndexOf('\n');
  return lastBreak > 0 ? cut.slice(0, lastBreak) : cut;
}

/** What one more summary entry adds to the `summaries` list (its element overhead included). */
export function summaryEntryBytes(entry: SummaryEntry): number {
  return 1 + valueSize(entry);
}

export function summariesBytes(entries: readonly SummaryEntry[]): number {
  let total = 0;
  for (const entry of entries) total += summaryEntryBytes(entry);
  return total;
}

/** Whether an issue holding `entries` can keep one more (count and bytes both within budget). */
export function roomForSummary(entries: readonly SummaryEntry[], entry: SummaryEntry): boolean {
  return (
    entries.length < MAX_EXTRA_SUMMARIES &&
    summariesBytes(entries) + summaryEntryBytes(entry) <= SUMMARIES_BYTES
  );
}

/** A new report's signature and extract cut to their budgets, saying so. */
export function fitNewReport(report: Report): Report {
  const signature = truncateLines(report.signature, SIGNATURE_BYTES);
  const extract = truncateUtf8(report.extract, EXTRACT_BYTES);
  const summary = truncateUtf8(report.summary, SUMMARY_BYTES);
  return {
    ...report,
    signature,
    signatureTruncated: (report.signatureTruncated ?? false) || signature !== report.signature,
    extract,
    extractTruncated: report.extractTruncated || extract !== report.extract,
    summary,
    ...fold(report),
  };
}

/** `daily`, `history` and `tags` within their budgets: whether they need rewriting, and how. */
export function needsFolding(report: Pick<Report, 'daily' | 'history' | 'tags'>): boolean {
  return (
    Object.keys(report.daily).length > DAILY_DAYS ||
    report.history.length > MAX_HISTORY ||
    tagsOverflow(report)
  );
}

function tagsOverflow(report: Pick<Report, 'tags'>): boolean {
  for (const key of TAG_KEYS) {
    const values = report.tags?.[key];
    if (values && Object.keys(values).length > TAG_FOLD_AT) return true;
  }
  return false;
}

/**
 * Each key's TAG_TOP most frequent values kept, the rest added to `tagsOther`
 * (every key present, so a later write can add a value under it).
 */
export function foldTags(report: Pick<Report, 'tags' | 'tagsOther'>): {
  tags: Record<TagKey, Record<string, number>>;
  tagsOther: Record<TagKey, number>;
} {
  const tags: Record<TagKey, Record<string, number>> = { service: {}, environment: {}, host: {}, logger: {} };
  const tagsOther: Record<TagKey, number> = { service: 0, environment: 0, host: 0, logger: 0 };
  for (const key of TAG_KEYS) {
    tagsOther[key] = report.tagsOther?.[key] ?? 0;
    const values = report.tags?.[key] ?? {};
    if (Object.keys(values).length <= TAG_FOLD_AT) {
      tags[key] = { ...values };
      continue;
    }
    byCount(values).forEach(([value, count], i) => {
      if (i < TAG_TOP) tags[key][value] = count;
      else tagsOther[key] += count;
    });
  }
  return { tags, tagsOther };
}

/**
 * Days before the last DAILY_DAYS folded into their month ('YYYY-MM'); history
 * cut to the first entry (its creation) and the latest MAX_HISTORY - 1.
 * Deterministic: the same report always folds the same way.
 */
export function fold(
  report: Pick<Report, 'daily' | 'monthly' | 'history' | 'historyDropped' | 'tags' | 'tagsOther'>,
): Pick<Report, 'daily' | 'monthly' | 'history' | 'historyDropped' | 'tags' | 'tagsOther'> {
  const days = Object.keys(report.daily).sort();
  const daily: Record<string, number> = {};
  const monthly: Record<string, number> = { ...(report.monthly ?? {}) };
  const keepFrom = days.length - DAILY_DAYS;
  days.forEach((name, i) => {
    const count = report.daily[name]!;
    if (i < keepFrom) monthly[name.slice(0, 7)] = (monthly[name.slice(0, 7)] ?? 0) + count;
    else daily[name] = count;
  });
  let history: HistoryEntry[] = report.history;
  let historyDropped = report.historyDropped ?? 0;
  if (history.length > MAX_HISTORY) {
    const dropped = history.length - MAX_HISTORY;
    history = [history[0]!, ...history.slice(dropped + 1)];
    historyDropped += dropped;
  }
  return { daily, monthly, history, historyDropped, ...foldTags(report) };
}

/** The size of the stored item of a report (the adapter adds a few index attributes, in FIXED_BYTES). */
export function reportItemBytes(report: Report): number {
  return itemSize({ ...report, pk: report.reportKey });
}

export { utf8 as utf8Bytes };
