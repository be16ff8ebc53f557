/**
 * Content-Encoding of a request body (gzip, deflate, br; several in the order
 * applied) undone before a decoder reads it, with the decompressed size bounded:
 * a small gzip bomb must cost no more than the limit.
 *
 * Errors are DecodeErrors the edge can tell apart: UnsupportedEncodingError
 * (HTTP says 415) and BodyTooLargeError (413); a corrupt stream is a plain
 * DecodeError (400).
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { DecodeError } from '../model.ts';

export class UnsupportedEncodingError extends DecodeError {
  override name = 'UnsupportedEncodingError';
}

export class BodyTooLargeError extends DecodeError {
  override name = 'BodyTooLargeError';
}

const CODINGS: Record<string, (b: Buffer, max: number) => Buffer> = {
  gzip: (b, max) => gunzipSync(b, { maxOutputLength: max }),
  'x-gzip': (b, max) => gunzipSync(b, { maxOutputLength: max }),
  deflate: (b, max) => inflateSync(b, { maxOutputLength: max }),
  br: (b, max) => brotliDecompressSync(b, { maxOutputLength: max }),
};

/** The body with its Content-Encoding undone; `identity` or none returns it as is. */
export function decodeContentEncoding(
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
): Buffer {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  let out = body;
  // Listed in the order they were applied: undone from the last.
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i] as string;
    const undo = CODINGS[coding];
    if (!undo)
      throw new UnsupportedEncodingError(
        `Content-Encoding ${coding} is not supported (gzip, deflate, br)`,
        'encoding',
      );
    try {
      out = undo(out, maxBytes);
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw new BodyTooLargeError(`body decompresses to more than ${maxBytes} bytes`, 'encoding');
      }
      throw new DecodeError(`body is not valid ${coding}: ${(e as Error).message}`, 'encoding');
    }
  }
  return out;
}
