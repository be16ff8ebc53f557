/**
 * The SHA-256 of a local file on a worker thread, for the CLI (read-file.ts).
 *
 * The SHA-256 of the raw bytes costs about as much CPU as the scan; for a large
 * file, and unless the cores are busy, a worker thread reads the file a second
 * time (from the page cache) and hashes it while the main thread scans.
 * Otherwise the thread's start-up (some 30-60 ms of CPU) would cost more than
 * it saves.
 *
 * A job may be started before the rest of the CLI is loaded (bin/logsift.cjs
 * loads this module alone first, see `startForArgv`), so the hash gets a head
 * start. This module needs nothing but node's own modules.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';

/** Bytes per read, in the worker as in the main thread's reader. */
export const CHUNK = 128 * 1024;
/** Below this size the hasher thread's start-up costs more than the hashing it takes over. */
export const THREAD_FROM = 32 * 1024 * 1024;

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

export interface Hashed {
  sha256: string;
  bytes: number;
}

/** A file being hashed on its own thread. */
export interface HashJob {
  path: string;
  result: Promise<Hashed>;
  /** Keeps the process alive until the hash is in (a job is started unreferenced). */
  ref(): void;
  stop(): Promise<void>;
}

/**
 * Measured on 2 cores: the thread wins with a 1-minute load of 2.2 (this
 * process's own runs included), loses at 3.3. The average lags, though: with
 * one other process busy on one of 2 cores its load reads 1.4-2, and the
 * thread then shares this process's core and loses (722 ms against 633 ms on
 * the realistic log, alternated runs). So a core is spare only when, at this
 * moment too, the two threads find two cores: at most cores - 2 tasks are
 * running besides this process's own.
 */
export function coresSpare(): boolean {
  const cores = availableParallelism();
  if (loadavg()[0]! >= cores + 0.5) return false;
  const others = othersRunning();
  return others === null || others < cores - 1;
}

/**
 * Tasks running or runnable now, this process's threads left out
 * (/proc/loadavg's fourth field counts every task of the machine's, ours
 * included); null where /proc does not say.
 */
export function othersRunning(): number | null {
  try {
    const all = Number(readFileSync('/proc/loadavg', 'latin1').split(' ')[3]?.split('/')[0]);
    if (!Number.isInteger(all)) return null;
    let ours = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      // `pid (comm) S …`: the state follows the last ')' (a thread's name may hold one).
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
      if (stat.charAt(stat.lastIndexOf(')') + 2) === 'R') ours++;
    }
    return Math.max(0, all - ours);
  } catch {
    return null;
  }
}

/**
 * Starts hashing `path`. Unreferenced: a process that ends before it asks for
 * the result (a usage error) is not held up; `ref` before awaiting it.
 */
export function startHashJob(path: string): HashJob {
  // Loaded here, not with the module: it costs some 15 ms of start-up, and most runs start no thread.
  const { Worker } = require('node:worker_threads') as typeof WorkerThreads;
  const worker = new Worker(HASHER, { eval: true, workerData: path });
  worker.unref();
  const result = new Promise<Hashed>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`hasher thread exited (${code})`)));
  });
  // A failure is the awaiting extraction's to report; a job nobody asked for fails quietly.
  result.catch(() => {});
  return {
    path,
    result,
    ref: () => worker.ref(),
    stop: async () => {
      await worker.terminate();
    },
  };
}

/** A gzip or UTF-16 file's hash is its UTF-8 text's (read-file.ts), which this thread does not decode. */
function decoded(path: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, head, 0, 2, 0) !== 2) return false;
    return (
      (head[0] === 0x1f && head[1] === 0x8b) ||
      (head[0] === 0xff && head[1] === 0xfe) ||
      (head[0] === 0xfe && head[1] === 0xff)
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * For `logsift extract FILE` (one file) of THREAD_FROM bytes or more while a
 * core is spare: its hash job, started now; otherwise none. The CLI checks its
 * arguments itself: this only looks for the one case worth starting early.
 */
export function startForArgv(argv: readonly string[]): HashJob[] {
  const [command, ...rest] = argv;
  if (command !== 'extract') return [];
  const files = rest.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0]!.startsWith('-')) return [];
  const size = statSync(files[0]!, { throwIfNoEntry: false });
  if (!size?.isFile() || size.size < THREAD_FROM || !coresSpare() || decoded(files[0]!)) return [];
  return [startHashJob(files[0]!)];
}
