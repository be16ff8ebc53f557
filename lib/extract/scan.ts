/**
 * Line scanning over raw byte chunks, in one pass.
 *
 * Contract: the scanner hands its sink only the lines that may matter — every
 * line while the sink says it is inside a block, otherwise only lines the
 * prefilter flags — as byte ranges of a Buffer, without the '\n'. Ordinary lines
 * are never decoded: the prefilter runs one case-insensitive regex over a
 * latin1 view of the chunk (one byte per char, so string offsets are byte
 * offsets). A line split across chunks is reassembled; of a very long line only
 * the first LINE_KEEP bytes are kept (the rest is still searched for keywords),
 * so memory stays bounded whatever the input.
 */

/** Bytes of one line kept for analysis; the rest of a longer line is only searched. */
export const LINE_KEEP = 16 * 1024;
/** Longest prefilter match that can straddle two pieces of one long line. */
const OVERLAP = 16;

/**
 * Words a reader of logs looks for. Kept in one regex so V8 scans each chunk
 * once; the sink classifies the flagged lines precisely.
 */
const CANDIDATE = /error|warn|callstack|exception|fatal|critical|severe|panic|traceback|^(?:={78}\r?$|#0 )/im;
const CANDIDATE_G = new RegExp(CANDIDATE.source, 'gim');

export interface LineSink {
  /** True while the sink needs every line (inside a block), not only flagged ones. */
  wantsEveryLine(): boolean;
  /** One line: buf[start, end) without its '\n'; `truncated` when longer than LINE_KEEP. */
  line(buf: Buffer, start: number, end: number, flagged: boolean, truncated: boolean): void;
}

export function isFlagged(text: string): boolean {
  return CANDIDATE.test(text);
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
    const text = buf.toString('latin1', from, to);
    let p = 0;
    while (p < text.length) {
      if (this.sink.wantsEveryLine()) {
        const e = text.indexOf('\n', p);
        this.deliver(buf, from + p, from + e, text, p, e);
        p = e + 1;
        continue;
      }
      CANDIDATE_G.lastIndex = p;
      const m = CANDIDATE_G.exec(text);
      if (m === null) return;
      const s = text.lastIndexOf('\n', m.index) + 1;
      const e = text.indexOf('\n', m.index);
      this.deliver(buf, from + s, from + e, text, s, e);
      p = e + 1;
    }
  }

  private deliver(buf: Buffer, start: number, end: number, text: string, ts: number, te: number): void {
    let truncated = false;
    let flaggedText = text;
    if (te - ts > LINE_KEEP) {
      // Flag on the whole line, keep only its head.
      flaggedText = text.slice(ts, te);
      end = start + LINE_KEEP;
      truncated = true;
    } else {
      flaggedText = text.slice(ts, te);
    }
    this.sink.line(buf, start, end, CANDIDATE.test(flaggedText), truncated);
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
        if (CANDIDATE.test(piece)) this.overflowHit = true;
      }
    }
    this.tail = (this.tail + buf.toString('latin1', Math.max(start, end - OVERLAP), end)).slice(-OVERLAP);
  }

  private flushOpen(): void {
    const line = this.head.length === 1 ? (this.head[0] as Buffer) : Buffer.concat(this.head, this.headLen);
    const flagged = this.overflowHit || CANDIDATE.test(line.toString('latin1', 0, line.length));
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
