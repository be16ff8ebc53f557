/**
 * A log that is one JSON document rather than a record a line: an array of
 * records (what a log viewer, `aws logs` or a script exports:
 * `[{"level":"error",…},{…}]`, one record a line or all on one), or records
 * pretty-printed over several lines each (`JSON.stringify(record, null, 2)`,
 * a JSON formatter with indenting on). Read line by line, such a log is
 * lines like `"level": "error",` — one for every failure of every record,
 * whatever it said. So the extractor hands the scanner each record re-lined:
 * one compact line a record, as NDJSON is, and every record rule applies.
 *
 * Contract: a stream transform of the bytes the scanner reads (the hash and
 * the archive keep the bytes as received); linear, bounded memory (a record
 * is kept up to RECORD_KEEP bytes); any chunking gives the same lines. Where
 * the log is not such a document — its first value is not an object or an
 * array of objects, its first record is a single line (NDJSON), the first
 * record does not parse, or no record ends in the first SNIFF_LIMIT bytes —
 * the bytes pass through untouched; where a document breaks off later, the
 * rest passes through as text.
 */

/** Bytes of one record kept (a longer one is cut; the scanner keeps less of a line anyway). */
export const RECORD_KEEP = 2 * 1024 * 1024 + 1;
/** Bytes held before the first record ends; past them the log is read as text. */
export const SNIFF_LIMIT = 1024 * 1024;

enum Mode {
  Sniff,
  Json,
  Text,
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const ESCAPED_NEWLINE = Buffer.from('\\n');
/** Lines whose places rawOffset keeps (see the constructor). */
const PLACES_KEPT = 1 << 16;

/**
 * Envelopes of log events, whose events are the log: CloudWatch Logs'
 * subscription payload (`{"messageType":"DATA_MESSAGE",…,"logEvents":[…]}`, as
 * a subscription's Lambda, Firehose or a script saves it) and the answer of
 * `aws logs filter-log-events` / `get-log-events` (`{"events":[…],…}`, its first key).
 */
function isEnvelopeKey(key: string, index: number): boolean {
  return key === 'logEvents' || (key === 'events' && index === 0);
}

/** n bytes of src from `from` to dst at `at`: a loop for the short runs most are (Buffer.copy costs more to call). */
function copyBytes(src: Buffer, from: number, n: number, dst: Buffer, at: number): void {
  if (n >= 64) src.copy(dst, at, from, from + n);
  else for (let k = 0; k < n; k++) dst[at + k] = src[from + k]!;
}

const isSpace = (c: number): boolean => c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;

export class JsonDocument {
  private mode = Mode.Sniff;
  /** Sniffing: copies of the bytes seen so far, passed on as they are if the log is text. */
  private held: Buffer[] = [];
  private heldLen = 0;
  private seenValue = false;
  /** A '\n' came before the first record ended: the records are pretty-printed. */
  private multiLine = false;

  private depth = 0;
  private topIsArray = false;
  private inString = false;
  private escaped = false;
  private inRecord = false;
  private recordDepth = 0;
  /** The record being read, its whitespace left out (grown as needed, up to RECORD_KEEP). */
  private record = Buffer.allocUnsafe(4096);
  private recordLen = 0;
  /** Records re-lined during one push, handed on together (reused: the scanner copies what it holds). */
  private lines = Buffer.allocUnsafe(64 * 1024);
  private linesLen = 0;
  /** Bytes taken in before the chunk being scanned, and handed on so far. */
  private rawAt = 0;
  private outAt = 0;
  private recordRaw = 0;
  /**
   * Where the lines handed on start, and where what they hold started in the
   * bytes taken in: a record's line and its opening brace, text after a break
   * and where it broke (rawOffset).
   */
  private readonly starts: number[] = [];
  private readonly raws: number[] = [];
  /**
   * An envelope of log events (ENVELOPES): while a top-level object is read,
   * its keys are watched; one naming its array of events makes that array's
   * objects the records, and the rest of the object is skipped.
   */
  private keyIndex = 0;
  private expectKey = false;
  private readingKey = false;
  private keyDone = false;
  private key = '';
  private valueOf: string | null = null;
  private envelope = false;
  private inEvents = false;

  /**
   * `placed`: keep where each line came from, for rawOffset (a caller that
   * reports places: the CLI's summarize, streams). The last PLACES_KEPT lines
   * are kept; an offset before them is placed by the oldest kept.
   */
  constructor(
    private readonly out: (bytes: Buffer) => void,
    private readonly placed = false,
  ) {}

  /** True once the log reads as a JSON document (its records go out re-lined). */
  get isDocument(): boolean {
    return this.mode === Mode.Json;
  }

  push(chunk: Buffer): void {
    if (this.mode === Mode.Text) {
      this.out(chunk);
      return;
    }
    if (this.mode === Mode.Sniff) {
      // The caller may reuse its buffer: what is held is copied.
      this.held.push(Buffer.from(chunk));
      this.heldLen += chunk.length;
    }
    this.scan(chunk);
    if (this.mode === Mode.Sniff && this.heldLen > SNIFF_LIMIT) this.toText(null, 0);
    this.flush();
    this.rawAt += chunk.length;
  }

  /**
   * Where the byte handed on at `at` came from in the bytes taken in: so a
   * failure's place (the CLI's line numbers) is the document's, not its
   * re-lined copy's. A log that is not a document is handed on as it is.
   */
  rawOffset(at: number): number {
    const { starts, raws } = this;
    if (starts.length === 0) return at;
    if (at < starts[0]!) return Math.max(0, raws[0]! - (starts[0]! - at));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return raws[lo]! + (at - starts[lo]!);
  }

  finish(): void {
    if (this.mode === Mode.Sniff) this.toText(null, 0);
    // A record still open at the end is what there is of it: the scanner reads it as a line.
    else if (this.mode === Mode.Json && this.inRecord && this.recordLen > 0) this.emitRecord();
    this.flush();
  }

  private flush(): void {
    if (this.linesLen === 0) return;
    const n = this.linesLen;
    this.outAt += n;
    this.linesLen = 0;
    this.out(this.lines.subarray(0, n));
  }

  /** From here on the log is text: what was held (sniffing), or the rest of `chunk` from `from`. */
  private toText(chunk: Buffer | null, from: number): void {
    const wasSniffing = this.mode === Mode.Sniff;
    this.mode = Mode.Text;
    if (wasSniffing) {
      const held = this.held;
      this.held = [];
      this.recordLen = 0;
      for (const b of held) this.out(b);
      return;
    }
    if (this.inRecord && this.recordLen > 0) this.emitRecord();
    this.flush();
    this.place(this.outAt, this.rawAt + from);
    if (chunk !== null && from < chunk.length) {
      this.outAt += chunk.length - from;
      this.out(chunk.subarray(from));
    }
  }

  private scan(buf: Buffer): void {
    // Where the record's bytes not yet kept start; a record going on from the last chunk goes on here.
    let run = this.inRecord ? 0 : -1;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.readingKey) {
            this.readingKey = false;
            this.keyDone = true;
          }
        } else if (this.readingKey) {
          if (this.key.length < 16) this.key += String.fromCharCode(c);
        } else if (c === NEWLINE && this.inRecord) {
          // Not JSON, but a line break must not end the record's line.
          if (run >= 0) this.keep(buf, run, i);
          this.keep(ESCAPED_NEWLINE, 0, ESCAPED_NEWLINE.length);
          run = i + 1;
          if (this.recordLen >= RECORD_KEEP) {
            this.tooLong(buf, i + 1);
            return;
          }
        }
        continue;
      }
      if (isSpace(c)) {
        if (c === NEWLINE && this.mode === Mode.Sniff && this.seenValue) this.multiLine = true;
        if (this.inRecord && run >= 0) {
          this.keep(buf, run, i);
          run = -1;
          if (this.recordLen >= RECORD_KEEP) {
            this.tooLong(buf, i);
            return;
          }
        }
        continue;
      }
      if (!this.inRecord) {
        // A UTF-8 byte order mark before the document.
        if (this.mode === Mode.Sniff && !this.seenValue && (c === 0xef || c === 0xbb || c === 0xbf)) continue;
        if (this.envelope && !this.inEvents) {
          this.skipEnvelope(c);
          continue;
        }
        if (!this.between(c)) {
          this.toText(this.mode === Mode.Sniff ? null : buf, i);
          return;
        }
        if (this.inRecord) {
          run = i;
          this.recordRaw = this.rawAt + i;
        }
        continue;
      }
      if (run < 0) run = i;
      if (this.recordDepth === 0 && this.depth === 1 && !this.topIsArray && this.watchKey(c)) {
        // An envelope's array of events opens: what was kept of the envelope goes.
        this.recordLen = 0;
        this.inRecord = false;
        this.envelope = true;
        this.inEvents = true;
        this.depth = 2;
        run = -1;
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === this.recordDepth) {
          this.keep(buf, run, i + 1);
          run = -1;
          if (!this.endRecord()) return;
        }
      }
    }
    if (this.inRecord && run >= 0) this.keep(buf, run, buf.length);
    if (this.recordLen >= RECORD_KEEP) this.tooLong(buf, buf.length);
  }

  /**
   * A byte at the first level of a top-level object: follows its keys; true
   * when it opens the array of events of an envelope (ENVELOPES).
   */
  private watchKey(c: number): boolean {
    if (c === QUOTE) {
      // A key's string after '{' or ',', else a value's.
      this.readingKey = this.expectKey;
      if (this.expectKey) this.key = '';
      this.expectKey = false;
      this.valueOf = null;
      return false;
    }
    if (c === COLON && this.keyDone) {
      this.keyDone = false;
      this.valueOf = this.key;
      return false;
    }
    if (c === COMMA) {
      this.expectKey = true;
      this.keyIndex++;
      this.valueOf = null;
      return false;
    }
    const key = this.valueOf;
    this.valueOf = null;
    return c === OPEN_BRACKET && key !== null && isEnvelopeKey(key, this.keyIndex);
  }

  /** The rest of an envelope after its events: skipped to its end. */
  private skipEnvelope(c: number): void {
    if (c === QUOTE) this.inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      this.depth--;
      if (this.depth === 0) this.envelope = false;
    }
  }

  /** A record longer than any log record (or a string that never closes): the rest is text. */
  private tooLong(buf: Buffer, from: number): void {
    this.toText(this.mode === Mode.Sniff ? null : buf, from);
  }

  /**
   * A byte outside any record: where a record starts, the array holding the
   * records opens or closes, a comma between them. False for anything else:
   * the log is not (or no longer) such a document.
   */
  private between(c: number): boolean {
    if (this.inEvents) {
      // Between the events of an envelope.
      if (c === OPEN_BRACE) {
        this.inRecord = true;
        this.recordDepth = 2;
        this.depth = 3;
        return true;
      }
      if (c === CLOSE_BRACKET) {
        this.inEvents = false;
        this.depth = 1;
      }
      return c === COMMA || c === CLOSE_BRACKET;
    }
    if (c === OPEN_BRACE && (this.depth === 0 || (this.depth === 1 && this.topIsArray))) {
      this.inRecord = true;
      this.recordDepth = this.depth;
      this.depth++;
      this.seenValue = true;
      if (this.depth === 1) {
        this.keyIndex = 0;
        this.expectKey = true;
        this.readingKey = false;
        this.keyDone = false;
        this.valueOf = null;
      }
      return true;
    }
    if (this.depth === 0 && c === OPEN_BRACKET) {
      this.depth = 1;
      this.topIsArray = true;
      this.seenValue = true;
      return true;
    }
    if (this.depth === 1 && this.topIsArray && (c === COMMA || c === CLOSE_BRACKET)) {
      if (c === CLOSE_BRACKET) {
        this.depth = 0;
        this.topIsArray = false;
      }
      return true;
    }
    return false;
  }

  /** A record ended: out as one line; while sniffing, the first decides what the log is. False if it is text. */
  private endRecord(): boolean {
    if (this.mode === Mode.Sniff) {
      const record = this.record.subarray(0, this.recordLen);
      // One record a line, not in an array nor an envelope: NDJSON, which the scanner reads as it is.
      if (!this.topIsArray && !this.multiLine && !this.envelope) {
        this.toText(null, 0);
        return false;
      }
      try {
        JSON.parse(record.toString('utf8'));
      } catch {
        this.toText(null, 0);
        return false;
      }
      this.mode = Mode.Json;
      this.held = [];
      this.heldLen = 0;
    }
    this.emitRecord();
    return true;
  }

  private emitRecord(): void {
    this.inRecord = false;
    const n = this.recordLen;
    this.recordLen = 0;
    this.place(this.outAt + this.linesLen, this.recordRaw);
    if (this.linesLen + n + 1 > this.lines.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.lines.length * 2, this.linesLen + n + 1));
      this.lines.copy(grown, 0, 0, this.linesLen);
      this.lines = grown;
    }
    copyBytes(this.record, 0, n, this.lines, this.linesLen);
    this.lines[this.linesLen + n] = NEWLINE;
    this.linesLen += n + 1;
  }

  private place(start: number, raw: number): void {
    if (!this.placed) return;
    if (this.starts.length >= PLACES_KEPT) {
      this.starts.splice(0, PLACES_KEPT / 2);
      this.raws.splice(0, PLACES_KEPT / 2);
    }
    this.starts.push(start);
    this.raws.push(raw);
  }

  /** Keeps buf[from, to) of the record being read (copied: the caller may reuse its buffer). */
  private keep(buf: Buffer, from: number, to: number): void {
    const n = Math.min(to - from, RECORD_KEEP - this.recordLen);
    if (n <= 0) return;
    if (this.recordLen + n > this.record.length) {
      const grown = Buffer.allocUnsafe(
        Math.min(RECORD_KEEP, Math.max(this.record.length * 2, this.recordLen + n)),
      );
      this.record.copy(grown, 0, 0, this.recordLen);
      this.record = grown;
    }
    copyBytes(buf, from, n, this.record, this.recordLen);
    this.recordLen += n;
  }
}
