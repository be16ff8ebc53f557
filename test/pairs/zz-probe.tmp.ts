/**
 * TEMPORARY probe runner (not to be committed): evaluates the PairFormat(s) a
 * probe module exports, as document and (for one-line sides) as stream event,
 * and prints every side with its fingerprint, type and title.
 *   npx tsx test/pairs/zz-probe.tmp.ts test/pairs/zz-probe-NAME.tmp.ts [--all]
 */
import { resolve } from 'node:path';
import { failureOfRecord } from '#lib/extract/event';
import { extractBuffer } from '#lib/extract/index';
import { parseLine } from '#lib/records/index';
import type { PairFormat } from './model.ts';

const file = process.argv[2]!;
const all = process.argv.includes('--all');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mod = require(resolve(file)) as Record<string, PairFormat>;
let bad = 0;
let total = 0;
for (const fmt of Object.values(mod)) {
  if (!fmt || !Array.isArray((fmt as PairFormat).pairs)) continue;
  for (const pair of fmt.pairs) {
    const sides = [pair.a, pair.b].map((text) => {
      const x = extractBuffer(Buffer.from(text, 'utf8'));
      return { fp: x.fingerprint, type: x.type, title: (x as unknown as { signature?: string }).signature };
    });
    const seen = sides.every((s) => s.fp !== null);
    const ok = seen && (pair.kind === 'same' ? sides[0]!.fp === sides[1]!.fp : sides[0]!.fp !== sides[1]!.fp);
    const single = [pair.a, pair.b].map((t) => t.replace(/\n+$/, '')).every((t) => !t.includes('\n'));
    let evOk: boolean | null = null;
    let ev: (string | null)[] = [];
    if (single) {
      ev = [pair.a, pair.b].map(
        (t) => failureOfRecord(parseLine(t.replace(/\n+$/, '')))?.fingerprint ?? null,
      );
      evOk = ev.every((f) => f !== null) && (pair.kind === 'same' ? ev[0] === ev[1] : ev[0] !== ev[1]);
    }
    total++;
    const fail = !ok || evOk === false;
    if (fail) bad++;
    if (fail || all) {
      console.log(`${fail ? 'FAIL' : 'ok  '} [${fmt.format}] ${pair.kind}: ${pair.name}`);
      console.log(
        `   document: ${seen ? (ok ? 'ok' : pair.kind === 'same' ? 'SPLIT' : 'JOINED') : 'MISSED'}${evOk === null ? '' : `; event: ${evOk ? 'ok' : ev.includes(null) ? 'MISSED' : pair.kind === 'same' ? 'SPLIT' : 'JOINED'}`}`,
      );
      sides.forEach((s, i) =>
        console.log(`   ${'ab'[i]}: type=${s.type} signature=${JSON.stringify(s.title)?.slice(0, 300)}`),
      );
    }
  }
}
console.log(`${total - bad}/${total} pairs ok`);
