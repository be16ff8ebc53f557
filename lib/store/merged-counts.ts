/**
 * The per-day counts and tag counts a merge moves onto the kept report (and
 * an unmerge takes back), as a list of counts per place: a day of `daily`, a
 * month of `monthly`, a tag value of `tags`, a key of `tagsOther`.
 *
 * Contract: a merge adds the merged report's counts as one or more writes
 * (PART_ENTRIES places each); an unmerge takes each back from the place the kept report
 * holds it now. A kept report may have folded in between (a day into its
 * month, a tag value into its key's other count), so a count is taken from
 * the day if the day is still kept, else from its month; from the tag value
 * while it holds enough, the rest from its key's other count — never below
 * zero. Pure: the adapters write what these functions decide.
 */
import type { MergedCount, Report, TagKey } from '#lib/model';

/**
 * Places one write moves. Each is one SET clause of at most ~65 characters
 * (and a condition on unmerge): 40 keep an expression near 2.6 KB of
 * DynamoDB's 4 KB, and well within its 300 operators.
 */
export const PART_ENTRIES = 40;

export type Counted = Pick<Report, 'daily' | 'monthly' | 'tags' | 'tagsOther'>;

/** The entries cut into the writes that move them, in order. */
export function partsOf(counts: readonly MergedCount[]): MergedCount[][] {
  const parts: MergedCount[][] = [];
  for (let i = 0; i < counts.length; i += PART_ENTRIES) parts.push(counts.slice(i, i + PART_ENTRIES));
  return parts;
}

/** What `report` holds at the place of `place`. */
export const held = (report: Counted, place: MergedCount): number => {
  switch (place.field) {
    case 'daily':
      return report.daily[place.key] ?? 0;
    case 'monthly':
      return report.monthly?.[place.key] ?? 0;
    case 'tags':
      return report.tags?.[place.key as TagKey]?.[place.value ?? ''] ?? 0;
    case 'tagsOther':
      return report.tagsOther?.[place.key as TagKey] ?? 0;
  }
};

/**
 * Where to take `counts` back from `kept` as it is now: each count moved to
 * the place that holds it after any fold, split where one place holds only
 * part of it, and cut to what the report holds (so no count goes negative).
 * Places are merged, so each appears once.
 */
export function takeBack(kept: Counted, counts: readonly MergedCount[]): MergedCount[] {
  const taken = new Map<string, MergedCount>();
  const take = (place: MergedCount, n: number): number => {
    const id = JSON.stringify([place.field, place.key, place.value ?? null]);
    const already = taken.get(id)?.n ?? 0;
    const n2 = Math.min(n, held(kept, place) - already);
    if (n2 <= 0) return 0;
    taken.set(id, { ...place, n: already + n2 });
    return n2;
  };
  for (const count of counts) {
    let left = count.n;
    if (count.field === 'daily') {
      left -= take(count, left);
      if (left > 0) take({ field: 'monthly', key: count.key.slice(0, 7), n: 0 }, left);
    } else if (count.field === 'tags') {
      left -= take(count, left);
      if (left > 0) take({ field: 'tagsOther', key: count.key, n: 0 }, left);
    } else take(count, left);
  }
  return [...taken.values()];
}

/** `report`'s counts with `counts` added (sign 1) or taken away (sign -1); places left at zero are dropped. */
export function applyCounts(report: Counted, counts: readonly MergedCount[], sign: 1 | -1): Counted {
  const daily = { ...report.daily };
  const monthly = { ...(report.monthly ?? {}) };
  const tags: NonNullable<Report['tags']> = {};
  for (const [key, values] of Object.entries(report.tags ?? {})) tags[key as TagKey] = { ...values };
  const tagsOther: NonNullable<Report['tagsOther']> = { ...(report.tagsOther ?? {}) };
  const bump = (map: Record<string, number>, key: string, n: number, drop: boolean) => {
    const next = (map[key] ?? 0) + sign * n;
    if (next <= 0 && drop) delete map[key];
    else map[key] = Math.max(0, next);
  };
  for (const count of counts) {
    if (count.field === 'daily') bump(daily, count.key, count.n, true);
    else if (count.field === 'monthly') bump(monthly, count.key, count.n, true);
    else if (count.field === 'tags') {
      const key = count.key as TagKey;
      tags[key] ??= {};
      bump(tags[key], count.value ?? '', count.n, true);
    } else bump(tagsOther as Record<string, number>, count.key, count.n, false);
  }
  return { ...report, daily, monthly, tags, tagsOther };
}
