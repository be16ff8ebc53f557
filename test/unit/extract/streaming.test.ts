import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Extractor, extractBuffer, extractStream } from '#lib/extract/index';

const FENCE = '='.repeat(78);
const SAMPLE = Buffer.from(
  [
    '2024-05-01 10:00:00 INFO start',
    'Jun 30 20:53:04 host app[1]: ERROR: Authentication failed for caf\u00e9 user=b\u00f6b',
    'Traceback (most recent call last):',
    '  File "/srv/a.py", line 3, in load',
    'KeyError: 7',
    FENCE,
    'CRASH REPORT: EXCEPTION_ACCESS_VIOLATION',
    '  Mod!Ns::Fn + 0x1f (fn.cpp:3)',
    FENCE,
    'java.lang.IllegalStateException: x',
    '\tat a.B.c(B.java:1)',
    'callstack follows',
    '  one',
    '',
    'WARNING: last words',
    'no newline at the end ERROR',
  ].join('\n'),
);

function inChunks(buf: Buffer, size: number) {
  const x = new Extractor();
  for (let i = 0; i < buf.length; i += size) x.push(buf.subarray(i, i + size));
  return x.finish();
}

describe('streaming', () => {
  it.each([1, 7, 4096])('gives the same result fed in chunks of %i bytes', (size) => {
    expect(inChunks(SAMPLE, size)).toEqual(extractBuffer(SAMPLE));
  });

  it('gives the same result from an async stream', async () => {
    const chunks = [SAMPLE.subarray(0, 100), SAMPLE.subarray(100, 333), SAMPLE.subarray(333)];
    expect(await extractStream(Readable.from(chunks))).toEqual(extractBuffer(SAMPLE));
  });

  it('reads CRLF logs exactly like LF logs, apart from the raw hash', () => {
    const crlf = Buffer.from(SAMPLE.toString('utf8').replace(/\n/g, '\r\n'));
    const a = extractBuffer(SAMPLE);
    const b = extractBuffer(crlf);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(b.extract).toBe(a.extract);
    expect(b.type).toBe(a.type);
    expect(b.sha256).not.toBe(a.sha256);
  });

  it('hashes the raw bytes exactly as received', () => {
    const x = inChunks(SAMPLE, 7);
    expect(x.sha256).toBe(createHash('sha256').update(SAMPLE).digest('hex'));
    expect(x.bytes).toBe(SAMPLE.length);
  });

  it('decodes the extract as UTF-8 even when a character is split across chunks', () => {
    expect(inChunks(SAMPLE, 1).extract).toContain('caf\u00e9');
  });

  it('refuses to be used after finish', () => {
    const x = new Extractor();
    x.finish();
    expect(() => x.push(Buffer.from('a'))).toThrow();
  });
});
