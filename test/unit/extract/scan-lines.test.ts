import { Extractor, extractBuffer } from '#lib/extract/index';
import { BLOCK } from '#lib/extract/prefilter';
import { KEYWORDS, LINE_KEEP, LineScanner, type LineSink, Matcher } from '#lib/extract/scan';

/** Words other engineers mean to add; a matcher must stay exact with them. */
const MORE = [...KEYWORDS, 'fail', 'denied', 'killed', 'refused', 'timed out', 'oom-kill'];
/** klog's `E0501 ` and `F0501 ` at the start of a line. */
const D = '0123456789';
const KLOG = ['EF', D, D, D, D, ' '];

function naiveFirst(keywords: readonly string[], buf: Buffer, from: number, to: number): number {
  const text = buf.toString('latin1', from, to).replace(/[A-Z]/g, (c) => c.toLowerCase());
  let best = -1;
  for (const kw of keywords) {
    const i = text.indexOf(kw);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best < 0 ? -1 : from + best;
}

interface Seen {
  text: string;
  /** null where the contract leaves it open: a line of a block, whole, need not have been searched. */
  flagged: boolean | null;
  truncated: boolean;
}

const BEGIN = 'warn BEGIN';
const END = 'END';

/** Records what it is handed; wants every line after a line BEGIN until a line END. */
class Recorder implements LineSink {
  readonly seen: Seen[] = [];
  private inside = false;
  wantsEveryLine(): boolean {
    return this.inside;
  }
  line(buf: Buffer, start: number, end: number, flagged: boolean, truncated: boolean): void {
    const text = buf.toString('latin1', start, end);
    this.seen.push({ text, flagged: this.inside && !truncated ? null : flagged, truncated });
    if (text === BEGIN) this.inside = true;
    if (text === END) this.inside = false;
  }
}

/** What the scanner must deliver, from the contract alone. */
function expected(m: { keywords: readonly string[]; shapes: readonly string[][] }, log: string): Seen[] {
  const out: Seen[] = [];
  let inside = false;
  const lines = log.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const lower = line.toLowerCase();
    const flagged =
      m.keywords.some((kw) => lower.includes(kw)) ||
      m.shapes.some((shape) => shape.every((set, k) => k < line.length && set.includes(line[k]!)));
    if (!flagged && !inside) continue;
    const truncated = line.length > LINE_KEEP;
    out.push({ text: line.slice(0, LINE_KEEP), flagged: inside && !truncated ? null : flagged, truncated });
    if (line === BEGIN) inside = true;
    if (line === END) inside = false;
  }
  return out;
}

function scan(matcher: Matcher, log: Buffer, cuts: number[]): Seen[] {
  const sink = new Recorder();
  const s = new LineScanner(sink, matcher);
  let at = 0;
  for (const c of [...cuts, log.length]) {
    s.push(log.subarray(at, c));
    at = c;
  }
  s.finish();
  return sink.seen;
}

function prng(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

const WORDS = [
  'info',
  'ok',
  'fa',
  'il',
  'E0501 ',
  'F12',
  'Denied',
  'KILLED',
  'trace_id',
  'caller',
  'warn',
  'err',
  'or',
  ' ',
];
function randomLog(r: (n: number) => number, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (r(30) === 0) out.push(r(2) ? BEGIN : END);
    else if (r(60) === 0) out.push('x'.repeat(LINE_KEEP - 5 + r(10)) + (r(2) ? 'fail' : 'ok'));
    else
      out.push(
        Array.from({ length: r(8) }, () => WORDS[r(WORDS.length)]).join('') + (r(5) === 0 ? '\r' : ''),
      );
  }
  return `${out.join('\n')}${r(2) ? '\n' : ''}`;
}

describe('line scanner', () => {
  const more = new Matcher(MORE, [KLOG]);
  const spec = { keywords: MORE, shapes: [KLOG] };

  it('finds the first of a longer keyword list exactly where a naive search does, across blocks', () => {
    const buf = Buffer.alloc(3 * BLOCK, 'a');
    for (const kw of MORE) {
      for (const at of [0, BLOCK - kw.length, BLOCK - 2, BLOCK + 1, 3 * BLOCK - kw.length]) {
        buf.fill('a');
        // Keywords fold ASCII letters only (a keyword's UTF-8 bytes, jest's `● `, are matched as they are).
        buf.write(
          kw.replace(/[a-z]/g, (c) => c.toUpperCase()),
          at,
          'latin1',
        );
        expect([kw, at, more.findKeyword(buf, 0, buf.length)]).toEqual([
          kw,
          at,
          naiveFirst(MORE, buf, 0, buf.length),
        ]);
      }
    }
  });

  it('reports the earliest keyword even when a later one has its fingerprint first', () => {
    // 'exception' is found by its inner bytes; 'error' right after it starts later but is found earlier.
    const buf = Buffer.from('.. exception error ..');
    expect(more.findKeyword(buf, 0, buf.length)).toBe(3);
    expect(more.findKeyword(buf, 4, buf.length)).toBe(13);
  });

  it('delivers exactly the lines with a keyword or a shape, however the bytes are chunked', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = prng(seed);
      const log = randomLog(r, 50 + r(200));
      const buf = Buffer.from(log, 'latin1');
      const cuts = [...new Set(Array.from({ length: r(12) }, () => r(buf.length)))].sort((a, b) => a - b);
      expect([seed, scan(more, buf, cuts)]).toEqual([seed, expected(spec, log)]);
    }
  });

  it('flags a shape on the first line, after a keyword line and after a block, not in mid-line', () => {
    const log = `E0501 first\nwarn here\nF0501 after keyword\n${BEGIN}\n${END}\nE1234 after block\nmid E0501 no\n`;
    const buf = Buffer.from(log);
    for (let cut = 0; cut <= buf.length; cut++) {
      const seen = scan(more, buf, cut === 0 ? [] : [cut]).map((s) => s.text);
      expect([cut, seen]).toEqual([
        cut,
        ['E0501 first', 'warn here', 'F0501 after keyword', BEGIN, END, 'E1234 after block'],
      ]);
    }
  });

  it('finds a keyword split across every chunk boundary, in CRLF lines too', () => {
    const buf = Buffer.from('ok\r\nsome Refused thing\r\nok\r\n');
    for (let cut = 1; cut < buf.length; cut++) {
      expect([cut, scan(more, buf, [cut])]).toEqual([
        cut,
        [{ text: 'some Refused thing\r', flagged: true, truncated: false }],
      ]);
    }
  });

  it('flags a long line by a keyword past the kept bytes, wherever the chunks split it', () => {
    const head = 'y'.repeat(LINE_KEEP - 4);
    const buf = Buffer.from(`ok\n${head}timed out${'z'.repeat(300)}\nok\n`);
    const kwAt = 3 + head.length;
    for (let cut = kwAt - 12; cut < kwAt + 12; cut++) {
      for (const second of [cut + 1, cut + 5, cut + 50]) {
        const seen = scan(more, buf, [cut, second]);
        expect([cut, second, seen.map((s) => [s.text.length, s.flagged, s.truncated])]).toEqual([
          cut,
          second,
          [[LINE_KEEP, true, true]],
        ]);
      }
    }
  });

  it('gives the extractor the same result for a long line cut anywhere near its keyword', () => {
    const log = Buffer.from(
      `INFO start\n${'p'.repeat(LINE_KEEP - 3)}callstack${'q'.repeat(100)}\nINFO end\n`,
    );
    const whole = extractBuffer(log);
    expect(whole.type).not.toBeNull();
    const kwAt = 11 + LINE_KEEP - 3;
    for (let cut = kwAt - 10; cut < kwAt + 12; cut++) {
      const x = new Extractor();
      x.push(log.subarray(0, cut));
      x.push(log.subarray(cut, cut + 7));
      x.push(log.subarray(cut + 7));
      expect([cut, x.finish()]).toEqual([cut, whole]);
    }
  });
});
