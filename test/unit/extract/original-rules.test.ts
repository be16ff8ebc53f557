import { createHash } from 'node:crypto';
import { extractBuffer } from '#lib/extract/index';
import { extract, inLog } from './helpers';

const FENCE = '='.repeat(78);

describe('original extraction rules', () => {
  it('answers null type and fingerprint for a log without failure lines', () => {
    const x = extract('all good\nstill fine\n');
    expect(x.type).toBeNull();
    expect(x.fingerprint).toBeNull();
    expect(x.extract).toBe('');
  });

  it('takes every line containing warning, error or callstack in any case', () => {
    const x = extract('a\nsome Warning here\nb\nan eRRoR there\nc\n');
    expect(x.extract).toBe('some Warning here\nan eRRoR there');
  });

  it('types a log with only warnings W, with an error E', () => {
    expect(extract('WARNING: disk 91% full\n').type).toBe('W');
    expect(extract('WARNING: disk 91% full\nERROR: disk full\n').type).toBe('E');
  });

  it('reads a callstack block up to the next blank line and types it C', () => {
    const x = extract('ok\nCallstack:\n  frame one\n  frame two\n\nafter\n');
    expect(x.type).toBe('C');
    expect(x.extract).toBe('Callstack:\n  frame one\n  frame two');
  });

  it('reads a block fenced by two lines of exactly 78 = as a call stack', () => {
    const x = extract(`ok\n${FENCE}\nCRASH REPORT: boom\n  Mod!Fn + 0x1 (fn.cpp:3)\n${FENCE}\nafter\n`);
    expect(x.type).toBe('C');
    expect(x.extract.split('\n')).toEqual([FENCE, 'CRASH REPORT: boom', '  Mod!Fn + 0x1 (fn.cpp:3)', FENCE]);
  });

  it('does not take a line of 77 or 79 = as a fence', () => {
    expect(extract(`${'='.repeat(77)}\nx\n${'='.repeat(79)}\n`).type).toBeNull();
  });

  it('keeps the sha256 and size of the raw bytes', () => {
    const raw = Buffer.from('x\r\nERROR y\r\n\u00e9\n');
    const x = extractBuffer(raw);
    expect(x.bytes).toBe(raw.length);
    expect(x.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
  });

  it('treats FATAL, CRITICAL and SEVERE levels as errors but not the prose word critical', () => {
    expect(extract(inLog('2024-05-01 10:00:01 FATAL [main] db: gone')).type).toBe('E');
    expect(extract(inLog('2024-05-01 10:00:01 CRITICAL cache: gone')).type).toBe('E');
    expect(extract(inLog('May 01 10:00:01 host SEVERE: lost')).type).toBe('E');
    expect(extract(inLog('INFO 0 critical input interrupts')).type).toBeNull();
  });

  it('keeps a warning that mentions an exception a warning', () => {
    expect(extract(inLog('2024-05-01 WARNING dfs.X: Got exception while serving blk_1')).type).toBe('W');
  });

  it('caps the extract at maxExtractBytes and says so', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `ERROR number ${i} ${'x'.repeat(50)}`).join('\n');
    const x = extractBuffer(Buffer.from(lines), { maxExtractBytes: 1000 });
    expect(x.extractTruncated).toBe(true);
    expect(Buffer.byteLength(x.extract)).toBeLessThanOrEqual(1000);
    expect(x.extract.startsWith('ERROR number 0 ')).toBe(true);
  });
});
