/**
 * The update clauses that move a merge's counts (lib/store/merged-counts.ts)
 * on a report item in DynamoDB: each place one nested SET, so counts made on
 * the kept report at the same time are never lost (no map is rewritten).
 * Taking back is conditioned on each place holding at least what is taken,
 * so a fold in between makes the write fail and be planned again, never
 * drive a count below zero.
 */
import { type MergedCount, TAG_KEYS, type TagKey } from '#lib/model';

export interface CountClauses {
  sets: string[];
  conditions: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
}

function pathOf(count: MergedCount, i: number, names: Record<string, string>): string {
  if (count.field === 'daily' || count.field === 'monthly') {
    names[`#mc${i}`] = count.key;
    return `${count.field}.#mc${i}`;
  }
  const k = TAG_KEYS.indexOf(count.key as TagKey);
  if (k < 0) throw new Error(`no tag key ${count.key}`);
  names[`#mk${k}`] = count.key;
  if (count.field === 'tagsOther') return `tagsOther.#mk${k}`;
  names[`#mc${i}`] = count.value ?? '';
  return `tags.#mk${k}.#mc${i}`;
}

/** Clauses adding (sign 1) or taking back (sign -1, conditioned) `counts`. */
export function countClauses(counts: readonly MergedCount[], sign: 1 | -1): CountClauses {
  const clauses: CountClauses = { sets: [], conditions: [], names: {}, values: {} };
  counts.forEach((count, i) => {
    const path = pathOf(count, i, clauses.names);
    clauses.values[`:mn${i}`] = count.n;
    if (sign === 1) {
      clauses.values[':mzero'] = 0;
      clauses.sets.push(`${path} = if_not_exists(${path}, :mzero) + :mn${i}`);
    } else {
      clauses.sets.push(`${path} = ${path} - :mn${i}`);
      clauses.conditions.push(`${path} >= :mn${i}`);
    }
  });
  return clauses;
}

/** Clauses removing the places of `counts` that now hold zero, conditioned on them still holding zero. */
export function zeroClauses(counts: readonly MergedCount[]): CountClauses {
  const clauses: CountClauses = { sets: [], conditions: [], names: {}, values: {} };
  counts.forEach((count, i) => {
    if (count.field === 'tagsOther') return; // a key's other count stays, as foldTags keeps it
    const path = pathOf(count, i, clauses.names);
    clauses.values[':mzero'] = 0;
    clauses.sets.push(path);
    clauses.conditions.push(`${path} = :mzero`);
  });
  return clauses;
}
