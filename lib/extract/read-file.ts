/**
 * The extraction of a local file, for the CLI: the one piece of lib/extract
 * that does I/O.
 *
 * Chunks are read synchronously into one reused buffer of CHUNK bytes: small
 * enough to stay in the core's cache between the kernel's copy and the scan,
 * which makes reading several times cheaper than with 1 MB chunks.
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
    if (!threaded) return scan(fd, new Extractor(extractOpts));
    const hasher = new Worker(HASHER, { eval: true, workerData: path });
    const hashed = new Promise<{ sha256: string; bytes: number }>((resolve, reject) => {
      hasher.once('message', resolve);
      hasher.once('error', reject);
      hasher.once('exit', (code) => reject(new Error(`hasher thread exited (${code})`)));
    });
    let x: Extraction;
    try {
      x = scan(fd, new Extractor({ ...extractOpts, hashRaw: false }));
    } catch (err) {
      hashed.catch(() => {});
      await hasher.terminate();
      throw err;
    }
    const { sha256, bytes } = await hashed;
    if (bytes !== x.bytes) throw new FileChangedError(`${path} changed while it was read`);
    return { ...x, sha256 };
  } finally {
    closeSync(fd);
  }
}

function scan(fd: number, x: Extractor): Extraction {
  const buf = Buffer.allocUnsafe(CHUNK);
  for (;;) {
    const n = readSync(fd, buf, 0, CHUNK, null);
    if (n === 0) break;
    x.push(buf.subarray(0, n));
  }
  return x.finish();
}
