import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { othersRunning, startForArgv, startHashJob, THREAD_FROM } from '#lib/extract/hasher';
import { extractBuffer } from '#lib/extract/index';
import { extractFile, FileChangedError } from '#lib/extract/read-file';

describe('hash jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hasher-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const log = Buffer.from(
    Array.from({ length: 30_000 }, (_, i) =>
      i % 700 === 3
        ? `10:00:${i % 60} ERROR pool: exhausted after ${i} waits`
        : `10:00:${i % 60} INFO served ${i}`,
    ).join('\n'),
  );

  it('hashes every byte of the file on its own thread', async () => {
    const path = join(dir, 'a.log');
    writeFileSync(path, log);
    const job = startHashJob(path);
    job.ref();
    expect(await job.result).toEqual({
      sha256: createHash('sha256').update(log).digest('hex'),
      bytes: log.length,
    });
  });

  it('is taken by extractFile for its file: the same result as reading it whole', async () => {
    const path = join(dir, 'b.log');
    writeFileSync(path, log);
    const x = await extractFile(path, { hashJob: startHashJob(path) });
    expect(x).toEqual(extractBuffer(log));
  });

  it('tells a file that changed between the two readers', async () => {
    const path = join(dir, 'c.log');
    writeFileSync(path, log);
    const job = startHashJob(path);
    job.ref();
    await job.result;
    writeFileSync(path, Buffer.concat([log, Buffer.from('\nmore\n')]));
    await expect(extractFile(path, { hashJob: job })).rejects.toBeInstanceOf(FileChangedError);
  });

  it('fails to whoever awaits it, and quietly when nobody does', async () => {
    const job = startHashJob(join(dir, 'missing.log'));
    job.ref();
    await expect(job.result).rejects.toThrow(/ENOENT/);
    startHashJob(join(dir, 'also-missing.log'));
    await new Promise((done) => setTimeout(done, 200));
  });

  it('is started early only for one file worth it of `extract`', () => {
    const small = join(dir, 'small.log');
    writeFileSync(small, log);
    expect(log.length).toBeLessThan(THREAD_FROM);
    expect(startForArgv(['extract', small])).toEqual([]);
    expect(startForArgv(['summarize', small])).toEqual([]);
    expect(startForArgv(['extract', join(dir, 'missing.log')])).toEqual([]);
    expect(startForArgv(['extract', dir])).toEqual([]);
    expect(startForArgv(['extract', small, small])).toEqual([]);
    expect(startForArgv([])).toEqual([]);
  });

  it('counts another busy process among the tasks running now', async () => {
    // Linux says through /proc; elsewhere the 1-minute load alone decides.
    if (process.platform !== 'linux') {
      expect(othersRunning()).toBeNull();
      return;
    }
    const quiet = othersRunning();
    expect(Number.isInteger(quiet) && quiet! >= 0).toBe(true);
    const busy = spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      // A task is counted while it runs or waits for a core: the spinning child always is.
      const seen = Array.from({ length: 20 }, () => othersRunning()!);
      expect(Math.max(...seen)).toBeGreaterThanOrEqual(1);
    } finally {
      busy.kill();
    }
  });
});
