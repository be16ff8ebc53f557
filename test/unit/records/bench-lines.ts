/**
 * parseLine's cost per line of a large mixed log, against only splitting the same
 * text into lines. Usage: tsx test/unit/records/bench-lines.ts <parse|split> [MB]
 * The text is generated (a fixed seed), so both modes read the same bytes.
 */
import { parseLine } from '#lib/records/line';

const mode = process.argv[2] ?? 'parse';
const mb = Number(process.argv[3] ?? 50);

// mulberry32: a fixed seed, and low bits that are not periodic as an LCG's are.
let seed = 12345;
const rand = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
const words = [
  'cache',
  'request',
  'served',
  'user',
  'order',
  'worker',
  'batch',
  'queue',
  'flushed',
  'retry',
  'ok',
];
const phrase = () => Array.from({ length: 4 + rand(8) }, () => words[rand(words.length)]).join(' ');
const makers = [
  () =>
    `2024-05-01 10:${rand(60)}:${rand(60)},${rand(1000)} INFO  [worker-${rand(9)}] c.e.Service - ${phrase()} id=${rand(1e6)}`,
  () => `2024-05-01T10:00:00.${rand(1e6)}Z ${phrase()} in ${rand(900)} ms`,
  () => `    at com.example.Service.handle(Service.java:${rand(400)})`,
  () =>
    `{"level":${[30, 30, 40, 50][rand(4)]},"time":1714557600${rand(1000)},"pid":${rand(99)},"hostname":"h","msg":"${phrase()}","user":"u${rand(99)}"}`,
  () => `time=2024-05-01T10:00:00Z level=info msg="${phrase()}" req=${rand(1e6)}`,
  () => `May  1 10:00:0${rand(9)} web-${rand(9)} app[${rand(999)}]: ${phrase()}`,
  () => `${phrase()} ${phrase()}`,
];
const weights = [30, 20, 10, 15, 10, 5, 10];
const formats = new Map<string, number>();
const pick = () => {
  let r = rand(100);
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return makers[i] as () => string;
  }
  return makers[0] as () => string;
};
const parts: string[] = [];
let size = 0;
while (size < mb * 1024 * 1024) {
  const l = pick()();
  parts.push(l);
  size += l.length + 1;
}
const text = parts.join('\n');

const t = performance.now();
let count = 0;
let errors = 0;
let start = 0;
while (start < text.length) {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const line = text.slice(start, end);
  start = end + 1;
  count++;
  if (mode === 'parse') {
    const e = parseLine(line);
    if (e.severity === 'error') errors++;
    formats.set(e.format, (formats.get(e.format) ?? 0) + 1);
  } else if (line.length === 0) errors++;
}
const s = (performance.now() - t) / 1000;
process.stdout.write(
  `${mode} lines=${count} errors=${errors} loop=${s.toFixed(2)}s ${(size / 1024 / 1024 / s).toFixed(0)} MB/s\n`,
);
