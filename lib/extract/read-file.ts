/**
 * The extraction of a local file, for the CLI: the one piece of lib/extract
 * that does I/O.
 *
 * Chunks are read synchronously into one reused buffer of CHUNK bytes: small
 * enough to stay in the core's cache between the kernel's copy and the scan,
 * which makes reading several times cheaper than with 1 MB chunks, and no
 * line is split between two chunks unless it is longer than one.
 *
 * The SHA-256 of the raw bytes costs about as much CPU as the scan; for a large
 * file, and unless the cores are busy, a worker thread reads the file a second time
 * (from the page cache) and hashes it, while this thread scans. Otherwise the
 * thread's start-up (some 30-60 ms of CPU) would cost more than it saves. Both
 * readers count the bytes: a file that changed in between is an error.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Extraction, type ExtractOptions, Extractor } from './index.ts';

const CHUNK = 128 * 1024;
/** Below this size the hasher thread's start-up costs more than the hashing it takes over. */
const THREAD_FROM = 32 * 1024 * 1024;

const HASHER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const hash = createHash('sha256');
const buf = Buffer.allocUnsafe(${CHUNK});
const fd = openSync(workerData, 'r');
let bytes = 0;
try {
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; bytes += n) hash.update(buf.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort.postMessage({ sha256: hash.digest('hex'), bytes });
`;

export interface FileOptions extends ExtractOptions {
  /** Hash on a worker thread; default: for files of THREAD_FROM bytes or more, unless the cores are busy. */
  hashThread?: boolean;
}

export class FileChangedError extends Error {}

export async function extractFile(path: string, opts: FileOptions = {}): Promise<Extraction> {
  const { hashThread, ...extractOpts } = opts;
  const fd = openSync(path, 'r');
  try {
    // Measured on 2 cores: the thread wins with a 1-minute load of 2.2 (this process's own runs included), loses at 3.3.
    const spare = loadavg()[0]! < availableParallelism() + 0.5;
    const threaded = hashThread ?? (spare && fstatSync(fd).size >= THREAD_FROM);
    if (!threaded) return scan(fd, new Extractor(extractOpts), false).x;
    const hasher = new Worker(HASHER, { eval: true, workerData: path });
    const hashed = new Promise<{ sha256: string; bytes: number }>((resolve, reject) => {
      hasher.once('message', resolve);
      hasher.once('error', reject);
      hasher.once('exit', (code) => reject(new Error(`hasher thread exited (${code})`)));
    });
    let x: Extraction;
    let read: number;
    let whole: boolean;
    try {
      // The hasher reads every byte: this thread may stop where the result is settled.
      ({ x, read, whole } = scan(fd, new Extractor({ ...extractOpts, hashRaw: false }), true));
    } catch (err) {
      hashed.catch(() => {});
      await hasher.terminate();
      throw err;
    }
    const { sha256, bytes } = await hashed;
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
  const buf = Buffer.allocUnsafe(CHUNK);
  let kept = 0;
  let read = 0;
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
}
