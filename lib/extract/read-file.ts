/**
 * The extraction of a local file, for the CLI: the one piece of lib/extract
 * that does I/O.
 *
 * Chunks are read synchronously into one reused buffer of CHUNK bytes: small
 * enough to stay in the core's cache between the kernel's copy and the scan,
 * which makes reading several times cheaper than with 1 MB chunks, and no
 * line is split between two chunks unless it is longer than one. The buffer
 * lies in the prefilter's WebAssembly memory (leaseReadBuffer), which scans
 * it where the kernel wrote it.
 *
 * The SHA-256 of the raw bytes may be computed on a second thread
 * (hasher.ts), which reads the file itself; both readers count the bytes: a
 * file that changed in between is an error. This thread then stops reading
 * where the result is settled (Extractor.isSettled).
 *
 * A gzip-compressed file (a rotated `app.log.1.gz`) or a UTF-16 one (with its
 * byte-order mark, as Windows PowerShell writes) is read as the text it holds
 * in UTF-8, as a stream, as the service reads one posted or uploaded; its
 * SHA-256 is then that text's, as the service stores it.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { constants, createGunzip } from 'node:zlib';
import { CHUNK, coresSpare, type HashJob, startHashJob, THREAD_FROM } from './hasher.ts';
import { type Extraction, type ExtractOptions, Extractor } from './index.ts';
import { leaseReadBuffer } from './prefilter.ts';
import { isGzip, utf8Chunks, utf16Of } from './text-encoding.ts';

export interface FileOptions extends ExtractOptions {
  /** Hash on a worker thread; default: for files of THREAD_FROM bytes or more, unless the cores are busy. */
  hashThread?: boolean;
  /** This file's hash job, already started (hasher.ts startForArgv); implies hashThread. */
  hashJob?: HashJob;
}

export class FileChangedError extends Error {}

/** A file that is read through a decoder: gzip (magic 1f 8b, deflate) or UTF-16 (its mark). */
export function needsDecoding(fd: number): boolean {
  const head = Buffer.alloc(4);
  const read = head.subarray(0, readSync(fd, head, 0, 4, 0));
  return isGzip(read) || utf16Of(read) !== null;
}

/**
 * The text a file holds, in UTF-8 chunks: inflated when it is gzip, then
 * transcoded when it is UTF-16. A gzip file cut off mid-stream gives what it
 * holds so far.
 */
export async function* textChunks(path: string): AsyncGenerator<Buffer> {
  const head = Buffer.alloc(3);
  const fd = openSync(path, 'r');
  let gzip: boolean;
  try {
    gzip = isGzip(head.subarray(0, readSync(fd, head, 0, 3, 0)));
  } finally {
    closeSync(fd);
  }
  const bytes = gzip
    ? pipeline(createReadStream(path), createGunzip({ finishFlush: constants.Z_SYNC_FLUSH }), () => {})
    : createReadStream(path);
  try {
    yield* utf8Chunks(bytes as AsyncIterable<Buffer>);
  } catch (error) {
    if (!gzip) throw error;
    throw new Error(`${path} starts as gzip but does not inflate: ${(error as Error).message}`);
  }
}

export async function extractFile(path: string, opts: FileOptions = {}): Promise<Extraction> {
  const { hashThread, hashJob, ...extractOpts } = opts;
  const fd = openSync(path, 'r');
  try {
    if (needsDecoding(fd)) {
      // A hash job read the file's bytes: the text's hash is the one wanted.
      await hashJob?.stop();
      const x = new Extractor(extractOpts);
      for await (const chunk of textChunks(path)) x.push(chunk);
      return x.finish();
    }
    const threaded =
      hashJob !== undefined || (hashThread ?? (fstatSync(fd).size >= THREAD_FROM && coresSpare()));
    if (!threaded) return scan(fd, new Extractor(extractOpts), false).x;
    const job = hashJob ?? startHashJob(path);
    job.ref();
    let x: Extraction;
    let read: number;
    let whole: boolean;
    try {
      // The hasher reads every byte: this thread may stop where the result is settled.
      ({ x, read, whole } = scan(fd, new Extractor({ ...extractOpts, hashRaw: false }), true));
    } catch (err) {
      await job.stop();
      throw err;
    }
    const { sha256, bytes } = await job.result;
    const changed = whole ? bytes !== read : bytes < read || bytes !== fstatSync(fd).size;
    if (changed) throw new FileChangedError(`${path} changed while it was read`);
    return { ...x, sha256, bytes };
  } finally {
    closeSync(fd);
  }
}

/**
 * Hands the extractor whole lines where it can: the unfinished line at the end
 * of a read is moved to the front of the buffer and completed by the next read,
 * so the scanner seldom has to join a line from pieces. A line longer than the
 * buffer goes in pieces, which the scanner handles.
 */
function scan(
  fd: number,
  x: Extractor,
  stopWhenSettled: boolean,
): { x: Extraction; read: number; whole: boolean } {
  const lease = leaseReadBuffer(CHUNK);
  const buf = lease.buf;
  let kept = 0;
  let read = 0;
  try {
    for (;;) {
      if (stopWhenSettled && x.isSettled) return { x: x.finish(), read, whole: false };
      const n = readSync(fd, buf, kept, CHUNK - kept, null);
      if (n === 0) break;
      read += n;
      const end = kept + n;
      const nl = buf.lastIndexOf(10, end - 1);
      if (nl < 0) {
        x.push(buf.subarray(0, end));
        kept = 0;
        continue;
      }
      x.push(buf.subarray(0, nl + 1));
      buf.copyWithin(0, nl + 1, end);
      kept = end - nl - 1;
    }
    if (kept > 0) x.push(buf.subarray(0, kept));
    return { x: x.finish(), read, whole: true };
  } finally {
    lease.release();
  }
}
