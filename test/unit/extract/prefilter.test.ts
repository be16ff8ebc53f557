import { Extractor, extractBuffer } from '#lib/extract/index';
import { findKeyword, KEYWORDS, Matcher } from '#lib/extract/scan';

/** The obvious definition the fast search must agree with. */
function naive(buf: Buffer, from: number, to: number): number {
  const text = buf.toString('latin1', from, to).toLowerCase();
  let best = -1;
  for (const kw of KEYWORDS) {
    const i = text.indexOf(kw);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best < 0 ? -1 : from + best;
}

/** Deterministic pseudo-random text over an alphabet rich in keyword letters. */
function randomText(seed: number, length: number): Buffer {
  const alphabet = 'erroERROwarnWARNcalstkCALSTKexptionEXPTIONfaFApni =#0 \n\t:[{/';
  let x = seed;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = alphabet.charCodeAt((x >>> 8) % alphabet.length);
  }
  return out;
}

describe('keyword prefilter', () => {
  it('finds the first keyword exactly where a naive case-insensitive search does', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const buf = randomText(seed, 50 + (seed % 7) * 97);
      const from = seed % 5;
      const to = buf.length - (seed % 3);
      expect([seed, findKeyword(buf, from, to)]).toEqual([seed, naive(buf, from, to)]);
    }
  });

  it('tells whether a range holds a keyword as the search does, with or without the prefilter built', () => {
    // A fresh matcher answers offset by offset; once its prefilter exists, long ranges go through it.
    const fresh = new Matcher(KEYWORDS);
    const built = new Matcher(KEYWORDS);
    built.findKeyword(Buffer.from('warm'), 0, 4);
    for (let seed = 1; seed <= 300; seed++) {
      // Short ranges hold a keyword or not about as often; long ones cross SCALAR_BELOW.
      const buf = randomText(seed, seed % 2 ? 8 + (seed % 29) : 40 + (seed % 11) * 211);
      const from = seed % 5;
      const to = buf.length - (seed % 3);
      const expected = naive(buf, from, to) >= 0;
      expect([seed, fresh.hasKeyword(buf, from, to), built.hasKeyword(buf, from, to)]).toEqual([
        seed,
        expected,
        expected,
      ]);
    }
    const ends = Buffer.from('panic at the end: error');
    for (const m of [fresh, built]) {
      expect(m.hasKeyword(ends, 0, 5)).toBe(true);
      expect(m.hasKeyword(ends, 1, ends.length - 1)).toBe(false);
      expect(m.hasKeyword(ends, ends.length - 5, ends.length)).toBe(true);
    }
  });

  it('finds keywords in any case and at the very ends of the range', () => {
    const buf = Buffer.from('xx eRrOr yy');
    expect(findKeyword(buf, 0, buf.length)).toBe(3);
    expect(findKeyword(buf, 3, 8)).toBe(3);
    expect(findKeyword(buf, 3, 7)).toBe(-1);
    expect(findKeyword(Buffer.from('ERROR'), 0, 5)).toBe(0);
  });

  it('finds keywords anywhere in a large buffer, across its internal blocks', () => {
    const buf = Buffer.alloc(300_000, 'a');
    for (const at of [65_533, 131_070, 299_990]) {
      buf.fill('a');
      buf.write('Traceback', at, 'latin1');
      expect(findKeyword(buf, 0, buf.length)).toBe(at);
    }
  });

  it('gives the same extraction for a keyword split across every possible chunk boundary', () => {
    const log = Buffer.from('INFO a\nINFO b callstack here\n  frame one\n\nINFO c WARNING d\n');
    const whole = extractBuffer(log);
    for (let cut = 1; cut < log.length; cut++) {
      const x = new Extractor();
      x.push(log.subarray(0, cut));
      x.push(log.subarray(cut));
      expect([cut, x.finish()]).toEqual([cut, whole]);
    }
  });
});
