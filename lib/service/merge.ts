/**
 * Corrections of the grouping by a user: merging a report into another (its
 * failures count on the kept report from then on) and undoing it.
 *
 * A merge is two single-item conditional writes, the merged report first:
 *   1. the merged report points at the kept one (markMerged): from this write
 *      on, a count of its signature fails on it and is made on the kept report
 *      (countFollowingMerge); its occurrences stop moving, so the number read
 *      back from this very write is exactly what it counted on its own;
 *   2. the kept report records it and adds those occurrences (addMergedSource).
 * So every occurrence of either signature is counted exactly once on the kept
 * report, however posts interleave with the merge. Repeating a merge finishes
 * one that stopped between 1 and 2; an unmerge of it undoes step 1 alone.
 *
 * An unmerge runs the other way: the kept report gives back the occurrences
 * the merged one brought (removeMergedSource), then the merged report stands
 * on its own again (unmarkMerged), with the count it had when it was merged.
 * Occurrences of its signature counted on the kept report while merged stay
 * there: they were counted while the user said the two were one failure.
 *
 * The kept report's per-day counts (its chart) and tags panel take the
 * merged report's as its occurrences do (mergedCounts): the merge's second
 * write adds them, and an unmerge takes them back from wherever the kept
 * report holds them by then (lib/store/merged-counts.ts). The merged report
 * counts nothing while merged, so what it holds at the unmerge is what its
 * merge moved.
 *
 * Rules: only a report whose issue is a ghost can be merged (a filed bug is
 * never hidden inside another: merge the other way round, or delete it); a
 * report merged into another cannot be merged into or merged again, and one
 * with reports merged into it cannot be merged — so a pointer is followed
 * once, never along a chain.
 */
import { Conflict, Invalid, NotFound } from '#lib/errors';
import { type MergedCount, type Report, TAG_KEYS } from '#lib/model';
import { MAX_MERGED_SOURCES } from '#lib/store/budgets';
import type { Stores } from '#lib/store/ports';
import { TagTally } from './tags.ts';

/** Pointers followed by one count at most: one, plus a hop for a merge made or undone meanwhile. */
const MAX_HOPS = 3;

export interface MergeOutcome {
  /** The report merged (or unmerged). */
  report: Report;
  /** The report it is merged into (for an unmerge, the one it was; null when that is gone). */
  kept: Report | null;
}

async function reportById(stores: Stores, reportId: string): Promise<Report> {
  const report = await stores.reports.getByReportId(reportId);
  if (!report) throw new NotFound(`no report ${reportId}`);
  return report;
}

const sourceEntry = (kept: Report, merged: Report) =>
  (kept.mergedFrom ?? []).find((source) => source.reportKey === merged.reportKey);

/** The kept report holds `merged` with every write of its counts made. */
const holds = (kept: Report, merged: Report) => {
  const entry = sourceEntry(kept, merged);
  return entry !== undefined && (entry.moved ?? 0) >= (entry.parts ?? 0);
};

/**
 * The per-day and tag counts a merge moves from `merged` to the kept report:
 * its days and months, and its tag values as one counting write adds them
 * (TagTally: the most frequent values of each key, the rest as other).
 * Deterministic, so the unmerge takes back exactly these.
 */
export function mergedCounts(merged: Report): MergedCount[] {
  const tally = new TagTally();
  for (const key of TAG_KEYS)
    for (const [value, n] of Object.entries(merged.tags?.[key] ?? {}))
      if (n > 0) tally.add({ [key]: value }, n);
  const delta = tally.delta();
  const counts: MergedCount[] = [];
  for (const key of TAG_KEYS) {
    for (const [value, n] of Object.entries(delta?.values[key] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
      counts.push({ field: 'tags', key, value, n });
    const other = (delta?.other[key] ?? 0) + (merged.tagsOther?.[key] ?? 0);
    if (other > 0) counts.push({ field: 'tagsOther', key, n: other });
  }
  for (const [field, map] of [
    ['daily', merged.daily],
    ['monthly', merged.monthly ?? {}],
  ] as const) {
    for (const key of Object.keys(map).sort()) if (map[key]! > 0) counts.push({ field, key, n: map[key]! });
  }
  return counts;
}

/** Why `source` cannot be merged into `target`, or null when it can. */
function refusal(source: Report, target: Report): Conflict | null {
  if (target.mergedInto !== undefined) {
    return new Conflict(
      `report ${target.reportId} is itself merged into report ${target.mergedIntoId}; merge into that one`,
      'merge_target_merged',
    );
  }
  if (source.mergedInto !== undefined) {
    return new Conflict(
      `report ${source.reportId} is already merged into report ${source.mergedIntoId}; unmerge it first`,
      'already_merged',
    );
  }
  if ((source.mergedFrom ?? []).length > 0) {
    return new Conflict(
      `reports are merged into report ${source.reportId}; unmerge them first, or merge report ${target.reportId} into it instead`,
      'merge_has_sources',
    );
  }
  if (source.status !== 'Ghost') {
    return new Conflict(
      `report ${source.reportId} has a filed issue (${source.issueId}, ${source.status}); only a report whose issue is a ghost can be merged — merge report ${target.reportId} into it instead`,
      'merge_has_issue',
    );
  }
  if ((target.mergedFrom ?? []).length >= MAX_MERGED_SOURCES) {
    return new Conflict(
      `report ${target.reportId} already holds ${MAX_MERGED_SOURCES} merged reports`,
      'merge_full',
    );
  }
  return null;
}

/** Merge report `sourceId` into report `targetId`; repeating it answers the same. */
export async function mergeReport(
  stores: Stores,
  sourceId: string,
  targetId: string,
  now: Date,
): Promise<MergeOutcome> {
  if (sourceId === targetId) throw new Invalid('merge_into_itself', 'a report cannot be merged into itself');
  const at = now.toISOString();
  for (let attempt = 0; attempt < 4; attempt++) {
    const [source, target] = [await reportById(stores, sourceId), await reportById(stores, targetId)];
    if (source.mergedInto === target.reportKey) {
      // Merged already, or a merge that stopped after its first write (or amid its counts): finish it.
      if (holds(target, source)) return { report: source, kept: target };
      const entry = sourceEntry(target, source);
      const kept = await stores.reports.addMergedSource(
        target.reportKey,
        entry ?? sourceOf(source, at),
        at,
        mergedCounts(source),
      );
      if (kept) return { report: source, kept };
      continue;
    }
    const refused = refusal(source, target);
    if (refused) throw refused;
    const merged = await stores.reports.markMerged(source.reportKey, target, at);
    if (!merged) continue; // changed since it was read: read both again
    const kept = await stores.reports.addMergedSource(
      target.reportKey,
      sourceOf(merged, at),
      at,
      mergedCounts(merged),
    );
    if (kept) return { report: merged, kept };
    // The kept report was merged or deleted in between: the merged one stands alone again.
    await stores.reports.unmarkMerged(source.reportKey, target.reportKey, at);
  }
  throw new Conflict('the reports are changing too fast; try again');
}

function sourceOf(report: Report, at: string) {
  return { reportKey: report.reportKey, reportId: report.reportId, occurrences: report.occurrences, at };
}

/** Undo the merge of report `reportId`; a report merged nowhere is answered as it is. */
export async function unmergeReport(stores: Stores, reportId: string, now: Date): Promise<MergeOutcome> {
  const at = now.toISOString();
  for (let attempt = 0; attempt < 4; attempt++) {
    const report = await reportById(stores, reportId);
    if (report.mergedInto === undefined) return { report, kept: null };
    const targetKey = report.mergedInto;
    const kept = await stores.reports.removeMergedSource(
      targetKey,
      report.reportKey,
      at,
      mergedCounts(report),
    );
    const unmerged = await stores.reports.unmarkMerged(report.reportKey, targetKey, at);
    if (unmerged) return { report: unmerged, kept };
  }
  throw new Conflict('the report is changing too fast; try again');
}

/**
 * Count with `count` on the report of `reportKey` or, when that report was
 * merged, on the report it was merged into: the count itself tells (a merged
 * report refuses it), so a report never merged costs nothing more, and one
 * merged costs one read. Null when no report has `reportKey` (create it).
 */
export async function countFollowingMerge<T>(
  stores: Stores,
  reportKey: string,
  at: string,
  count: (key: string) => Promise<T | null>,
): Promise<T | null> {
  let key = reportKey;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const counted = await count(key);
    if (counted !== null) return counted;
    const current = await stores.reports.getByKey(key);
    if (!current) {
      if (key === reportKey) return null;
      // The kept report is gone (deleted by other means than this service's routes, which refuse it):
      // the merged report stands alone again rather than count nowhere.
      await stores.reports.unmarkMerged(reportKey, key, at);
      key = reportKey;
      continue;
    }
    // Unmerged between the count and the read: count on it again.
    key = current.mergedInto ?? key;
  }
  throw new Conflict('the report is being merged or unmerged; try again');
}
