import { asUtf8, utf8Chunks, utf16Of } from '#lib/extract/text-encoding';

const BOM = '\ufeff';
const text = 'PS> .\\sync.ps1\r\nERROR: Get-Item : Cannot find path C:\\Ünïcode\\日本 🚀\r\n';

function be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

async function collect(chunks: Buffer[]): Promise<string> {
  async function* source() {
    yield* chunks;
  }
  const out: Buffer[] = [];
  for await (const c of utf8Chunks(source())) out.push(c);
  return Buffer.concat(out).toString('utf8');
}

describe('UTF-16 logs (their byte-order mark) read as UTF-8', () => {
  it('knows the marks, and leaves UTF-32LE and unmarked bytes alone', () => {
    expect(utf16Of(Buffer.from(BOM + text, 'utf16le'))).toBe('utf-16le');
    expect(utf16Of(be(BOM + text))).toBe('utf-16be');
    expect(utf16Of(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toBeNull();
    expect(utf16Of(Buffer.from(text, 'utf16le'))).toBeNull();
    expect(utf16Of(Buffer.from(text))).toBeNull();
  });

  it('transcodes a whole log without its mark, and keeps any other log byte for byte', () => {
    expect(asUtf8(Buffer.from(BOM + text, 'utf16le')).toString('utf8')).toBe(text);
    expect(asUtf8(be(BOM + text)).toString('utf8')).toBe(text);
    const other = Buffer.from([0x45, 0xff, 0x00, 0x0a]);
    expect(asUtf8(other)).toBe(other);
  });

  it('joins characters split between chunks at every position, a surrogate pair included', async () => {
    const bytes = Buffer.from(BOM + text, 'utf16le');
    for (let cut = 1; cut < bytes.length; cut++)
      expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(text);
    const odd = [...Array(Math.ceil(bytes.length / 3)).keys()].map((i) => bytes.subarray(i * 3, i * 3 + 3));
    expect(await collect(odd)).toBe(text);
  });

  it('passes unmarked chunks through untouched', async () => {
    expect(await collect([Buffer.from('ERROR a\n'), Buffer.from([0xff, 0xfe])])).toBe(
      Buffer.concat([Buffer.from('ERROR a\n'), Buffer.from([0xff, 0xfe])]).toString('utf8'),
    );
  });
});
