/**
 * Snappy block format decoder (the framing Loki's protobuf push uses), strict
 * about every bound: the declared length is checked against a limit before
 * anything is allocated, every literal and copy must fit inside the input and
 * the output, and the output must come out exactly as long as declared.
 *
 * Written here rather than calling snappyjs's uncompress because that one trusts
 * a literal's 4-byte length: a length at or above 2^31 turns negative, moves its
 * read position backwards, and a crafted body of a few bytes never terminates.
 * snappyjs stays the encoder tests use as a client would.
 */

export class SnappyError extends Error {
  override name = 'SnappyError';
}

export function snappyUncompress(input: Uint8Array, maxLength: number): Uint8Array {
  let pos = 0;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= input.length || shift > 28) throw new SnappyError('bad snappy length preamble');
    const b = input[pos++] as number;
    length += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  if (length > maxLength)
    throw new SnappyError(`snappy body would decompress to ${length} bytes, over ${maxLength}`);
  const out = new Uint8Array(length);
  let o = 0;
  const need = (n: number) => {
    if (pos + n > input.length) throw new SnappyError('truncated snappy body');
  };
  while (pos < input.length) {
    const tag = input[pos++] as number;
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const bytes = len - 59;
        need(bytes);
        len = 0;
        for (let k = 0; k < bytes; k++) len += (input[pos + k] as number) * 2 ** (8 * k);
        pos += bytes;
      }
      len += 1;
      need(len);
      if (o + len > length) throw new SnappyError('snappy literal runs past the declared length');
      out.set(input.subarray(pos, pos + len), o);
      pos += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      need(1);
      len = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | (input[pos] as number);
      pos += 1;
    } else if (kind === 2) {
      need(2);
      len = (tag >>> 2) + 1;
      offset = (input[pos] as number) | ((input[pos + 1] as number) << 8);
      pos += 2;
    } else {
      need(4);
      len = (tag >>> 2) + 1;
      offset =
        (input[pos] as number) +
        (input[pos + 1] as number) * 2 ** 8 +
        (input[pos + 2] as number) * 2 ** 16 +
        (input[pos + 3] as number) * 2 ** 24;
      pos += 4;
    }
    if (offset === 0 || offset > o) throw new SnappyError('snappy copy reaches before the output');
    if (o + len > length) throw new SnappyError('snappy copy runs past the declared length');
    // Copies may overlap their own output (a run): byte by byte.
    for (let k = 0; k < len; k++, o++) out[o] = out[o - offset] as number;
  }
  if (o !== length) throw new SnappyError('snappy body is shorter than its declared length');
  return out;
}
