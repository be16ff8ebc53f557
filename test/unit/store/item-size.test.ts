/**
 * The size model against the rules of DynamoDB's "Item sizes and formats"
 * (Developer Guide), each worked by hand here from the rule it checks.
 */
import { attributeSize, itemSize, MAX_ITEM_BYTES, numberSize, valueSize } from '#lib/store/item-size';

describe('DynamoDB item size model', () => {
  it('counts a string as its name plus its UTF-8 bytes', () => {
    // "Name" (4) + "Hello" (5)
    expect(attributeSize('Name', 'Hello')).toBe(9);
    // names count in UTF-8 too: "名前" (6) + "日本語" (9); UTF-16 would say 2 + 3
    expect(attributeSize('名前', '日本語')).toBe(15);
    // a character outside the BMP is 4 bytes (2 UTF-16 units)
    expect(valueSize('😀')).toBe(4);
  });

  it('counts a number as 1 byte per two significant digits plus 1, zeros trimmed', () => {
    expect(numberSize(7)).toBe(2); // 1 digit
    expect(numberSize(12)).toBe(2); // 2 digits
    expect(numberSize(123)).toBe(3); // 3 digits -> 2 + 1
    expect(numberSize(1200)).toBe(2); // trailing zeros trimmed: "12"
    expect(numberSize(0.0012)).toBe(2); // leading zeros trimmed: "12"
    expect(numberSize(-98765)).toBe(4); // sign aside, 5 digits -> 3 + 1
    expect(numberSize(1e308)).toBe(2); // one significant digit, whatever the exponent
    expect(attributeSize('Id', 123)).toBe(5);
    expect(() => numberSize(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('counts binary as its raw bytes, not its base64', () => {
    expect(attributeSize('b', new Uint8Array(10))).toBe(11);
  });

  it('counts a boolean or a null as 1 byte', () => {
    expect(attributeSize('ok', true)).toBe(3);
    expect(attributeSize('gone', null)).toBe(5);
  });

  it('counts a list or map as 3 bytes, plus 1 byte per element, plus the elements', () => {
    expect(attributeSize('l', [])).toBe(4); // empty: name + 3
    expect(attributeSize('m', {})).toBe(4);
    // "tags" (4) + 3 + (1 + "a") + (1 + "bc")
    expect(attributeSize('tags', ['a', 'bc'])).toBe(12);
    // "m" (1) + 3 + (1 + "k" + number 1 (2))
    expect(attributeSize('m', { k: 1 })).toBe(8);
    // nested: "h" + 3 + (1 + [map: 3 + (1 + "event" + "created") + (1 + "at" + 24)])
    const entry = { event: 'created', at: '2026-12-01T08:00:00.000Z' };
    expect(attributeSize('h', [entry])).toBe(1 + 3 + 1 + (3 + (1 + 5 + 7) + (1 + 2 + 24)));
  });

  it('counts a set as the sum of its members', () => {
    expect(valueSize(new Set(['ab', 'c']))).toBe(3);
  });

  it('sums an item over its attributes, skipping undefined ones (never sent)', () => {
    expect(itemSize({ pk: 'k1', n: 123, ok: false, missing: undefined })).toBe(2 + 2 + (1 + 3) + (2 + 1));
  });

  it('finds a CJK string over 400 KB that a UTF-16 count would let through', () => {
    const text = '漢'.repeat(140_000); // 140,000 UTF-16 units, 420,000 UTF-8 bytes
    expect(text.length).toBeLessThan(MAX_ITEM_BYTES);
    expect(itemSize({ pk: 'k', signature: text })).toBeGreaterThan(MAX_ITEM_BYTES);
  });
});
