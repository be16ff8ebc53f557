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
 * is kept up to RECORD_KEEP bytes, a Loki stream up to STREAM_KEEP); any chunking gives the same lines. Where
 * the log is not such a document — its first value is not an object or an
 * array of objects, its first record is a single line (NDJSON), the first
 * record does not parse, or no record ends in the first SNIFF_LIMIT bytes —
 * the bytes pass through untouched; where a document breaks off later, the
 * rest passes through as text.
 */

/** Bytes of one record kept (a longer one is cut; the scanner keeps less of a line anyway). */
export const RECORD_KEEP = 2 * 1024 * 1024 + 1;
/** Bytes of one Loki stream kept: its lines are the log (a query answers with up to 5,000 of them, by default). */
export const STREAM_KEEP = 16 * 1024 * 1024 + 1;
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
 * Envelopes of log events, whose events are the log, by the keys that lead to
 * the array of events: CloudWatch Logs' subscription payload
 * (`{"messageType":"DATA_MESSAGE",…,"logEvents":[…]}`, as a subscription's
 * Lambda, Firehose or a script saves it), the answer of `aws logs
 * filter-log-events` / `get-log-events` (`{"events":[…],…}`, its first key),
 * an Elasticsearch or OpenSearch search's answer (`{"took":…,"hits":{…,"hits":[…]}}`:
 * each hit's `_source` is a record, lib/records/json.ts searchHitSource) and
 * Loki's query answer (`{"status":"success","data":{…,"result":[…]}}`: each
 * stream's `values` are `[time, line]` pairs, its lines the log; LOKI_STREAMS).
 */
enum Envelope {
  Events,
  LokiStreams,
}

function envelopeAt(path: readonly string[], key: string, index: number, first: string): Envelope | null {
  if (path.length === 0)
    return key === 'logEvents' || (key === 'events' && index === 0) ? Envelope.Events : null;
  if (path.length === 1 && path[0] === 'hits' && key === 'hits') return Envelope.Events;
  if (path.length === 1 && path[0] === 'data' && key === 'result' && first === 'resultType')
    return Envelope.LokiStreams;
  return null;
}

/**
 * A key whose object may hold an envelope's array of events (envelopeAt), in
 * an answer that starts as the service's do (`took` first, `status` first), so
 * that a record with a `hits` or `data` object is read as the record it is.
 */
const isEnvelopeParent = (path: readonly string[], key: string, first: string): boolean =>
  path.length === 0 && ((key === 'hits' && first === 'took') || (key === 'data' && first === 'status'));

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
  /** The depth whose keys are watched, and the keys that led there (an envelope's object inside the top one). */
  private watchDepth = 1;
  private readonly path: string[] = [];
  /** The first key of the object whose keys are watched. */
  private firstKey = '';
  /** The depth inside the envelope's array of events, and what its events are. */
  private eventsDepth = 2;
  private kind = Envelope.Events;

  /**
   * `placed`: keep where each line came from, for rawOffset (a caller that
   * reports places: the CLI's summarize, streams). The last PLACES_KEPT lines
   * are kept; an offset before them is placed by the oldest kept.
   */
  constructor(
    private readonly out: (bytes: Buffer) => void,
    private readonly placed = false,
  ) {}

  /** Bytes of the record being read that are kept: a Loki stream's, or any other record's. */
  private get keepLimit(): number {
    return this.envelope && this.kind === Envelope.LokiStreams ? STREAM_KEEP : RECORD_KEEP;
  }

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
          if (this.recordLen >= this.keepLimit) {
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
          if (this.recordLen >= this.keepLimit) {
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
      let descend = false;
      if (this.recordDepth === 0 && this.depth === this.watchDepth && !this.topIsArray) {
        const seen = this.watchKey(c);
        if (seen === 'events') {
          // An envelope's array of events opens: what was kept of the envelope goes.
          this.recordLen = 0;
          this.inRecord = false;
          this.envelope = true;
          this.inEvents = true;
          this.depth++;
          this.eventsDepth = this.depth;
          run = -1;
          continue;
        }
        descend = seen === 'descend';
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.depth++;
        if (descend) this.watchFrom(this.depth);
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        // The object an envelope's events were looked for in closed without them: its parent's keys again.
        if (this.depth < this.watchDepth && this.path.length > 0) {
          this.path.pop();
          this.watchDepth = this.depth;
          this.keyIndex = Number.MAX_SAFE_INTEGER;
        }
        if (this.depth === this.recordDepth) {
          this.keep(buf, run, i + 1);
          run = -1;
          if (!this.endRecord()) return;
        }
      }
    }
    if (this.inRecord && run >= 0) this.keep(buf, run, buf.length);
    if (this.recordLen >= this.keepLimit) this.tooLong(buf, buf.length);
  }

  /**
   * A byte at the watched level of a top-level object (its first, or an
   * object an envelope's events may lie in): follows its keys; 'events' when
   * it opens the array of events of an envelope (envelopeAt), 'descend' when it
   * opens an object that may hold one.
   */
  private watchKey(c: number): 'events' | 'descend' | null {
    if (c === QUOTE) {
      // A key's string after '{' or ',', else a value's.
      this.readingKey = this.expectKey;
      if (this.expectKey) this.key = '';
      this.expectKey = false;
      this.valueOf = null;
      return null;
    }
    if (c === COLON && this.keyDone) {
      this.keyDone = false;
      this.valueOf = this.key;
      if (this.keyIndex === 0) this.firstKey = this.key;
      return null;
    }
    if (c === COMMA) {
      this.expectKey = true;
      this.keyIndex++;
      this.valueOf = null;
      return null;
    }
    const key = this.valueOf;
    this.valueOf = null;
    if (key === null) return null;
    if (c === OPEN_BRACKET) {
      const kind = envelopeAt(this.path, key, this.keyIndex, this.firstKey);
      if (kind === null) return null;
      this.kind = kind;
      return 'events';
    }
    if (c === OPEN_BRACE && isEnvelopeParent(this.path, key, this.firstKey)) {
      this.path.push(key);
      return 'descend';
    }
    return null;
  }

  /** The keys of the object just opened at `depth` are watched from here. */
  private watchFrom(depth: number): void {
    this.watchDepth = depth;
    this.keyIndex = 0;
    this.firstKey = '';
    this.expectKey = true;
    this.readingKey = false;
    this.keyDone = false;
    this.valueOf = null;
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
        this.recordDepth = this.eventsDepth;
        this.depth = this.eventsDepth + 1;
        return true;
      }
      if (c === CLOSE_BRACKET) {
        this.inEvents = false;
        this.depth = this.eventsDepth - 1;
      }
      return c === COMMA || c === CLOSE_BRACKET;
    }
    if (c === OPEN_BRACE && (this.depth === 0 || (this.depth === 1 && this.topIsArray))) {
      this.inRecord = true;
      this.recordDepth = this.depth;
      this.depth++;
      this.seenValue = true;
      if (this.depth === 1) {
        // A top-level object: its keys are watched afresh, whatever an earlier document left.
        this.path.length = 0;
        this.watchFrom(1);
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
    if (this.envelope && this.kind === Envelope.LokiStreams) {
      const lines = lokiLines(this.record.subarray(0, this.recordLen));
      if (lines !== null) {
        this.recordLen = 0;
        this.place(this.outAt + this.linesLen, this.recordRaw);
        this.append(Buffer.from(lines, 'utf8'));
        return;
      }
    }
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

  /** Lines handed on as they are (each ending in '\n'). */
  private append(bytes: Buffer): void {
    if (this.linesLen + bytes.length > this.lines.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.lines.length * 2, this.linesLen + bytes.length));
      this.lines.copy(grown, 0, 0, this.linesLen);
      this.lines = grown;
    }
    bytes.copy(this.lines, this.linesLen);
    this.linesLen += bytes.length;
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
    const limit = this.keepLimit;
    const n = Math.min(to - from, limit - this.recordLen);
    if (n <= 0) return;
    if (this.recordLen + n > this.record.length) {
      const grown = Buffer.allocUnsafe(Math.min(limit, Math.max(this.record.length * 2, this.recordLen + n)));
      this.record.copy(grown, 0, 0, this.recordLen);
      this.record = grown;
    }
    copyBytes(buf, from, n, this.record, this.recordLen);
    this.recordLen += n;
  }
}

/**
 * A Loki stream's lines (`{"stream":{…},"values":[["<ns>","<line>"],…]}`),
 * oldest first whatever the query's direction (its default, `backward`, lists
 * the newest first), each ending in '\n'; null when the record is no such stream.
 */
function lokiLines(record: Buffer): string | null {
  let stream: unknown;
  try {
    stream = JSON.parse(record.toString('utf8'));
  } catch {
    return null;
  }
  const values = (stream as { values?: unknown } | null)?.values;
  if (!Array.isArray(values)) return null;
  const entries: [string, string][] = [];
  for (const v of values) {
    if (!Array.isArray(v) || typeof v[0] !== 'string' || typeof v[1] !== 'string') return null;
    entries.push([v[0], v[1]]);
  }
  // Nanoseconds since the epoch, as decimal strings: longer is later, then by digits.
  entries.sort((x, y) => x[0].length - y[0].length || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return entries.map(([, line]) => (line.endsWith('\n') ? line : `${line}\n`)).join('');
}
