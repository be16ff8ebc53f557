import { Extractor, extractBuffer } from '#lib/extract/index';

describe('hostile input', () => {
  it('handles a 1 MB line with a keyword at its end, keeping only its head', () => {
    const line = Buffer.concat([Buffer.alloc(1024 * 1024, 'a'), Buffer.from(' ERROR\n')]);
    const x = extractBuffer(line);
    expect(x.type).toBe('E');
    expect(x.extract.length).toBeLessThanOrEqual(32 * 1024);
    expect(x.signature.length).toBeLessThan(4096);
  });

  it('finds a keyword split across chunks of a long line', () => {
    const x = new Extractor();
    x.push(Buffer.alloc(100_000, 'b'));
    x.push(Buffer.from('b ERR'));
    x.push(Buffer.from('OR c\n'));
    expect(x.finish().type).toBe('E');
  });

  it('handles a line of 100k nested brackets', () => {
    const line = `ERROR ${'['.repeat(100_000)}${']'.repeat(100_000)} (${'('.repeat(50_000)}\n`;
    const x = extractBuffer(Buffer.from(line));
    expect(x.type).toBe('E');
  });

  it('handles 10^6 short lines, most of them failures, with a bounded signature', () => {
    const lines: string[] = [];
    for (let i = 0; i < 1_000_000; i++) lines.push(i % 2 ? `ERROR e${i % 5000}x` : 'ok');
    const x = extractBuffer(Buffer.from(lines.join('\n')));
    expect(x.type).toBe('E');
    expect(x.signature.split('\n').length).toBeLessThanOrEqual(256);
    expect(x.extractTruncated).toBe(true);
  });

  it('handles an unterminated callstack block of many lines', () => {
    const x = extractBuffer(Buffer.from(`callstack\n${'  at f (a.js:1:1)\n'.repeat(100_000)}`));
    expect(x.type).toBe('C');
    expect(x.signature.split('\n').length).toBeLessThan(100);
  });

  it('handles NUL bytes and invalid UTF-8', () => {
    const buf = Buffer.concat([
      Buffer.from('a\0b\nERROR \0 bad '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]),
      Buffer.from('\nend\n'),
    ]);
    const x = extractBuffer(buf);
    expect(x.type).toBe('E');
    expect(x.extract.startsWith('ERROR \0 bad ')).toBe(true);
    expect(x.bytes).toBe(buf.length);
  });

  it('handles empty input', () => {
    const x = extractBuffer(new Uint8Array(0));
    expect(x.type).toBeNull();
    expect(x.bytes).toBe(0);
  });
});
