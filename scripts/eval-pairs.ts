/**
 * The grouping pairs suite (test/pairs): per format and overall, the share of
 * same-failure pairs joined, of different-failure pairs kept apart, and the
 * pairs where a failure was not detected, for documents and for stream events.
 *
 *   npx tsx scripts/eval-pairs.ts [--strict] [--explain]
 *
 * --strict exits non-zero below the targets (joined >= 97 %, kept apart >= 95 %,
 * every failure detected); --explain prints each failing pair's sides.
 */
import { failureOfRecord } from '#lib/extract/event';
import { extractBuffer } from '#lib/extract/index';
import { parseLine } from '#lib/records/index';
import {
  evaluatePairs,
  type Mode,
  meetsTargets,
  type Outcome,
  rates,
  TARGETS,
  tally,
} from '../test/pairs/evaluate.ts';

const strict = process.argv.includes('--strict');
const explain = process.argv.includes('--explain');

const outcomes = evaluatePairs();
const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)} %`;

function row(label: string, list: Outcome[]): string {
  const t = tally(list);
  const r = rates(t);
  return `${label.padEnd(22)} ${`${t.joined}/${t.same}`.padStart(7)} ${pct(r.joined)}   ${`${t.apart}/${t.different}`.padStart(7)} ${pct(r.apart)}   ${String(t.missed).padStart(6)}`;
}

const formats = [...new Set(outcomes.map((o) => o.format))];
let failed = false;
for (const mode of ['document', 'event'] as Mode[]) {
  const mine = outcomes.filter((o) => o.mode === mode);
  console.log(
    `\n${mode === 'document' ? 'documents (extractBuffer)' : 'stream events (parseLine + failureOfRecord), single-record pairs'}`,
  );
  console.log(`${'format'.padEnd(22)} ${'joined'.padStart(15)}   ${'kept apart'.padStart(15)}   missed`);
  for (const f of formats) {
    const of = mine.filter((o) => o.format === f);
    if (of.length > 0) console.log(row(f, of));
  }
  console.log(row('overall', mine));
  if (!meetsTargets(tally(mine))) failed = true;
}
const all = tally(outcomes);
const r = rates(all);
console.log(
  `\npairs ${outcomes.filter((o) => o.mode === 'document').length} (${formats.length} formats); both modes: joined ${pct(r.joined)}, kept apart ${pct(r.apart)}, missed ${all.missed}; targets joined >= ${100 * TARGETS.joined} %, kept apart >= ${100 * TARGETS.apart} %, missed 0`,
);

if (explain) {
  for (const o of outcomes) {
    if (o.ok) continue;
    console.log(`\n--- ${o.format} / ${o.mode} / ${o.pair.kind}: ${o.pair.name}`);
    for (const side of [o.pair.a, o.pair.b]) {
      const sig =
        o.mode === 'document'
          ? extractBuffer(Buffer.from(side, 'utf8')).signature
          : (failureOfRecord(parseLine(side.replace(/\n+$/, '')))?.signature ?? '(no failure)');
      console.log(
        `  >> ${side.trim().split('\n').join('\n     ')}\n  sig: ${sig.split('\n').join('\n       ')}`,
      );
    }
  }
}

if (strict && failed) process.exitCode = 1;
