/**
 * Line scanning over raw byte chunks, in one pass.
 *
 * Contract: the scanner hands its sink only the lines that may matter — every
 * line while the sink says it is inside a block, otherwise only lines the
 * prefilter flags — as byte ranges of a Buffer, without the '\n'. Ordinary lines
 * are never decoded: the prefilter runs one regex (plus two literal searches)
 * over a latin1 view of the chunk (one byte per char, so string offsets are byte
 * offsets, and UTF-8 keywords are ASCII). A line split across chunks is reassembled; of a very long line only
 * the first LINE_KEEP bytes are kept (the rest is still searched for keywords),
 * so memory stays bounded whatever the input.
 */

/** Bytes of one line kept for analysis; the rest of a longer line is only searched. */
export const LINE_KEEP = 16 * 1024;
/** Longest prefilter match that can straddle two pieces of one long line. */
const OVERLAP = 32;

/**
 * Words a reader of logs looks for: the original three (any case), `exception`,
 * and level/crash words in the case logs print them (lower-case "critical" is
 * prose, "CRITICAL" a level). Spelled with character classes instead of the `i`
 * flag so that one case-sensitive regex covers both kinds in one pass.
 */
const WORDS_SOURCE =
  '[Ee][Rr][Rr][Oo][Rr]|[Ww][Aa][Rr][Nn]|[Cc][Aa][Ll][Ll][Ss][Tt][Aa][Cc][Kk]|[Ee][Xx][Cc][Ee][Pp][Tt][Ii][Oo][Nn]' +
  '|Traceback|[Ff]atal|FATAL|CRIT|SEVERE|EMERG|PANIC|panic|[Ss]egmentation fault|SIG(?:SEGV|ABRT|BUS|FPE|ILL)' +
  '|\\[(?:crit|critical|severe|emerg)\\]';
const WORDS = new RegExp(WORDS_SOURCE);
const WORDS_G = new RegExp(WORDS_SOURCE, 'g');
/** The original fenced-stack delimiter: a line of exactly 78 '='. */
const FENCE = '='.repeat(78);
/** First frame of a debugger backtrace, which may come with no head line. */
const FRAME_ZERO = /^\s*(?:\* )?(?:frame )?#0[: ]/;
/**
 * Lines are converted to strings in windows of about this size: V8 allocates
 * small strings in the young generation, several times faster than big ones.
 */
const WINDOW = 64 * 1024;

export interface LineSink {
  /** True while the sink needs every line (inside a block), not only flagged ones. */
  wantsEveryLine(): boolean;
  /** One line: buf[start, end) without its '\n'; `truncated` when longer than LINE_KEEP. */
  line(buf: Buffer, start: number, end: number, flagged: boolean, truncated: boolean): void;
}

export function isFlagged(text: string): boolean {
  return WORDS.test(text) || FRAME_ZERO.test(text) || text.replace(/\r$/, '') === FENCE;
}

export class LineScanner {
  private head: Buffer[] = [];
  private headLen = 0;
  private open = false;
  private overflow = false;
  private overflowHit = false;
  private tail = '';

  constructor(private readonly sink: LineSink) {}

  push(chunk: Buffer): void {
    let pos = 0;
    if (this.open) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.absorb(chunk, 0, chunk.length);
        return;
      }
      this.absorb(chunk, 0, nl);
      this.flushOpen();
      pos = nl + 1;
    }
    const lastNl = chunk.lastIndexOf(10);
    if (lastNl >= pos) {
      this.scanLines(chunk, pos, lastNl + 1);
      pos = lastNl + 1;
    }
    if (pos < chunk.length) this.absorb(chunk, pos, chunk.length);
  }

  finish(): void {
    if (this.open) this.flushOpen();
  }

  /** buf[from, to) holds complete lines, each ending in '\n'. */
  private scanLines(buf: Buffer, from: number, to: number): void {
    let w = from;
    while (w < to) {
      let we = to;
      if (to - w > WINDOW) {
        const nl = buf.lastIndexOf(10, w + WINDOW);
        we = nl >= w ? nl + 1 : buf.indexOf(10, w + WINDOW) + 1;
      }
      this.scanWindow(buf, w, we);
      w = we;
    }
  }

  private scanWindow(buf: Buffer, from: number, to: number): void {
    const text = buf.toString('latin1', from, to);
    let p = 0;
    let word = -1;
    let fence = -1;
    let frame = -1;
    while (p < text.length) {
      if (this.sink.wantsEveryLine()) {
        const e = text.indexOf('\n', p);
        this.deliver(buf, from + p, from + e, text, p, e);
        p = e + 1;
        continue;
      }
      if (word !== Infinity && word < p) {
        WORDS_G.lastIndex = p;
        const m = WORDS_G.exec(text);
        word = m === null ? Infinity : m.index;
      }
      if (fence !== Infinity && fence < p) fence = indexOrInfinity(text, FENCE, p);
      if (frame !== Infinity && frame < p) frame = indexOrInfinity(text, '#0', p);
      const hit = Math.min(word, fence, frame);
      if (hit === Infinity) return;
      const s = text.lastIndexOf('\n', hit) + 1;
      const e = text.indexOf('\n', hit);
      this.deliver(buf, from + s, from + e, text, s, e);
      p = e + 1;
    }
  }

  private deliver(buf: Buffer, start: number, end: number, text: string, ts: number, te: number): void {
    const line = text.slice(ts, te);
    const flagged = isFlagged(line);
    if (!flagged && !this.sink.wantsEveryLine()) return;
    const truncated = te - ts > LINE_KEEP;
    this.sink.line(buf, start, truncated ? start + LINE_KEEP : end, flagged, truncated);
  }

  private absorb(buf: Buffer, start: number, end: number): void {
    this.open = true;
    if (end <= start) return;
    let s = start;
    if (this.headLen < LINE_KEEP) {
      const take = Math.min(end - s, LINE_KEEP - this.headLen);
      this.head.push(Buffer.from(buf.subarray(s, s + take)));
      this.headLen += take;
      s += take;
    }
    if (s < end) {
      this.overflow = true;
      if (!this.overflowHit) {
        const piece = this.tail + buf.toString('latin1', s, end);
        if (WORDS.test(piece)) this.overflowHit = true;
      }
    }
    this.tail = (this.tail + buf.toString('latin1', Math.max(start, end - OVERLAP), end)).slice(-OVERLAP);
  }

  private flushOpen(): void {
    const line = this.head.length === 1 ? (this.head[0] as Buffer) : Buffer.concat(this.head, this.headLen);
    const flagged = this.overflowHit || isFlagged(line.toString('latin1', 0, line.length));
    const truncated = this.overflow;
    this.head = [];
    this.headLen = 0;
    this.open = false;
    this.overflow = false;
    this.overflowHit = false;
    this.tail = '';
    if (flagged || this.sink.wantsEveryLine()) this.sink.line(line, 0, line.length, flagged, truncated);
  }
}

function indexOrInfinity(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 ? Infinity : i;
}
