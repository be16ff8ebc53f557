/**
 * Line scanning over raw byte chunks, in one pass.
 *
 * Contract: the scanner hands its sink only the lines that may matter — every
 * line while the sink says it is inside a block, otherwise only lines holding a
 * keyword (see KEYWORDS) — as byte ranges of a Buffer, without the '\n'.
 * Ordinary lines are never decoded. A line split across chunks is reassembled;
 * of a very long line only the first LINE_KEEP bytes are kept (the rest is still
 * searched for keywords), so memory stays bounded whatever the input.
 *
 * The prefilter is a Wu-Manber search (Horspool over byte pairs, every case
 * variant in the skip table) run as four interleaved lanes over the quarters of
 * a block: one lane is bound by the latency of its own loads (the next position
 * depends on the byte just read), four independent lanes keep the CPU busy. A
 * candidate must also begin with a keyword's first byte pair and is confirmed
 * against the whole keyword before a line is delivered.
 */

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

/** Window: every keyword is found by its first WIN bytes, then confirmed whole. */
const WIN = 4;
/** Bytes per prefilter block: bounds the candidate buffers whatever the input. */
const BLOCK = 64 * 1024;
const LANES = 4;

const fold = (c: number): number => (c >= 65 && c <= 90 ? c | 32 : c);
const variants = (c: number): number[] => (c >= 97 && c <= 122 ? [c, c ^ 32] : [c]);

/** SHIFT[(b1 << 8) | b2]: how far a window end may jump past the byte pair b1 b2. */
const SHIFT = new Uint8Array(1 << 16).fill(WIN - 1);
/**
 * WINDOWS[windowHash(window)]: 1 when the 4-byte window may be a keyword's first
 * WIN bytes (every case variant is entered). Checked only where the skip table
 * says 0, it drops windows mixing the start of one keyword with the end of another.
 */
const WINDOWS = new Uint8Array(1 << 16);

/** Hash of the window ending at i: its first pair plus its last pair times a 16-bit Fibonacci multiplier. */
function windowHash(b0: number, b1: number, b2: number, b3: number): number {
  return (((b0 << 8) | b1) + ((b2 << 8) | b3) * 40503) & 0xffff;
}
/** Keywords by the folded code of their first WIN bytes. */
const BY_WINDOW = new Map<number, Uint8Array[]>();

for (const kw of KEYWORDS) {
  const codes = Uint8Array.from(kw, (ch) => ch.charCodeAt(0));
  for (let j = 0; j + 1 < WIN; j++) {
    for (const a of variants(codes[j]!)) {
      for (const b of variants(codes[j + 1]!)) {
        const key = (a << 8) | b;
        SHIFT[key] = Math.min(SHIFT[key]!, WIN - 2 - j);
      }
    }
  }
  for (const a of variants(codes[0]!))
    for (const b of variants(codes[1]!))
      for (const c of variants(codes[2]!))
        for (const d of variants(codes[3]!)) WINDOWS[windowHash(a, b, c, d)] = 1;
  const w = windowCode(codes, 0);
  BY_WINDOW.set(w, [...(BY_WINDOW.get(w) ?? []), codes]);
}

function windowCode(buf: Uint8Array, at: number): number {
  return (
    ((fold(buf[at]!) << 24) | (fold(buf[at + 1]!) << 16) | (fold(buf[at + 2]!) << 8) | fold(buf[at + 3]!)) >>>
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
    while (k < kw.length && fold(buf[at + k]!) === kw[k]) k++;
    if (k === kw.length) return true;
  }
  return false;
}

/** One lane: candidates among windows starting in [from, end) and lying inside [.., to). */
function lane(buf: Uint8Array, from: number, end: number, to: number, out: Int32Array, n: number): number {
  const last = Math.min(end + WIN - 1, to);
  let i = from + WIN - 1;
  while (i < last) {
    const s = SHIFT[(buf[i - 1]! << 8) | buf[i]!]!;
    if (s !== 0) {
      i += s;
      continue;
    }
    if (WINDOWS[windowHash(buf[i - 3]!, buf[i - 2]!, buf[i - 1]!, buf[i]!)] === 1) out[n++] = i - 3;
    i++;
  }
  return n;
}

/**
 * Candidate window starts in [from, end), in increasing order, into `out`
 * (which must hold end - from entries); windows may read up to `to`.
 */
function candidates(buf: Uint8Array, from: number, end: number, to: number, out: Int32Array): number {
  const q = Math.floor((end - from) / LANES);
  if (q < 64) return lane(buf, from, end, to, out, 0);
  const e0 = from + q;
  const e1 = e0 + q;
  const e2 = e1 + q;
  const l0 = Math.min(e0 + WIN - 1, to);
  const l1 = Math.min(e1 + WIN - 1, to);
  const l2 = Math.min(e2 + WIN - 1, to);
  const l3 = Math.min(end + WIN - 1, to);
  // Each lane writes into its own quarter of `out`, so the result stays ordered.
  let n0 = 0;
  let n1 = q;
  let n2 = 2 * q;
  let n3 = 3 * q;
  let i0 = from + WIN - 1;
  let i1 = e0 + WIN - 1;
  let i2 = e1 + WIN - 1;
  let i3 = e2 + WIN - 1;
  while (i0 < l0 && i1 < l1 && i2 < l2 && i3 < l3) {
    const s0 = SHIFT[(buf[i0 - 1]! << 8) | buf[i0]!]!;
    const s1 = SHIFT[(buf[i1 - 1]! << 8) | buf[i1]!]!;
    const s2 = SHIFT[(buf[i2 - 1]! << 8) | buf[i2]!]!;
    const s3 = SHIFT[(buf[i3 - 1]! << 8) | buf[i3]!]!;
    if (s0 !== 0 && s1 !== 0 && s2 !== 0 && s3 !== 0) {
      i0 += s0;
      i1 += s1;
      i2 += s2;
      i3 += s3;
      continue;
    }
    if (s0 !== 0) i0 += s0;
    else {
      if (WINDOWS[windowHash(buf[i0 - 3]!, buf[i0 - 2]!, buf[i0 - 1]!, buf[i0]!)] === 1) out[n0++] = i0 - 3;
      i0++;
    }
    if (s1 !== 0) i1 += s1;
    else {
      if (WINDOWS[windowHash(buf[i1 - 3]!, buf[i1 - 2]!, buf[i1 - 1]!, buf[i1]!)] === 1) out[n1++] = i1 - 3;
      i1++;
    }
    if (s2 !== 0) i2 += s2;
    else {
      if (WINDOWS[windowHash(buf[i2 - 3]!, buf[i2 - 2]!, buf[i2 - 1]!, buf[i2]!)] === 1) out[n2++] = i2 - 3;
      i2++;
    }
    if (s3 !== 0) i3 += s3;
    else {
      if (WINDOWS[windowHash(buf[i3 - 3]!, buf[i3 - 2]!, buf[i3 - 1]!, buf[i3]!)] === 1) out[n3++] = i3 - 3;
      i3++;
    }
  }
  // Finish each lane on its own, from where the joint loop left it.
  n0 = lane(buf, i0 - WIN + 1, e0, to, out, n0);
  n1 = lane(buf, i1 - WIN + 1, e1, to, out, n1);
  n2 = lane(buf, i2 - WIN + 1, e2, to, out, n2);
  n3 = lane(buf, i3 - WIN + 1, end, to, out, n3);
  out.copyWithin(n0, q, n1);
  let n = n0 + n1 - q;
  out.copyWithin(n, 2 * q, n2);
  n += n2 - 2 * q;
  out.copyWithin(n, 3 * q, n3);
  return n + n3 - 3 * q;
}

/** Candidate buffer of findKeyword (synchronous, so one is enough). */
const SCRATCH = new Int32Array(BLOCK);

/** Offset of the first keyword lying wholly in buf[from, to), or -1. */
export function findKeyword(buf: Uint8Array, from: number, to: number): number {
  const out = SCRATCH;
  for (let a = from; a < to; a += BLOCK) {
    const b = Math.min(to, a + BLOCK);
    const n = candidates(buf, a, b, to, out);
    for (let k = 0; k < n; k++) if (keywordAt(buf, out[k]!, to)) return out[k]!;
  }
  return -1;
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
      const h = this.nextHit(buf, p, to);
      if (h < 0) return;
      const e = buf.indexOf(10, h);
      this.deliver(buf, buf.lastIndexOf(10, h) + 1, e, true);
      p = e + 1;
    }
  }

  /** The first confirmed keyword at or after p, computing candidates a block at a time. */
  private nextHit(buf: Buffer, p: number, to: number): number {
    for (;;) {
      while (this.hitIndex < this.hitCount) {
        const h = this.hits[this.hitIndex]!;
        if (h >= p && keywordAt(buf, h, to)) return h;
        this.hitIndex++;
      }
      if (this.blockEnd >= to) return -1;
      const a = Math.max(p, this.blockEnd);
      this.blockEnd = Math.min(to, a + BLOCK);
      this.hitCount = candidates(buf, a, this.blockEnd, to, this.hits);
      this.hitIndex = 0;
    }
  }

  /** `flagged` is null when not yet known; it only matters for truncated lines. */
  private deliver(buf: Buffer, start: number, end: number, flagged: boolean | null): void {
    if (end - start > LINE_KEEP) {
      const hit = flagged ?? findKeyword(buf, start, end) >= 0;
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
    const flagged = this.overflowHit || findKeyword(line, 0, line.length) >= 0;
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
