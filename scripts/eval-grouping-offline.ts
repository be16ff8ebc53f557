/**
 * Scores the extractor's grouping on a labelled corpus without running the
 * service: fingerprints every file, gives each fingerprint the reportId of the
 * first file that produced it (as ingest does), and hands the predictions to the
 * corpus scorer in --dry-run mode.
 *
 *   npx tsx scripts/eval-grouping-offline.ts [CORPUS_DIR] [--keep preds.json] [--explain]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractBuffer } from '#lib/extract/index';

const args = process.argv.slice(2);
const keepAt = args.indexOf('--keep');
const keep = keepAt >= 0 ? args.splice(keepAt, 2)[1] : undefined;
const explain = args.includes('--explain');
const dir = args.find((a) => !a.startsWith('--')) ?? '/work/shared/corpus/grouping-dev';
const scorer = path.join(path.dirname(path.resolve(dir)), 'score.mjs');

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.log'))
  .sort();
const reportOf = new Map<string, string>();
const preds: Record<string, { reportId: string | null; type: string | null }> = {};
const signatures: Record<string, string> = {};
const t0 = performance.now();
let bytes = 0;
for (const f of files) {
  const buf = readFileSync(path.join(dir, f));
  bytes += buf.length;
  const x = extractBuffer(buf);
  let reportId: string | null = null;
  if (x.fingerprint !== null) {
    reportId = reportOf.get(x.fingerprint) ?? f;
    reportOf.set(x.fingerprint, reportId);
  }
  preds[f] = { reportId, type: x.type };
  signatures[f] = x.signature;
}
const ms = performance.now() - t0;
console.log(`extracted ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) in ${ms.toFixed(0)} ms`);

const out = keep ?? path.join(mkdtempSync(path.join(tmpdir(), 'logsift-eval-')), 'preds.json');
writeFileSync(out, JSON.stringify(preds, null, 1));
if (explain) writeFileSync(`${out}.signatures.json`, JSON.stringify(signatures, null, 1));
const r = spawnSync(process.execPath, [scorer, dir, '--dry-run', out], { encoding: 'utf8' });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.status ?? 1;
