/**
 * Line scanning over raw byte chunks, in one pass.
 *
 * Contract: the scanner hands its sink only the lines that may matter — every
 * line while the sink says it is inside a block, otherwise only lines holding a
 * keyword (see KEYWORDS) or starting with a shape (LINE_SHAPES) — as byte ranges of a Buffer, without the '\n'.
 * Ordinary lines are never decoded. A line split across chunks is reassembled;
 * of a very long line only the first LINE_KEEP bytes are kept (the rest is still
 * searched for keywords), so memory stays bounded whatever the input.
 *
 * Keywords are found by the SIMD prefilter of prefilter.ts, whose cost per byte
 * does not depend on how many keywords there are; each candidate it reports is
 * confirmed against the whole keyword before a line is delivered. A line may
 * also be flagged by its first bytes (LINE_SHAPES).
 */

import { BLOCK, buildTables, FP, Prefilter } from './prefilter.ts';

/** Bytes of one line kept for analysis; the rest of a longer line is only searched. */
export const LINE_KEEP = 16 * 1024;

/**
 * Words a reader of logs looks for (ASCII case-insensitive substrings). A hint,
 * not a verdict: the sink classifies the delivered lines precisely, so this list
 * only has to include everything the sink could act on.
 */
export const KEYWORDS: readonly string[] = [
  'error',
  'warn',
  'callstack',
  'exception',
  'traceback',
  // Section titles after which frames follow (Rust, PHP, many loggers).
  'backtrace',
  'stack trace',
  'stacktrace',
  'call stack',
  'panic',
  'fatal',
  'crit',
  'severe',
  'emerg',
  '====',
  // First frames of head-less native stacks (sanitizers, gdb, lldb, PHP).
  '#0 0',
  '#0  ',
  '#0 /',
  '#0: ',
  '#0 [',
  '#0 {',
];

/**
 * Line-start shapes: a line whose first bytes match one of these (each entry a
 * string of the bytes allowed at that position, exact case) is flagged like a
 * keyword line, for severities written as a shape rather than a word (klog's
 * `E0501 `). At least FP - 1 positions each.
 */
export const LINE_SHAPES: readonly (readonly string[])[] = [];

/** Every keyword is found by its first FP bytes, then confirmed whole. */
const WIN = FP;

const lower = (c: number): number => (c >= 65 && c <= 90 ? c | 32 : c);
const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** Keywords by the folded code of their first WIN bytes. */
const BY_WINDOW = new Map<number, Uint8Array[]>();
for (const kw of KEYWORDS) {
  const codes = bytesOf(kw);
  const w = windowCode(codes, 0);
  BY_WINDOW.set(w, [...(BY_WINDOW.get(w) ?? []), codes]);
}
const SHAPES = LINE_SHAPES.map((shape) => shape.map(bytesOf));

const PREFILTER = new Prefilter(
  buildTables([
    ...KEYWORDS.map((kw) => [...bytesOf(kw).subarray(0, FP)].map((c) => Uint8Array.of(c))),
    // A shape is found by the '\n' ending the line before it.
    ...SHAPES.map((shape) => [Uint8Array.of(10), ...shape.slice(0, FP - 1)]),
  ]),
);

function windowCode(buf: Uint8Array, at: number): number {
  return (
    ((lower(buf[at]!) << 24) |
      (lower(buf[at + 1]!) << 16) |
      (lower(buf[at + 2]!) << 8) |
      lower(buf[at + 3]!)) >>>
    0
  );
}

/** True when a whole keyword starts at buf[at] and ends before `to`. */
function keywordAt(buf: Uint8Array, at: number, to: number): boolean {
  if (at + WIN > to) return false;
  const list = BY_WINDOW.get(windowCode(buf, at));
  if (list === undefined) return false;
  for (const kw of list) {
    if (at + kw.length > to) continue;
    let k = WIN;
    while (k < kw.length && lower(buf[at + k]!) === kw[k]) k++;
    if (k === kw.length) return true;
  }
  return false;
}

/** True when the line starting at buf[at] (and ending before `to`) begins with a LINE_SHAPES shape. */
function shapeAt(buf: Uint8Array, at: number, to: number): boolean {
  for (const shape of SHAPES) {
    if (at + shape.length > to) continue;
    let k = 0;
    while (k < shape.length && shape[k]!.includes(buf[at + k]!)) k++;
    if (k === shape.length) return true;
  }
  return false;
}

/** Candidate buffer of findKeyword (synchronous, so one is enough). */
const SCRATCH = new Int32Array(BLOCK);

/** Offset of the first keyword lying wholly in buf[from, to), or -1. */
export function findKeyword(buf: Uint8Array, from: number, to: number): number {
  const out = SCRATCH;
  for (let a = from; a < to; a += BLOCK) {
    const b = Math.min(to, a + BLOCK);
    const n = PREFILTER.candidates(buf, a, b, to, out);
    for (let k = 0; k < n; k++) if (keywordAt(buf, out[k]!, to)) return out[k]!;
  }
  return -1;
}

/** True when the line buf[start, end) holds a keyword or starts with a shape. */
export function isFlagged(buf: Uint8Array, start: number, end: number): boolean {
  return (SHAPES.length > 0 && shapeAt(buf, start, end)) || findKeyword(buf, start, end) >= 0;
}

export interface LineSink {
  /** True while the sink needs every line (inside a block), not only flagged ones. */
  wantsEveryLine(): boolean;
  /** One line: buf[start, end) without its '\n'; `truncated` when longer than LINE_KEEP. */
  line(buf: Buffer, start: number, end: number, flagged: boolean, truncated: boolean): void;
}

export class LineScanner {
  private readonly hits = new Int32Array(BLOCK);
  private hitCount = 0;
  private hitIndex = 0;
  private blockEnd = 0;
  /** The line in progress at the end of the last chunk: its first LINE_KEEP bytes. */
  private head: Buffer[] = [];
  private headLen = 0;
  private open = false;
  private overflow = false;
  private overflowHit = false;
  /** Last WIN - 1 bytes of the line in progress, for keywords split between chunks. */
  private tail: Buffer = Buffer.alloc(0);

  constructor(private readonly sink: LineSink) {}

  push(chunk: Buffer): void {
    let pos = 0;
    if (this.open) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.absorb(chunk, 0, chunk.length);
        return;
      }
      this.absorb(chunk, 0, nl);
      this.flushOpen();
      pos = nl + 1;
    }
    const lastNl = chunk.lastIndexOf(10);
    if (lastNl >= pos) {
      this.scanLines(chunk, pos, lastNl + 1);
      pos = lastNl + 1;
    }
    if (pos < chunk.length) this.absorb(chunk, pos, chunk.length);
  }

  finish(): void {
    if (this.open) this.flushOpen();
  }

  /** buf[from, to) holds complete lines, each ending in '\n'. */
  private scanLines(buf: Buffer, from: number, to: number): void {
    this.hitCount = 0;
    this.hitIndex = 0;
    this.blockEnd = from;
    let p = from;
    while (p < to) {
      if (this.sink.wantsEveryLine()) {
        const e = buf.indexOf(10, p);
        this.deliver(buf, p, e, null);
        p = e + 1;
        continue;
      }
      // Candidates find a shape by the '\n' before it, which for the line at p may lie behind p.
      if (SHAPES.length > 0 && shapeAt(buf, p, to)) {
        const e = buf.indexOf(10, p);
        this.deliver(buf, p, e, true);
        p = e + 1;
        continue;
      }
      const h = this.nextHit(buf, p, to);
      if (h < 0) return;
      const e = buf.indexOf(10, h);
      this.deliver(buf, buf.lastIndexOf(10, h) + 1, e, true);
      p = e + 1;
    }
  }

  /** A confirmed keyword, or the start of a line with a shape, at or after p; -1 if none. */
  private nextHit(buf: Buffer, p: number, to: number): number {
    for (;;) {
      while (this.hitIndex < this.hitCount) {
        const h = this.hits[this.hitIndex]!;
        if (h >= p) {
          if (keywordAt(buf, h, to)) return h;
          if (SHAPES.length > 0 && buf[h] === 10 && shapeAt(buf, h + 1, to)) return h + 1;
        }
        this.hitIndex++;
      }
      if (this.blockEnd >= to) return -1;
      const a = Math.max(p, this.blockEnd);
      this.blockEnd = Math.min(to, a + BLOCK);
      this.hitCount = PREFILTER.candidates(buf, a, this.blockEnd, to, this.hits);
      this.hitIndex = 0;
    }
  }

  /** `flagged` is null when not yet known; it only matters for truncated lines. */
  private deliver(buf: Buffer, start: number, end: number, flagged: boolean | null): void {
    if (end - start > LINE_KEEP) {
      const hit = flagged ?? isFlagged(buf, start, end);
      this.sink.line(buf, start, start + LINE_KEEP, hit, true);
      return;
    }
    this.sink.line(buf, start, end, flagged ?? false, false);
  }

  private absorb(buf: Buffer, start: number, end: number): void {
    this.open = true;
    if (end <= start) return;
    let s = start;
    if (this.headLen < LINE_KEEP) {
      const take = Math.min(end - s, LINE_KEEP - this.headLen);
      this.head.push(Buffer.from(buf.subarray(s, s + take)));
      this.headLen += take;
      s += take;
    }
    if (s < end) {
      this.overflow = true;
      if (!this.overflowHit) {
        // A keyword may start in the bytes just before s (the kept head or an earlier chunk).
        const before = Buffer.concat([this.tail, buf.subarray(Math.max(start, s - (WIN - 1)), s)]);
        const seam = Buffer.concat([
          before.subarray(Math.max(0, before.length - (WIN - 1))),
          buf.subarray(s, Math.min(end, s + WIN - 1)),
        ]);
        this.overflowHit = findKeyword(seam, 0, seam.length) >= 0 || findKeyword(buf, s, end) >= 0;
      }
    }
    const keep = Buffer.concat([this.tail, buf.subarray(Math.max(start, end - (WIN - 1)), end)]);
    this.tail = Buffer.from(keep.subarray(Math.max(0, keep.length - (WIN - 1))));
  }

  private flushOpen(): void {
    const line = this.head.length === 1 ? (this.head[0] as Buffer) : Buffer.concat(this.head, this.headLen);
    const flagged = this.overflowHit || isFlagged(line, 0, line.length);
    const truncated = this.overflow;
    this.head = [];
    this.headLen = 0;
    this.open = false;
    this.overflow = false;
    this.overflowHit = false;
    this.tail = Buffer.alloc(0);
    if (flagged || this.sink.wantsEveryLine()) this.sink.line(line, 0, line.length, flagged, truncated);
  }
}
