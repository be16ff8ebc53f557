import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import {
  BodyTooLargeError,
  decodeContentEncoding,
  UnsupportedEncodingError,
} from '#lib/records/bodies/encoding';
import { DecodeError } from '#lib/records/model';

const text = Buffer.from('level=error msg="charge failed"\n'.repeat(100));

describe('Content-Encoding', () => {
  it('undoes gzip, deflate and br, and several in the order applied', () => {
    expect(decodeContentEncoding(gzipSync(text), 'gzip', 1 << 20)).toEqual(text);
    expect(decodeContentEncoding(gzipSync(text), 'X-GZIP', 1 << 20)).toEqual(text);
    expect(decodeContentEncoding(deflateSync(text), 'deflate', 1 << 20)).toEqual(text);
    expect(decodeContentEncoding(brotliCompressSync(text), 'br', 1 << 20)).toEqual(text);
    expect(decodeContentEncoding(brotliCompressSync(gzipSync(text)), 'gzip, br', 1 << 20)).toEqual(text);
    expect(decodeContentEncoding(text, undefined, 1 << 20)).toBe(text);
    expect(decodeContentEncoding(text, 'identity', 1 << 20)).toBe(text);
  });

  it('bounds the decompressed size: a gzip bomb stops at the limit', () => {
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(32 * 1024);
    expect(() => decodeContentEncoding(bomb, 'gzip', 1024 * 1024)).toThrow(BodyTooLargeError);
  });

  it('tells an unsupported coding from a corrupt body', () => {
    expect(() => decodeContentEncoding(text, 'compress', 1 << 20)).toThrow(UnsupportedEncodingError);
    let err: unknown;
    try {
      decodeContentEncoding(text, 'gzip', 1 << 20);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DecodeError);
    expect(err).not.toBeInstanceOf(UnsupportedEncodingError);
    expect(err).not.toBeInstanceOf(BodyTooLargeError);
    expect(() => decodeContentEncoding(gzipSync(text).subarray(0, 20), 'gzip', 1 << 20)).toThrow(DecodeError);
  });
});
