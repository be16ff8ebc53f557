import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Extractor, extractBuffer } from '#lib/extract/index';
import { extractFile } from '#lib/extract/read-file';
import { MAX_ENTRIES } from '#lib/extract/signature';

const services = ['billing', 'orders', 'search', 'auth', 'mailer', 'ledger', 'catalog', 'gateway'];
const faults = ['refused', 'reset', 'timed out', 'closed', 'denied', 'rejected', 'dropped', 'stalled'];
const phases = ['open', 'read', 'write', 'flush', 'sync', 'close'];

/**
 * A log whose document result is settled early: a stack first (a crash), then
 * more distinct failures than a signature holds (words, not numbers, tell them
 * apart, so masking keeps them distinct), then megabytes of lines that could
 * only change the result if they were read wrongly.
 */
function manyFailures(): Buffer {
  const lines = [
    '2024-05-01 10:00:00,001 INFO  [main] app.Server: starting',
    '2024-05-01 10:00:00,002 ERROR [main] app.Server: request failed',
    'java.lang.IllegalStateException: pool exhausted',
    '\tat app.db.Pool.acquire(Pool.java:118)',
    '\tat app.Server.handle(Server.java:52)',
    '',
  ];
  for (const s of services)
    for (const f of faults)
      for (const p of phases) {
        lines.push(
          `2024-05-01 10:00:01,000 ERROR [w-1] ${s}.Client: ${p} ${f} by upstream while the pool drained`,
        );
        lines.push(`2024-05-01 10:00:01,001 INFO  [w-1] ${s}.Client: retry scheduled`);
      }
  expect(services.length * faults.length * phases.length).toBeGreaterThan(MAX_ENTRIES);
  for (let i = 0; i < 40_000; i++) {
    lines.push(
      `2024-05-01 10:00:02,${i % 1000} INFO  [w-${i % 7}] café served item ${i * 7919} in ${i % 97}ms`,
    );
    if (i % 1000 === 500) lines.push(`2024-05-01 10:00:03,000 WARNING [w-2] late.Job: run ${i} skipped`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** The same log read to its end: an entry sink keeps every line read (a stream counts each entry). */
function readToTheEnd(data: Buffer) {
  const x = new Extractor({ onEntry: () => {} });
  for (let at = 0; at < data.length; at += 50_000) x.push(data.subarray(at, at + 50_000));
  return x.finish();
}

describe('a settled extraction', () => {
  const dir = mkdtempSync(join(tmpdir(), 'settled-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('settles once the signature is full, the extract cut and a stack seen, and gives what reading every line gives', () => {
    const data = manyFailures();
    const x = new Extractor();
    let settledAt = -1;
    for (let at = 0; at < data.length; at += 50_000) {
      x.push(data.subarray(at, at + 50_000));
      if (settledAt < 0 && x.isSettled) settledAt = at;
    }
    expect(settledAt).toBeGreaterThan(0);
    expect(settledAt).toBeLessThan(data.length / 4);
    const settled = x.finish();
    expect(settled).toEqual(readToTheEnd(data));
    expect(settled.type).toBe('C');
    expect(settled.extractTruncated).toBe(true);
    expect(settled.bytes).toBe(data.length);
    expect(settled.sha256).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('does not settle while a failure could still raise the type (no stack yet), nor with an entry sink', () => {
    const data = manyFailures();
    const noStack = Buffer.from(
      data
        .toString('utf8')
        .replace('java.lang.IllegalStateException', 'pool exhausted')
        .replace(/\tat .*\n/g, ''),
    );
    const x = new Extractor();
    x.push(noStack);
    expect(x.isSettled).toBe(false);
    expect(x.finish().type).toBe('E');
    const counted = new Extractor({ onEntry: () => {} });
    counted.push(data);
    expect(counted.isSettled).toBe(false);
  });

  it.each([true, false])(
    'reads a file to the same result, its hash and size from every byte (hasher thread: %s)',
    async (hashThread) => {
      const data = manyFailures();
      const path = join(dir, `many-${hashThread}.log`);
      writeFileSync(path, data);
      const x = await extractFile(path, { hashThread });
      expect(x).toEqual(extractBuffer(data));
      expect(x.bytes).toBe(data.length);
      expect(x.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    },
  );
});
