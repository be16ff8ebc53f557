/**
 * The extraction of a local file, for the CLI: the one piece of lib/extract
 * that does I/O.
 *
 * The next chunk is read (on the thread pool) while this one is scanned, into
 * buffers that are reused. The SHA-256 of the raw bytes costs about as much CPU
 * as the scan; for a large file, and when a core is idle, it runs on a worker
 * thread over the very chunks read here: each chunk is scanned, then moved
 * (transferred, not copied) to the hasher, which moves it back for reuse.
 * Otherwise the thread's start-up (some 30-60 ms of CPU) would cost more than
 * it saves. Chunks are plain ArrayBuffers, not a SharedArrayBuffer: V8 copies
 * out of shared memory element by element, which would slow the prefilter.
 */
import { open } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Extraction, type ExtractOptions, Extractor } from './index.ts';

const CHUNK = 1024 * 1024;
/** Chunks in flight at most (48 MB): enough that the scan never waits while the hasher thread starts up. */
const MAX_CHUNKS = 48;
/** Below this size the hasher thread's start-up costs more than the hashing it takes over. */
const THREAD_FROM = 32 * 1024 * 1024;

const HASHER = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hash = createHash('sha256');
parentPort.on('message', (m) => {
  if (m === null) {
    parentPort.postMessage(hash.digest('hex'));
    parentPort.close();
    return;
  }
  hash.update(new Uint8Array(m.buf, 0, m.n));
  parentPort.postMessage(m.buf, [m.buf]);
});
`;

export interface FileOptions extends ExtractOptions {
  /** Hash on a worker thread; default: for files of THREAD_FROM bytes or more while a core is idle. */
  hashThread?: boolean;
}

export async function extractFile(path: string, opts: FileOptions = {}): Promise<Extraction> {
  const { hashThread, ...extractOpts } = opts;
  const fh = await open(path, 'r');
  try {
    const spare = loadavg()[0]! < availableParallelism() - 0.5;
    const threaded = hashThread ?? (spare && (await fh.stat()).size >= THREAD_FROM);
    return await (threaded ? withHasher(fh, extractOpts) : inline(fh, extractOpts));
  } finally {
    await fh.close();
  }
}

type Handle = Awaited<ReturnType<typeof open>>;

async function inline(fh: Handle, opts: ExtractOptions): Promise<Extraction> {
  const x = new Extractor(opts);
  const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  let cur = 0;
  let reading = fh.read(bufs[0]!, 0, CHUNK, null);
  for (;;) {
    const { bytesRead } = await reading;
    if (bytesRead === 0) break;
    const buf = bufs[cur]!;
    cur ^= 1;
    reading = fh.read(bufs[cur]!, 0, CHUNK, null);
    x.push(buf.subarray(0, bytesRead));
  }
  return x.finish();
}

async function withHasher(fh: Handle, opts: ExtractOptions): Promise<Extraction> {
  const hasher = new Worker(HASHER, { eval: true });
  const free: ArrayBuffer[] = [];
  let made = 0;
  let returned: (() => void) | null = null;
  const sha256 = new Promise<string>((resolve, reject) => {
    hasher.on('message', (m: ArrayBuffer | string) => {
      if (typeof m === 'string') return resolve(m);
      free.push(m);
      returned?.();
    });
    hasher.once('error', reject);
    hasher.once('exit', (code) => reject(new Error(`hasher thread exited (${code})`)));
  });
  sha256.catch(() => {});
  const take = async (): Promise<ArrayBuffer> => {
    if (free.length === 0 && made < MAX_CHUNKS) {
      made++;
      return new ArrayBuffer(CHUNK);
    }
    while (free.length === 0) await new Promise<void>((r) => (returned = r));
    returned = null;
    return free.pop() as ArrayBuffer;
  };

  const x = new Extractor({ ...opts, hashRaw: false });
  try {
    let cur = await take();
    let reading = fh.read(new Uint8Array(cur), 0, CHUNK, null);
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      const next = await take();
      reading = fh.read(new Uint8Array(next), 0, CHUNK, null);
      x.push(Buffer.from(cur, 0, bytesRead));
      hasher.postMessage({ buf: cur, n: bytesRead }, [cur]);
      cur = next;
    }
  } catch (err) {
    await hasher.terminate();
    throw err;
  }
  hasher.postMessage(null);
  return { ...x.finish(), sha256: await sha256 };
}
