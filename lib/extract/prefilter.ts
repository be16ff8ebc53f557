/**
 * Candidate finder for the scanner: where in a byte range one of a set of short
 * patterns may begin, at a cost that does not grow with the number of patterns.
 *
 * A pattern is its first FP bytes, each a set of allowed bytes; ASCII letters
 * match in either case. It is the "Teddy" filter of Hyperscan and ripgrep: the
 * patterns are spread over 16 buckets, and for each of the FP positions two
 * 16-entry tables give, for a byte's low and high nibble, the buckets whose
 * patterns allow that nibble there (the high nibble only at the first and last
 * positions, see hiAt). A position is a candidate when some bucket
 * survives the AND over the FP bytes starting at it. Sixteen positions are
 * tested at once with WebAssembly SIMD (`i8x16.swizzle` is the table lookup),
 * each table in two halves of eight buckets (a lane holds eight bits). The
 * second half costs a second set of lookups, but with some 80-100 patterns
 * eight buckets mixed so many nibbles that 46 % of the 32-byte stretches of
 * scripts/gen-log.mjs's generated log and 97 % of its realistic one's had a
 * lane through the buckets, and the check below took two thirds of the
 * prefilter's time; with sixteen, 7 % and 53 %. The module is assembled below (one for all tables, which it reads from its
 * memory), so its source is this file and no toolchain is needed.
 *
 * Nibbles of different patterns in one bucket mix ('rror' and 'vere' in one
 * bucket let 'rver' through), so a lane that survives the buckets is checked
 * once more before it is reported: its FP bytes, each OR 0x20 (which folds
 * letter case: it may join two windows, never part a window from a pattern
 * that allows it), are hashed into a bit set of the patterns' windows folded
 * the same way (`exact`). That check runs in the module, on the few lanes the
 * buckets let through (on the realistic log of scripts/gen-log.mjs it leaves
 * 3,700 candidates a MB of the buckets' 25,500). A candidate is still only a
 * maybe (a fingerprint is not the whole keyword; hashes collide), so the
 * caller confirms each one.
 *
 * The same tables are read by a plain loop (`scalarCandidates`) where the SIMD
 * module cannot be compiled; the tests hold the two to the same answers.
 */

/** Fingerprint length: every pattern is told apart by its first FP bytes. */
export const FP = 4;
const BUCKETS = 16;
/** Buckets a table half holds: the bits of one byte. */
const HALF = 8;
/**
 * Positions whose high nibble is looked up too. Letters of both cases share
 * their low nibble and differ mostly in the high one, so the inner positions'
 * high nibbles tell little and cost a fifth of the time.
 */
const hiAt = (j: number): boolean => j === 0 || j === FP - 1;
/** Bytes handed to the module per call; its memory holds one such block. */
export const BLOCK = 64 * 1024;

/** The bytes a pattern byte stands for: an ASCII letter in both cases (they differ only in the high nibble). */
const cases = (c: number): number[] => ((c | 0x20) >= 97 && (c | 0x20) <= 122 ? [c | 0x20, c & ~0x20] : [c]);

export interface Tables {
  /**
   * lo[(h * FP + j) * 16 + nibble], hi[…]: the bits of buckets h * 8 to h * 8 + 7
   * (h is 0 or 1) allowed at fingerprint position j.
   */
  lo: Uint8Array;
  hi: Uint8Array;
  /** Bit exactIndex(w) of EXACT_BYTES * 8 is set for every folded window w some pattern allows (all bits when too many). */
  exact: Uint8Array;
}

/** Bytes of the `exact` bit set: 2^16 bits, so a few hundred windows leave it 99 % empty. */
const EXACT_BYTES = 8192;
/** Patterns allowing more windows than this (wide byte sets) switch the second check off. */
const EXACT_MAX_WINDOWS = 4096;
/** Multiplier of the window hash (Fibonacci hashing), its top 16 bits the index. */
const EXACT_MUL = 0x9e3779b1;
/** ORed into a window's FP (4) bytes, loaded little-endian as the module loads them: each byte OR 0x20. */
const FOLD = 0x20202020;
const exactIndex = (folded: number): number => Math.imul(folded, EXACT_MUL) >>> 16;

/** The `exact` bit set of the patterns: each window they allow, folded, hashed (plain loops: this runs at start-up). */
function exactWindows(patterns: readonly (readonly Uint8Array[])[]): Uint8Array {
  const bits = new Uint8Array(EXACT_BYTES);
  const seen = new Uint8Array(256);
  let windows = 0;
  for (const p of patterns) {
    // Each position's bytes folded, once each.
    const folded: number[][] = [];
    let combos = 1;
    for (let j = 0; j < FP; j++) {
      const set: number[] = [];
      seen.fill(0);
      for (let k = 0; k < p[j]!.length; k++) {
        const c = p[j]![k]! | 0x20;
        if (seen[c] === 0) set.push(c);
        seen[c] = 1;
      }
      folded.push(set);
      combos *= set.length;
    }
    windows += combos;
    if (windows > EXACT_MAX_WINDOWS) return bits.fill(0xff);
    // Every combination, as an odometer over the positions.
    const at = new Array<number>(FP).fill(0);
    for (let n = 0; n < combos; n++) {
      let w = 0;
      for (let j = 0; j < FP; j++) w |= folded[j]![at[j]!]! << (8 * j);
      const h = exactIndex(w);
      bits[h >>> 3]! |= 1 << (h & 7);
      for (let j = 0; j < FP && ++at[j]! === folded[j]!.length; j++) at[j] = 0;
    }
  }
  return bits;
}

/**
 * Rough share of each byte value in log text (lower-case letters by English
 * frequency, capitals rarer, spaces and digits common), to weigh what a bucket
 * lets through: mixing the nibbles of 'rror' and 'vere' in one bucket lets
 * 'rver' (server) through, which is common; other mixes are harmless.
 */
const FREQ = (() => {
  const f = new Float64Array(256).fill(0.002);
  [...'etaoinsrhldcumwfgypbvkjxqz'].forEach((ch, i) => {
    const c = ch.charCodeAt(0);
    f[c] = 0.1 * 0.85 ** i;
    f[c & ~0x20] = 0.012 * 0.85 ** i;
  });
  for (let c = 48; c < 58; c++) f[c] = 0.02;
  f[32] = 0.14;
  return f;
})();

/** FREQ summed over the bytes of each low nibble. */
const BY_LOW = (() => {
  const f = new Float64Array(16);
  for (let b = 0; b < 256; b++) f[b & 15]! += FREQ[b]!;
  return f;
})();

/**
 * Spreads the patterns (each FP byte sets) over the buckets, keeping what each
 * bucket lets through rare. `windows`, when given, are what the second check
 * allows instead (patterns that the buckets take joined, given apart).
 */
export function buildTables(
  patterns: readonly (readonly Uint8Array[])[],
  windows: readonly (readonly Uint8Array[])[] = patterns,
): Tables {
  // Per bucket and position, the nibbles allowed, as 16-bit masks (plain integers: this runs at start-up).
  const loSets = new Uint16Array(BUCKETS * FP);
  const hiSets = new Uint16Array(BUCKETS * FP);
  /**
   * One position's share for its nibble sets, each worked out once: buckets
   * and patterns repeat the same sets (a bucket's sets only grow, and most
   * patterns are letters), and this runs at start-up, before it is optimised.
   */
  const shares = new Map<number, number>();
  const shareOf = (j: number, lo: number, hi: number): number => {
    const key = (j * 0x10000 + lo) * 0x10000 + hi;
    let share = shares.get(key);
    if (share !== undefined) return share;
    share = 0;
    // Over the set bits only.
    for (let ls = lo; ls !== 0; ls &= ls - 1) {
      const l = 31 - Math.clz32(ls & -ls);
      if (!hiAt(j)) share += BY_LOW[l]!;
      else for (let hs = hi; hs !== 0; hs &= hs - 1) share += FREQ[((31 - Math.clz32(hs & -hs)) << 4) | l]!;
    }
    shares.set(key, share);
    return share;
  };
  /** The share of log positions the bucket would let through, with the pattern's nibbles added. */
  const cost = (k: number, addLo: Uint16Array, addHi: Uint16Array): number => {
    let n = 1;
    for (let j = 0; j < FP; j++) {
      const lo = loSets[k * FP + j]! | addLo[j]!;
      const hi = hiAt(j) ? hiSets[k * FP + j]! | addHi[j]! : 0;
      n *= shareOf(j, lo, hi);
    }
    return n;
  };
  const none = new Uint16Array(FP);
  // What each bucket lets through now: recomputed only for the bucket a pattern joins.
  const current = new Float64Array(BUCKETS);
  for (let k = 0; k < BUCKETS; k++) current[k] = cost(k, none, none);
  for (const p of patterns) {
    if (p.length !== FP) throw new Error(`a pattern needs ${FP} byte sets`);
    const pLo = new Uint16Array(FP);
    const pHi = new Uint16Array(FP);
    for (let j = 0; j < FP; j++) {
      for (const c of p[j]!.values()) {
        for (const v of cases(c)) {
          pLo[j]! |= 1 << (v & 15);
          pHi[j]! |= 1 << (v >> 4);
        }
      }
    }
    let best = 0;
    let bestGrowth = Number.POSITIVE_INFINITY;
    for (let k = 0; k < BUCKETS; k++) {
      const empty = loSets[k * FP] === 0;
      const growth = cost(k, pLo, pHi) - (empty ? 0 : current[k]!);
      if (growth < bestGrowth) {
        bestGrowth = growth;
        best = k;
      }
    }
    for (let j = 0; j < FP; j++) {
      loSets[best * FP + j]! |= pLo[j]!;
      hiSets[best * FP + j]! |= pHi[j]!;
    }
    current[best] = cost(best, none, none);
  }
  const lo = new Uint8Array(2 * FP * 16);
  const hi = new Uint8Array(2 * FP * 16);
  for (let k = 0; k < BUCKETS; k++) {
    const half = Math.floor(k / HALF) * FP;
    for (let j = 0; j < FP; j++) {
      for (let n = 0; n < 16; n++) {
        if ((loSets[k * FP + j]! >> n) & 1) lo[(half + j) * 16 + n]! |= 1 << (k % HALF);
        if ((hiSets[k * FP + j]! >> n) & 1) hi[(half + j) * 16 + n]! |= 1 << (k % HALF);
      }
    }
  }
  return { lo, hi, exact: exactWindows(windows) };
}

/** Candidate starts in buf[from, end), ascending, into out; bytes at or past `to` read as 0. */
export function scalarCandidates(
  t: Tables,
  buf: Uint8Array,
  from: number,
  end: number,
  to: number,
  out: Int32Array,
): number {
  let n = 0;
  for (let i = from; i < end; i++) {
    // Bits 0-7: the first half's buckets, 8-15: the second's.
    let m = 0xffff;
    let w = 0;
    for (let j = 0; j < FP && m !== 0; j++) {
      const x = i + j < to ? buf[i + j]! : 0;
      const a = (j * 16 + (x & 15)) | 0;
      const b = ((FP + j) * 16 + (x & 15)) | 0;
      m &= t.lo[a]! | (t.lo[b]! << HALF);
      if (hiAt(j)) m &= t.hi[j * 16 + (x >> 4)]! | (t.hi[(FP + j) * 16 + (x >> 4)]! << HALF);
      w |= x << (8 * j);
    }
    if (m === 0) continue;
    const h = exactIndex(w | FOLD);
    if ((t.exact[h >>> 3]! >> (h & 7)) & 1) out[n++] = i;
  }
  return n;
}

// --- The SIMD module ---------------------------------------------------------

const uleb = (v: number): number[] => {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
};
const sleb = (v: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));

const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (d: number) => [0x0c, ...uleb(d)],
  brIf: (d: number) => [0x0d, ...uleb(d)],
  call: (f: number) => [0x10, ...uleb(f)],
  get: (l: number) => [0x20, ...uleb(l)],
  set: (l: number) => [0x21, ...uleb(l)],
  tee: (l: number) => [0x22, ...uleb(l)],
  i32Load: (offset: number) => [0x28, 0, ...uleb(offset)],
  i32Load8U: (offset: number) => [0x2d, 0, ...uleb(offset)],
  i32Store: (offset: number) => [0x36, 2, ...uleb(offset)],
  i32Const: (v: number) => [0x41, ...sleb(v | 0)],
  i32Eqz: [0x45],
  i32GeU: [0x4f],
  i32Ctz: [0x68],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32And: [0x71],
  i32Or: [0x72],
  i32Xor: [0x73],
  i32Shl: [0x74],
  i32ShrU: [0x76],
  v128Load: (offset: number) => [0xfd, 0x00, 0, ...uleb(offset)],
  v128Const: (bytes: ArrayLike<number>) => [0xfd, 0x0c, ...Array.from(bytes)],
  swizzle: [0xfd, 0x0e],
  i8x16Ne: [0xfd, 0x24],
  v128And: [0xfd, 0x4e],
  v128Or: [0xfd, 0x50],
  anyTrue: [0xfd, 0x53],
  bitmask: [0xfd, 0x64],
  i16x8ShrU: [0xfd, 0x8d, 0x01],
};

/**
 * The module's memory: a copy of the input block at 0 (plus room for the
 * look-ahead), the (offset, lane mask) pairs, the tables of the prefilter
 * scanning (lo and hi, each in its two halves, sixteen 0x0f bytes, then the
 * `exact` bit set), then a
 * reader's buffer that the module scans where it lies (leaseReadBuffer).
 */
const OUT_AT = BLOCK + 64;
const TABLES_AT = OUT_AT + (BLOCK / 16) * 8 + 64;
/** Bytes of the lo tables, and of the hi ones: two halves of FP tables of 16. */
const NIBBLE_TABLES = 2 * FP * 16;
const EXACT_AT = TABLES_AT + 2 * NIBBLE_TABLES + 16;
const TABLE_BYTES = 2 * NIBBLE_TABLES + 16 + EXACT_BYTES;
const RESIDENT_AT = TABLES_AT + Math.ceil(TABLE_BYTES / 256) * 256;
/** Bytes of the reader's buffer; the look-ahead of the last round reads up to 64 bytes past it. */
export const RESIDENT_BYTES = 256 * 1024;
const PAGES = Math.ceil((RESIDENT_AT + RESIDENT_BYTES + 64) / 65536);

/**
 * `keep(mask, at)`: the lanes of `mask` (bit k: the window at `at` + k) whose
 * window's bit is set in `exact`; called only for the rounds the buckets let
 * something through.
 */
function keepLanes(): number[] {
  // Parameters 0 mask, 1 at; locals: 2 the lanes still to check, 3 a lane, 4 its hash.
  const KEPT = 0;
  const AT = 1;
  const LEFT = 2;
  const LANE = 3;
  const HASH = 4;
  return [
    ...[...op.get(KEPT), ...op.set(LEFT)],
    ...[...op.block, ...op.loop],
    ...[...op.get(LEFT), ...op.i32Eqz, ...op.brIf(1)],
    ...[...op.get(LEFT), ...op.i32Ctz, ...op.set(LANE)],
    ...[...op.get(AT), ...op.get(LANE), ...op.i32Add, ...op.i32Load(0)],
    ...[...op.i32Const(FOLD), ...op.i32Or, ...op.i32Const(EXACT_MUL), ...op.i32Mul],
    ...[...op.i32Const(16), ...op.i32ShrU, ...op.tee(HASH)],
    ...[...op.i32Const(3), ...op.i32ShrU, ...op.i32Load8U(EXACT_AT)],
    ...[...op.get(HASH), ...op.i32Const(7), ...op.i32And, ...op.i32ShrU, ...op.i32Const(1), ...op.i32And],
    ...[...op.i32Eqz, ...op.if],
    ...[...op.get(KEPT), ...op.i32Const(1), ...op.get(LANE), ...op.i32Shl, ...op.i32Xor, ...op.set(KEPT)],
    ...op.end,
    ...[...op.get(LEFT), ...op.get(LEFT), ...op.i32Const(1), ...op.i32Sub, ...op.i32And, ...op.set(LEFT)],
    ...[...op.br(0), ...op.end, ...op.end],
    ...[...op.get(KEPT), ...op.end],
  ];
}

/**
 * `scan(n, out, p)`: for each 16 bytes from p on while p < n, when some lane is a candidate,
 * stores p and the 16-bit lane mask at out; returns the number of pairs. The tables are read
 * from memory once, before the loop: as constants in the code, V8 rebuilds each of them in every
 * round (two 64-bit moves and two inserts a table), a fifth of the loop's work. One vector a
 * round: with the tables of both halves held, two (as with eight buckets) leave too few of the
 * CPU's vector registers and ran slower. A lane the buckets let through is kept only when its
 * window's bit is set in `exact`.
 */
export function assemble(): Uint8Array {
  // Parameters 0 n, 1 out, 2 p; locals: 3 o; then the v128 ones: the lo tables (two halves of FP),
  // the hi ones (of the positions hiAt, both halves), the 0x0fs, the vector's low and high
  // nibbles, its bucket masks of each half; last, i32 the lanes kept.
  let local = 4;
  const LO = Array.from({ length: 2 * FP }, () => local++);
  const HI = Array.from({ length: 2 * FP }, (_, k) => (hiAt(k % FP) ? local++ : -1));
  const C0F = local++;
  const XL = local++;
  const XH = local++;
  const M = [local++, local++];
  const V128_LOCALS = local - 4;
  const KEPT = local++;
  const body: number[] = [];
  for (let k = 0; k < 2 * FP; k++) {
    body.push(...op.i32Const(0), ...op.v128Load(TABLES_AT + k * 16), ...op.set(LO[k]!));
    if (HI[k]! >= 0)
      body.push(...op.i32Const(0), ...op.v128Load(TABLES_AT + NIBBLE_TABLES + k * 16), ...op.set(HI[k]!));
  }
  body.push(...op.i32Const(0), ...op.v128Load(TABLES_AT + 2 * NIBBLE_TABLES), ...op.set(C0F));
  body.push(...op.get(1), ...op.set(3));
  body.push(...op.block, ...op.loop);
  body.push(...op.get(2), ...op.get(0), ...op.i32GeU, ...op.brIf(1));
  for (let j = 0; j < FP; j++) {
    body.push(...op.get(2), ...op.v128Load(j), ...op.tee(XH), ...op.get(C0F), ...op.v128And, ...op.set(XL));
    // A 16-bit shift moves the next byte's low bits in; the mask drops them.
    if (hiAt(j))
      body.push(
        ...op.get(XH),
        ...op.i32Const(4),
        ...op.i16x8ShrU,
        ...op.get(C0F),
        ...op.v128And,
        ...op.set(XH),
      );
    for (let h = 0; h < 2; h++) {
      body.push(...op.get(LO[h * FP + j]!), ...op.get(XL), ...op.swizzle);
      if (hiAt(j)) body.push(...op.get(HI[h * FP + j]!), ...op.get(XH), ...op.swizzle, ...op.v128And);
      if (j > 0) body.push(...op.get(M[h]!), ...op.v128And);
      body.push(...op.set(M[h]!));
    }
  }
  // A lane is let through when a bucket of either half survives.
  body.push(...op.get(M[0]!), ...op.get(M[1]!), ...op.v128Or, ...op.tee(M[0]!), ...op.anyTrue, ...op.if);
  // The lanes the buckets let through, less those `keep` drops.
  body.push(...op.get(M[0]!), ...op.v128Const(new Uint8Array(16)), ...op.i8x16Ne, ...op.bitmask);
  body.push(...op.get(2), ...op.call(1), ...op.tee(KEPT), ...op.if);
  body.push(...op.get(3), ...op.get(2), ...op.i32Store(0));
  body.push(...op.get(3), ...op.get(KEPT), ...op.i32Store(4));
  body.push(...op.get(3), ...op.i32Const(8), ...op.i32Add, ...op.set(3));
  body.push(...op.end, ...op.end);
  body.push(...op.get(2), ...op.i32Const(16), ...op.i32Add, ...op.set(2), ...op.br(0));
  body.push(...op.end, ...op.end);
  body.push(...op.get(3), ...op.get(1), ...op.i32Sub, ...op.i32Const(3), ...op.i32ShrU, ...op.end);
  const locals = vec([
    [...uleb(1), I32],
    [...uleb(V128_LOCALS), V128],
    [...uleb(1), I32],
  ]);
  const func = [...locals, ...body];
  const keep = [...vec([[...uleb(3), I32]]), ...keepLanes()];
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(
      1,
      vec([
        [0x60, ...vec([[I32], [I32], [I32]]), ...vec([[I32]])],
        [0x60, ...vec([[I32], [I32]]), ...vec([[I32]])],
      ]),
    ),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(PAGES)]])),
    ...section(3, vec([[0], [1]])),
    ...section(7, vec([[...name('scan'), 0x00, 0]])),
    ...section(
      10,
      vec([
        [...uleb(func.length), ...func],
        [...uleb(keep.length), ...keep],
      ]),
    ),
  ]);
}

/** The part of the WebAssembly API used here (the project's TypeScript lib has no DOM types). */
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => {
    exports: Record<string, unknown>;
  };
  Memory: new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
};

type Memory = InstanceType<typeof WebAssembly.Memory>;
let memory: Memory | null = null;
/** The one memory of every module in this thread (never grown, so views of it stay valid). */
function sharedMemory(): Memory {
  memory ??= new WebAssembly.Memory({ initial: PAGES, maximum: PAGES });
  return memory;
}

let residentLeased = false;

/**
 * A buffer of `size` bytes for a reader to read into. Where it can, it lies in
 * the module's memory, so the scan reads each block where the kernel put it
 * instead of copying it in first (a third of the prefilter's time on a large log);
 * else, or while another reader holds that one, an ordinary buffer. Give it
 * back with `release` when done reading.
 */
export function leaseReadBuffer(size: number): { buf: Buffer; release(): void } {
  if (residentLeased || size > RESIDENT_BYTES || !simdAvailable())
    return { buf: Buffer.allocUnsafe(size), release: () => {} };
  residentLeased = true;
  let held = true;
  return {
    buf: Buffer.from(sharedMemory().buffer, RESIDENT_AT, size),
    release: () => {
      if (held) residentLeased = false;
      held = false;
    },
  };
}

type ScanFn = (n: number, out: number, p: number) => number;
let compiled: ScanFn | null | undefined;
/** The module's `scan`, compiled on first use; null where WebAssembly SIMD is not available. */
function scanFunction(): ScanFn | null {
  if (compiled === undefined) {
    const bytes = assemble();
    compiled = WebAssembly.validate(bytes)
      ? (new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: sharedMemory() } }).exports
          .scan as ScanFn)
      : null;
  }
  return compiled;
}
function simdAvailable(): boolean {
  return scanFunction() !== null;
}
/** The prefilter whose tables are in the module's memory now. */
let tablesOf: Prefilter | null = null;

/** Finds candidates with the SIMD module when it compiles here, else with the plain loop. */
export class Prefilter {
  private readonly scan: ScanFn | null = null;
  private readonly mem: Uint8Array | null = null;
  private readonly pairs: Int32Array | null = null;
  private readonly tableBytes = new Uint8Array(TABLE_BYTES);

  /**
   * `minSimd`: ranges shorter than this go to the plain loop, which is quicker
   * than copying them into the module (a line reassembled from two chunks).
   */
  constructor(
    private readonly tables: Tables,
    private readonly minSimd = 256,
  ) {
    this.scan = scanFunction();
    if (this.scan === null) return;
    const memory = sharedMemory();
    this.tableBytes.set(tables.lo, 0);
    this.tableBytes.set(tables.hi, NIBBLE_TABLES);
    this.tableBytes.fill(0x0f, 2 * NIBBLE_TABLES, 2 * NIBBLE_TABLES + 16);
    this.tableBytes.set(tables.exact, 2 * NIBBLE_TABLES + 16);
    this.mem = new Uint8Array(memory.buffer);
    this.pairs = new Int32Array(memory.buffer, OUT_AT, 2 * (BLOCK / 16 + 2));
  }

  get simd(): boolean {
    return this.scan !== null;
  }

  /**
   * Candidate starts in buf[from, end), ascending, into `out` (room for
   * end - from entries); end - from <= BLOCK; fingerprints may read up to `to`.
   */
  candidates(buf: Uint8Array, from: number, end: number, to: number, out: Int32Array): number {
    const scan = this.scan;
    const mem = this.mem;
    const pairs = this.pairs;
    const len = end - from;
    if (scan === null || mem === null || pairs === null || len < this.minSimd)
      return scalarCandidates(this.tables, buf, from, end, to, out);
    if (tablesOf !== this) {
      mem.set(this.tableBytes, TABLES_AT);
      tablesOf = this;
    }
    let start = 0;
    let count: number;
    if (buf.buffer === mem.buffer && to >= end) {
      // Already in the module's memory (leaseReadBuffer): scanned in place. Bytes
      // past `to` must read as 0 for the fingerprints of the last positions: the
      // few of them that are looked at are zeroed for the scan and put back.
      start = buf.byteOffset + from;
      const past = buf.byteOffset + to;
      const ahead = buf.byteOffset + end + FP - 1;
      const saved = past < ahead ? mem.slice(past, ahead) : null;
      if (saved !== null) mem.fill(0, past, ahead);
      count = scan(start + len, OUT_AT, start);
      if (saved !== null) mem.set(saved, past);
    } else {
      const copy = Math.min(to, end + FP - 1) - from;
      if (Buffer.isBuffer(buf)) buf.copy(mem, 0, from, from + copy);
      else mem.set(buf.subarray(from, from + copy), 0);
      // Bytes past `to` must read as 0, as in the plain loop, not as the last block's.
      mem.fill(0, copy, len + 48);
      count = scan(len, OUT_AT, 0);
    }
    let n = 0;
    for (let k = 0; k < count; k++) {
      const base = pairs[2 * k]! - start;
      let mask = pairs[2 * k + 1]!;
      while (mask !== 0) {
        const low = mask & -mask;
        const at = base + 31 - Math.clz32(low);
        if (at >= len) break;
        out[n++] = from + at;
        mask ^= low;
      }
    }
    return n;
  }
}
