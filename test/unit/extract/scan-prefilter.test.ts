import {
  BLOCK,
  buildTables,
  FP,
  leaseReadBuffer,
  Prefilter,
  RESIDENT_BYTES,
  scalarCandidates,
} from '#lib/extract/prefilter';

/** Deterministic pseudo-random integers in [0, n). */
function prng(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

const ALPHABET = 'aAbBeErRwWxXzZ09 #=:/\n\t\u00e9';
const alphabetBytes = Buffer.from(ALPHABET, 'latin1');

/** A random pattern: FP byte sets of one to three bytes from ALPHABET. */
function randomPattern(r: (n: number) => number): Uint8Array[] {
  return Array.from({ length: FP }, () =>
    Uint8Array.from({ length: 1 + r(3) }, () => alphabetBytes[r(alphabetBytes.length)]!),
  );
}

function randomBuffer(r: (n: number) => number, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = alphabetBytes[r(alphabetBytes.length)]!;
  return out;
}

const isLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;
/** The pattern's own definition: each byte in its set, a letter in either case. */
function matchesAt(p: Uint8Array[], buf: Uint8Array, i: number, to: number): boolean {
  for (let j = 0; j < FP; j++) {
    if (i + j >= to) return false;
    const c = buf[i + j]!;
    if (!p[j]!.some((b) => b === c || (isLetter(b) && isLetter(c) && (b | 0x20) === (c | 0x20))))
      return false;
  }
  return true;
}

function simdCandidates(f: Prefilter, buf: Uint8Array, from: number, end: number, to: number): number[] {
  const out = new Int32Array(end - from);
  return [...out.subarray(0, f.candidates(buf, from, end, to, out))];
}

describe('SIMD prefilter', () => {
  it('compiles its WebAssembly SIMD module here (the plain loop is only a fallback)', () => {
    expect(new Prefilter(buildTables([[...Buffer.from('warn')].map((c) => Uint8Array.of(c))])).simd).toBe(
      true,
    );
  });

  it('reports every position where a pattern starts, in either letter case', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = prng(seed);
      const patterns = Array.from({ length: 1 + r(30) }, () => randomPattern(r));
      const f = new Prefilter(buildTables(patterns), 0);
      const buf = randomBuffer(r, 200 + r(3000));
      const from = r(40);
      const to = buf.length - r(40);
      const end = to - r(20);
      const got = new Set(simdCandidates(f, buf, from, end, to));
      for (let i = from; i < end; i++) {
        if (patterns.some((p) => matchesAt(p, buf, i, to)))
          expect([seed, i, got.has(i)]).toEqual([seed, i, true]);
      }
    }
  });

  it('drops most positions that only mixtures of bucket nibbles let through (the second check)', () => {
    let mixed = 0;
    let left = 0;
    for (let seed = 300; seed < 320; seed++) {
      const r = prng(seed);
      // More patterns than buckets: some share one, and their nibbles mix.
      const patterns = Array.from({ length: 24 }, () => randomPattern(r));
      const tables = buildTables(patterns);
      const bucketsOnly = { ...tables, exact: new Uint8Array(tables.exact.length).fill(0xff) };
      const buf = randomBuffer(r, 4000);
      const unmatched = (list: number[]) =>
        list.filter((i) => !patterns.some((p) => matchesAt(p, buf, i, buf.length))).length;
      const out = new Int32Array(buf.length);
      const n = scalarCandidates(bucketsOnly, buf, 0, buf.length, buf.length, out);
      mixed += unmatched([...out.subarray(0, n)]);
      left += unmatched(simdCandidates(new Prefilter(tables, 0), buf, 0, buf.length, buf.length));
    }
    expect(mixed).toBeGreaterThan(1000);
    expect(left).toBeLessThan(mixed / 50);
  });

  it('gives the same candidates as the plain loop, in ascending order, whatever the range', () => {
    for (let seed = 100; seed < 160; seed++) {
      const r = prng(seed);
      const patterns = Array.from({ length: 1 + r(12) }, () => randomPattern(r));
      const tables = buildTables(patterns);
      const f = new Prefilter(tables, 0);
      const buf = randomBuffer(r, 100 + r(5000));
      const from = r(50);
      const to = buf.length - r(50);
      const end = Math.max(from, to - r(30));
      const plain = new Int32Array(end - from);
      const n = scalarCandidates(tables, buf, from, end, to, plain);
      const simd = simdCandidates(f, buf, from, end, to);
      expect([seed, simd]).toEqual([seed, [...plain.subarray(0, n)]]);
      expect(simd).toEqual([...simd].sort((a, b) => a - b));
    }
  });

  it('handles a whole block, and does not see the bytes of the previous call past the range', () => {
    const pattern = [...Buffer.from('rror')].map((c) => Uint8Array.of(c));
    const f = new Prefilter(buildTables([pattern]), 0);
    const big = Buffer.alloc(BLOCK, 'a');
    big.write('ERROR', BLOCK - 5, 'latin1');
    expect(simdCandidates(f, big, 0, BLOCK, BLOCK)).toEqual([BLOCK - 4]);
    expect(simdCandidates(f, Buffer.from('xxERROR'), 0, 7, 7)).toEqual([3]);
    // The module's memory still holds 'xxERROR': past the 4 bytes given, it must read as nothing.
    expect(simdCandidates(f, Buffer.from('xxER'), 0, 4, 4)).toEqual([]);
  });

  it('finds nothing in an empty range', () => {
    const f = new Prefilter(buildTables([[...Buffer.from('warn')].map((c) => Uint8Array.of(c))]), 0);
    expect(simdCandidates(f, Buffer.from('warn'), 2, 2, 4)).toEqual([]);
  });

  it('scans a leased read buffer where it lies: the same candidates, bytes past the range unseen and left as they were', () => {
    const lease = leaseReadBuffer(RESIDENT_BYTES);
    try {
      for (let seed = 200; seed < 240; seed++) {
        const r = prng(seed);
        const patterns = Array.from({ length: 1 + r(12) }, () => randomPattern(r));
        const tables = buildTables(patterns);
        const f = new Prefilter(tables, 0);
        const data = randomBuffer(r, 100 + r(BLOCK));
        // Past `to` the buffer holds bytes that would match (an earlier read's): they must read as 0.
        const at = r(RESIDENT_BYTES - data.length - 64);
        lease.buf.fill('rror', 0, RESIDENT_BYTES, 'latin1');
        data.copy(lease.buf, at);
        const view = lease.buf.subarray(at, at + data.length + 64);
        const from = r(50);
        const to = data.length - r(50);
        const end = Math.max(from, to - r(3));
        // A pattern starting just before `to` whose other bytes follow past it.
        const p = patterns[0]!;
        for (let j = 0; j < FP; j++) view[to - 1 + j] = p[j]![0]!;
        data[to - 1] = p[0]![0]!;
        const before = Buffer.from(lease.buf);
        const plain = new Int32Array(end - from);
        const n = scalarCandidates(tables, data, from, end, to, plain);
        expect([seed, simdCandidates(f, view, from, end, to)]).toEqual([seed, [...plain.subarray(0, n)]]);
        expect(lease.buf.equals(before)).toBe(true);
      }
    } finally {
      lease.release();
    }
  });

  it('lends its in-memory buffer to one reader at a time', () => {
    const first = leaseReadBuffer(1024);
    const second = leaseReadBuffer(1024);
    expect(second.buf.buffer).not.toBe(first.buf.buffer);
    first.release();
    second.release();
    const again = leaseReadBuffer(1024);
    expect(again.buf.buffer).toBe(first.buf.buffer);
    again.release();
  });

  it('keeps the tables of prefilters used in turn apart (one module reads them all from its memory)', () => {
    const warn = new Prefilter(buildTables([[...Buffer.from('warn')].map((c) => Uint8Array.of(c))]), 0);
    const rror = new Prefilter(buildTables([[...Buffer.from('rror')].map((c) => Uint8Array.of(c))]), 0);
    const buf = Buffer.from(`${'x'.repeat(300)}WARN ERROR ${'x'.repeat(300)}`, 'latin1');
    for (let i = 0; i < 3; i++) {
      expect(simdCandidates(warn, buf, 0, buf.length, buf.length)).toEqual([300]);
      expect(simdCandidates(rror, buf, 0, buf.length, buf.length)).toEqual([306]);
    }
  });
});
