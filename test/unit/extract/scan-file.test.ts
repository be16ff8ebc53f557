import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractBuffer } from '#lib/extract/index';
import { extractFile } from '#lib/extract/read-file';

/** A log of a few MB: chunks of the reader end inside lines, a stack and a long line. */
function bigLog(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < 60_000; i++) {
    if (i % 5000 === 17) {
      lines.push(`2024-05-01 10:00:${i % 60} ERROR [w-${i}] db.Pool: connection refused`);
      lines.push('java.lang.IllegalStateException: pool exhausted', '\tat a.b.Pool.get(Pool.java:12)', '');
    } else if (i === 31_000) lines.push(`${'k'.repeat(40_000)} WARNING far out`);
    else lines.push(`2024-05-01 10:00:${i % 60} INFO  [w-${i}] café served item ${i * 7919} in ${i % 97}ms`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('extractFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, data: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return path;
  };

  it.each([true, false])(
    'gives what extractBuffer gives, the raw hash included (hasher thread: %s)',
    async (hashThread) => {
      const data = bigLog();
      expect(data.length).toBeGreaterThan(4 * 1024 * 1024);
      const x = await extractFile(write(`big-${hashThread}.log`, data), { hashThread });
      expect(x).toEqual(extractBuffer(data));
      expect(x.sha256).toBe(createHash('sha256').update(data).digest('hex'));
      expect(x.type).toBe('C');
    },
  );

  it('reads lines longer than its buffer, and a last line without a newline', async () => {
    const data = Buffer.from(
      `INFO a\n${'v'.repeat(200_000)} stack trace ${'w'.repeat(150_000)}\nINFO b\n${'x'.repeat(300_000)}\nlast ERROR`,
    );
    expect(await extractFile(write('long.log', data), { hashThread: false })).toEqual(extractBuffer(data));
  });

  it.each([true, false])('reads an empty file (hasher thread: %s)', async (hashThread) => {
    const x = await extractFile(write(`empty-${hashThread}.log`, Buffer.alloc(0)), { hashThread });
    expect(x).toEqual(extractBuffer(Buffer.alloc(0)));
  });
});
