/**
 * The tags panel of a report (Sentry's): the context its occurrences carried
 * — service, environment, host, logger — which the signature leaves out, kept
 * as bounded counts of the top values per key.
 *
 * Contract: a request's values are tallied per report and become one delta
 * that rides on the request's one counting write for that report (never a
 * write per occurrence, DESIGN.md §2.1). A delta holds at most
 * TAG_WRITE_VALUES values per key (the most frequent), the rest counted as
 * other; the store keeps each key to its top values (lib/store/budgets.ts
 * foldTags). Values are cut to TAG_VALUE_BYTES. Occurrences with no value for
 * a key count under no value of it: a key's counts sum to at most the
 * report's occurrences.
 */
import type { TagLists } from '#lib/extract/index';
import { byCount, type Report, TAG_KEYS, type TagDelta, type TagKey, type TagValues } from '#lib/model';
import { TAG_VALUE_BYTES, TAG_WRITE_VALUES, truncateUtf8 } from '#lib/store/budgets';

/** Distinct values one tally follows per key; beyond it a request's further values count as other. */
const TALLY_MAX_VALUES = 1000;

/** A value as stored: trimmed, cut to its budget; undefined for one that cannot be a map key. */
function storable(value: string): string | undefined {
  const cut = truncateUtf8(value.trim(), TAG_VALUE_BYTES);
  // `__proto__` is a name a JavaScript object does not hold as its own key.
  return cut === '' || cut === '__proto__' ? undefined : cut;
}

/** The tag counts of one request for one report, made into the delta its counting write adds. */
export class TagTally {
  private readonly counts: Record<TagKey, Map<string, number>> = {
    service: new Map(),
    environment: new Map(),
    host: new Map(),
    logger: new Map(),
  };
  private readonly other: Partial<Record<TagKey, number>> = {};
  private any = false;

  add(values: TagValues | undefined, n = 1): void {
    if (!values) return;
    for (const key of TAG_KEYS) {
      const raw = values[key];
      if (raw === undefined) continue;
      const value = storable(raw);
      const counts = this.counts[key];
      this.any = true;
      if (value !== undefined && (counts.has(value) || counts.size < TALLY_MAX_VALUES))
        counts.set(value, (counts.get(value) ?? 0) + n);
      else this.other[key] = (this.other[key] ?? 0) + n;
    }
  }

  /** The delta for the write, or undefined when no occurrence carried a tag. */
  delta(): TagDelta | undefined {
    if (!this.any) return undefined;
    const delta: TagDelta = { values: {}, other: { ...this.other } };
    for (const key of TAG_KEYS) {
      const counts = this.counts[key];
      if (counts.size === 0) continue;
      const ranked = byCount(Object.fromEntries(counts));
      const kept: Record<string, number> = {};
      ranked.forEach(([value, count], i) => {
        if (i < TAG_WRITE_VALUES) kept[value] = count;
        else delta.other[key] = (delta.other[key] ?? 0) + count;
      });
      delta.values[key] = kept;
    }
    return delta;
  }
}

/** A document's tags: it is one occurrence, so each value it carried counts once. */
export function documentTags(lists: TagLists | undefined): TagDelta | undefined {
  if (!lists) return undefined;
  const tally = new TagTally();
  for (const key of TAG_KEYS) for (const value of lists[key] ?? []) tally.add({ [key]: value });
  return tally.delta();
}

/** A new report's tags: the delta its creating request brought. */
export function tagsOfNew(delta: TagDelta | undefined): Pick<Report, 'tags' | 'tagsOther'> {
  return delta ? { tags: delta.values, tagsOther: delta.other } : {};
}
