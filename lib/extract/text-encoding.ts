/**
 * Logs written as UTF-16 — what Windows PowerShell 5's `>` and `Out-File`
 * write by default, with a byte-order mark — are read as the text they are:
 * turned into UTF-8, which the scanner, the masks and the pages all read. A
 * log without such a mark is taken as UTF-8 (or any ASCII superset), as
 * before. UTF-16 is recognised by its mark only: without one, two bytes per
 * character cannot be told from binary with certainty.
 */
import { TextDecoder } from 'node:util';

export type Utf16 = 'utf-16le' | 'utf-16be';

/**
 * A gzip member's first bytes: magic 1f 8b, then deflate (the only method
 * gzip defines). A log file that starts so is a compressed one (a rotated
 * `app.log.1.gz`), read as the text it inflates to.
 */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08;
}

/** The UTF-16 byte-order mark at the start of a log, if it has one (FF FE: little-endian, FE FF: big-endian). */
export function utf16Of(head: Uint8Array): Utf16 | null {
  if (head.length < 2) return null;
  if (head[0] === 0xff && head[1] === 0xfe) {
    // FF FE 00 00 is UTF-32LE's mark: not UTF-16, left as it is
    return head.length >= 4 && head[2] === 0 && head[3] === 0 ? null : 'utf-16le';
  }
  return head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
}

/** UTF-16 chunks in, UTF-8 chunks out; a character split between chunks is joined; the mark is dropped. */
export class Utf16ToUtf8 {
  private readonly decoder: TextDecoder;

  constructor(encoding: Utf16) {
    // fatal: false, so a lone surrogate reads U+FFFD instead of failing the log
    this.decoder = new TextDecoder(encoding);
  }

  push(chunk: Uint8Array): Buffer {
    return Buffer.from(this.decoder.decode(chunk, { stream: true }), 'utf8');
  }

  end(): Buffer {
    return Buffer.from(this.decoder.decode(), 'utf8');
  }
}

/** A whole log as UTF-8: transcoded when it starts with a UTF-16 mark, else as it is. */
export function asUtf8(bytes: Buffer): Buffer {
  const encoding = utf16Of(bytes);
  if (!encoding) return bytes;
  const t = new Utf16ToUtf8(encoding);
  return Buffer.concat([t.push(bytes), t.end()]);
}

/** Chunks of a log as UTF-8: its first four bytes decide (their mark), however the chunks fall. */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let transcoder: Utf16ToUtf8 | null | undefined;
  let head: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    if (transcoder === undefined) {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      if (head.length < 4) continue;
      const encoding = utf16Of(head);
      transcoder = encoding ? new Utf16ToUtf8(encoding) : null;
      yield transcoder ? transcoder.push(head) : head;
      continue;
    }
    yield transcoder ? transcoder.push(chunk) : chunk;
  }
  if (transcoder === undefined) {
    // a log of under four bytes
    if (head.length > 0) yield asUtf8(head);
  } else if (transcoder) {
    const last = transcoder.end();
    if (last.length > 0) yield last;
  }
}
