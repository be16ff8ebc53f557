/**
 * The extraction of a local file, for the CLI: the one piece of lib/extract
 * that does I/O.
 *
 * The SHA-256 of the raw bytes costs about as much CPU as the scan, so it runs
 * on a worker thread over the very chunks read here: each chunk is scanned,
 * then moved (transferred, not copied) to the hasher, which moves it back for
 * reuse. The next chunk is read (on the thread pool) while this one is scanned.
 * Chunks are plain ArrayBuffers, not a SharedArrayBuffer: V8 copies out of
 * shared memory element by element, which would slow the prefilter's copy.
 */
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { type Extraction, type ExtractOptions, Extractor } from './index.ts';

const CHUNK = 1024 * 1024;
/** Chunks in flight at most (48 MB): enough that the scan never waits while the hasher thread starts up. */
const MAX_CHUNKS = 48;

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

export async function extractFile(path: string, opts: ExtractOptions = {}): Promise<Extraction> {
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
  const fh = await open(path, 'r');
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
  } finally {
    await fh.close();
  }
  hasher.postMessage(null);
  return { ...x.finish(), sha256: await sha256 };
}
