import fc from 'fast-check';
import { compress } from 'snappyjs';
import { SnappyError, snappyUncompress } from '#lib/records/bodies/snappy';

describe('snappy block decoding', () => {
  it('inverts snappyjs compress on arbitrary and repetitive data', () => {
    const repetitive = fc
      .tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(200))
      .map(([unit, times]) => {
        const out = new Uint8Array(unit.length * times);
        for (let i = 0; i < times; i++) out.set(unit, i * unit.length);
        return out;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 5000 }), repetitive), (data) => {
        expect(Buffer.from(snappyUncompress(compress(data), 1 << 20))).toEqual(Buffer.from(data));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses bodies that lie: negative-turning literal lengths, copies before the start, short or long output', () => {
    const cases = [
      // Declared 5 bytes, then a literal whose 4-byte length has the top bit set.
      [0x05, 0xfc, 0x00, 0x00, 0x00, 0x80, 0x41],
      [0x05, 0x01, 0x05],
      [0x04, 0x0c, 0x61, 0x62],
      [0x02, 0x0c, 0x61, 0x62, 0x63, 0x64],
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
      [],
    ];
    for (const bytes of cases) {
      const t = performance.now();
      expect(() => snappyUncompress(Uint8Array.from(bytes), 1 << 20)).toThrow(SnappyError);
      expect(performance.now() - t).toBeLessThan(100);
    }
    expect(() => snappyUncompress(compress(new Uint8Array(4096)), 1000)).toThrow(/over 1000/);
  });

  it('never hangs or throws anything else on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (data) => {
        try {
          snappyUncompress(data, 1 << 16);
        } catch (e) {
          expect(e).toBeInstanceOf(SnappyError);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
