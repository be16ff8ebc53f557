import { maskText } from '#lib/extract/mask';
import { extract } from './helpers';

/** Three letters from a number, so that lines differ in words, not digits (no cache help). */
const word = (i: number) =>
  String.fromCharCode(97 + (i % 26), 97 + (((i / 26) | 0) % 26), 97 + (((i / 676) | 0) % 26));

describe('inputs aimed at the masking rules', () => {
  it('masks e-mail addresses, also after = and inside <>', () => {
    expect(maskText('ERROR sent by user=bob@example.com to <alice@mail.example.org>')).toBe(
      'ERROR sent by user=<email> to <<email>>',
    );
    expect(maskText('ERROR a@b is no address')).toBe('ERROR a@b is no address');
  });

  it('handles thousands of distinct long dotted lines ending in @ (no rescans per character)', () => {
    const log = Array.from({ length: 5000 }, (_, i) => `ERROR ${'a.'.repeat(1000)}${word(i)}@`).join('\n');
    const x = extract(log);
    expect(x.type).toBe('E');
    expect(x.extractTruncated).toBe(true);
  });

  it('stops masking new failure lines once the signature holds its maximum of entries', () => {
    const log = Array.from({ length: 100_000 }, (_, i) => `ERROR kind ${word(i)} failed`).join('\n');
    const x = extract(log);
    expect(x.signature.split('\n')).toHaveLength(256);
    expect(x.fingerprint).toBe(extract(log).fingerprint);
  });
});
