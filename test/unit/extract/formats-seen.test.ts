/**
 * Which line formats a log's start shows (scan.ts formatsSeen): the one
 * search for every line-start test must answer exactly what the formats'
 * tests answer one by one, whatever mix of formats a sample holds.
 */
import { FORMAT_TESTS, formatsSeen, SNIFF_BYTES, topAlternatives } from '#lib/extract/scan';
import { FORMATS } from '../../pairs/index.ts';

/** The formats' tests run one by one, as matcherFor did before. */
function oneByOne(sample: Buffer): number {
  const text = sample.toString('latin1');
  let key = 0;
  FORMAT_TESTS.forEach((test, i) => {
    if (test.test(text)) key |= 1 << i;
  });
  return key;
}

const bits = (key: number) => FORMAT_TESTS.flatMap((_, i) => ((key >> i) & 1 ? [i] : []));

/** Every document of the grouping pairs: logs of 77 formats. */
const documents = FORMATS.flatMap(({ pairs }) => pairs.flatMap((p) => [p.a, p.b]));

describe('formatsSeen', () => {
  it('answers what the tests one by one answer, for every document of the grouping pairs', () => {
    const seen = new Set<number>();
    for (const doc of documents) {
      const sample = Buffer.from(doc).subarray(0, SNIFF_BYTES);
      const key = oneByOne(sample);
      expect(bits(formatsSeen(sample))).toEqual(bits(key));
      for (const i of bits(key)) seen.add(i);
    }
    // The documents show most formats, so the comparison covers their tests.
    expect(seen.size).toBeGreaterThanOrEqual(20);
  });

  it('finds every format of a sample that shows several, in any order', () => {
    // Documents of different formats one after another, in two orders.
    const mixes: string[] = [];
    for (let i = 0; i + 5 <= documents.length; i += 5) {
      const five = documents.slice(i, i + 5);
      mixes.push(five.join(''), [...five].reverse().join(''));
    }
    let several = 0;
    for (const mix of mixes) {
      const sample = Buffer.from(mix).subarray(0, SNIFF_BYTES);
      const key = oneByOne(sample);
      if (bits(key).length > 1) several++;
      expect(bits(formatsSeen(sample))).toEqual(bits(key));
    }
    expect(several).toBeGreaterThan(10);
  });

  it('finds two formats whose tests match the same line', () => {
    // journald's `__CURSOR` first and GELF's `short_message` on one line, and a
    // JSON access record's `status`: the first test to match there must not hide the others.
    const line = '{"__CURSOR":"s=1","short_message":"GET /cart","status":503,"level":3}\n';
    const sample = Buffer.from(`starting\n${line}`);
    const key = oneByOne(sample);
    expect(bits(key).length).toBeGreaterThanOrEqual(3);
    expect(bits(formatsSeen(sample))).toEqual(bits(key));
  });

  it('finds a format first seen past the start, and one only at the end', () => {
    const filler = Array.from({ length: 500 }, (_, i) => `2026-12-01 10:00:00 INFO request ${i} done`);
    const klog = 'E1201 10:00:00.000001    77 main.go:40] cannot load config';
    const redis = '4711:M 01 Dec 2026 10:00:00.000 # Background saving error';
    const sample = Buffer.from([...filler, klog, ...filler, redis].join('\n'));
    const key = oneByOne(sample);
    expect(bits(key).length).toBe(2);
    expect(bits(formatsSeen(sample))).toEqual(bits(key));
    expect(formatsSeen(Buffer.from(filler.join('\n')))).toBe(0);
  });

  it('splits a pattern at its top-level alternatives only', () => {
    expect(topAlternatives('^a|^(?:b|c)|^[|]d|^\\|e')).toEqual(['^a', '^(?:b|c)', '^[|]d', '^\\|e']);
    expect(topAlternatives('(?:^|\\s)kernel: ')).toEqual(['(?:^|\\s)kernel: ']);
  });
});
