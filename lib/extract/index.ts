/**
 * Failure extraction and fingerprinting: pure, streaming, no I/O.
 *
 * Contract: feed the raw bytes of one log in any chunking; get back the failure
 * lines (the extract), the most severe failure type, a normalised signature and
 * its SHA-256 (the report key), and the SHA-256 of the raw bytes. The result does
 * not depend on how the bytes were chunked.
 */
import { createHash, type Hash } from 'node:crypto';
import type { ReportType } from '#lib/model';
import { type CollectedEntry, Collector, type TagLists } from './collect.ts';
import { fingerprintOf } from './event.ts';
import { fingerprintRules, ruleFor, ruleSignature } from './fingerprint-rules.ts';
import { JsonDocument } from './json-document.ts';

export type { CollectedEntry, TagLists } from './collect.ts';
export { fingerprintOf } from './event.ts';

import { LineScanner, type LineSink } from './scan.ts';
import { Scrubber, type ScrubOptions } from './scrub.ts';
import { type Headline, headlineOf } from './title.ts';

export interface Extraction {
  /** null = no failure lines at all. */
  type: ReportType | null;
  /** The raw failure lines (UTF-8 decoded, '\n'-joined, CR stripped), capped at maxExtractBytes. */
  extract: string;
  extractTruncated: boolean;
  /** The normalised signature text, readable: it explains why logs grouped together. */
  signature: string;
  /**
   * The report's title and culprit: of the rule's entry when a rule took one,
   * else read from the failure entries in the log's order (lib/extract/title.ts).
   */
  headline?: Headline;
  /** Hex SHA-256 of signature; null iff type === null. */
  fingerprint: string | null;
  /** Hex SHA-256 of the raw bytes, exactly as received. */
  sha256: string;
  /** Total raw bytes. */
  bytes: number;
  /** The context values its failure records carried, at most TAG_DOCUMENT_VALUES per key; absent when none. */
  tags?: TagLists;
  /**
   * A fingerprint rule took one of the failure entries (lib/extract/fingerprint-rules.ts):
   * `signature` is the rule's, and `entry` the entry it took (what the report's title is read from).
   */
  rule?: { fingerprint: string; entry: string };
}

export interface ExtractOptions {
  /** Cap on the extract, in UTF-8 bytes (default 32 KiB). */
  maxExtractBytes?: number;
  /**
   * false: leave `sha256` empty, for a caller that hashes the same bytes
   * elsewhere (the CLI, on another thread). Default true.
   */
  hashRaw?: boolean;
  /** Called with each failure entry as it closes (a stream counts each on its own report). */
  onEntry?: (entry: CollectedEntry) => void;
  /**
   * Secrets scrubbed from every line before it is kept or masked
   * (lib/extract/scrub.ts): extra field names and patterns; false for none.
   * Default: the built-in rules.
   */
  scrub?: ScrubOptions | false;
}

/**
 * Hands the collector each line with its secrets scrubbed, so no extract or
 * signature ever holds one. Only the lines the scanner delivers pass here
 * (failure lines and the lines of blocks), so the cost is theirs alone.
 */
class ScrubbingSink implements LineSink {
  constructor(
    private readonly inner: Collector,
    private readonly scrubber: Scrubber,
  ) {}

  wantsEveryLine(): boolean {
    return this.inner.wantsEveryLine();
  }

  line(
    buf: Buffer,
    start: number,
    end: number,
    flagged: boolean | null,
    truncated: boolean,
    _text?: string,
    at?: number,
  ): void {
    const text = buf.toString('utf8', start, end);
    const clean = this.scrubber.line(text);
    if (clean === text) {
      this.inner.line(buf, start, end, flagged, truncated, text, at);
      return;
    }
    const bytes = Buffer.from(clean, 'utf8');
    this.inner.line(bytes, 0, bytes.length, flagged, truncated, clean, at);
  }
}

export const DEFAULT_MAX_EXTRACT_BYTES = 32 * 1024;

export class Extractor {
  private readonly hash: Hash | null;
  private readonly collector: Collector;
  private readonly scanner: LineScanner;
  /** A log that is one JSON document reaches the scanner a record a line (json-document.ts). */
  private readonly document: JsonDocument;
  private bytes = 0;
  private done = false;
  private settled = false;

  constructor(opts: ExtractOptions = {}) {
    this.hash = opts.hashRaw === false ? null : createHash('sha256');
    const { onEntry } = opts;
    this.collector = new Collector(
      opts.maxExtractBytes ?? DEFAULT_MAX_EXTRACT_BYTES,
      onEntry &&
        ((entry) =>
          onEntry(entry.at === undefined ? entry : { ...entry, at: this.document.rawOffset(entry.at) })),
    );
    this.scanner = new LineScanner(
      opts.scrub === false ? this.collector : new ScrubbingSink(this.collector, new Scrubber(opts.scrub)),
    );
    this.document = new JsonDocument((bytes) => this.scanner.push(bytes), onEntry !== undefined);
  }

  push(chunk: Uint8Array): void {
    if (this.done) throw new Error('Extractor.push after finish');
    if (chunk.length === 0) return;
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.hash?.update(buf);
    this.bytes += buf.length;
    if (this.settled) return;
    this.document.push(buf);
    this.settled = this.collector.settled;
  }

  /** No byte pushed from now on can change the result but its hash and size (Collector.settled). */
  get isSettled(): boolean {
    return this.settled;
  }

  finish(): Extraction {
    if (this.done) throw new Error('Extractor.finish called twice');
    this.done = true;
    // A settled collector's result is fixed; a line held open by the scanner cannot change it.
    if (!this.settled) {
      this.document.finish();
      this.scanner.finish();
    }
    const r = this.collector.finish();
    // A rule takes the whole document: its failure scenario is the rule's, whatever else it holds.
    const rule = r.type !== null && fingerprintRules().length > 0 ? ruleFor(this.collector.entries()) : null;
    const signature = rule ? ruleSignature(rule.fingerprint) : r.signature;
    return {
      type: r.type,
      extract: r.extract,
      extractTruncated: r.extractTruncated,
      signature,
      ...(rule ? { headline: headlineOf(rule.entry) } : r.headline ? { headline: r.headline } : {}),
      fingerprint: r.type === null ? null : fingerprintOf(signature),
      sha256: this.hash?.digest('hex') ?? '',
      bytes: this.bytes,
      ...(r.tags ? { tags: r.tags } : {}),
      ...(rule ? { rule } : {}),
    };
  }
}

export function extractBuffer(buf: Uint8Array, opts?: ExtractOptions): Extraction {
  const x = new Extractor(opts);
  x.push(buf);
  return x.finish();
}

export async function extractStream(
  src: AsyncIterable<Uint8Array>,
  opts?: ExtractOptions,
): Promise<Extraction> {
  const x = new Extractor(opts);
  for await (const chunk of src) x.push(chunk);
  return x.finish();
}
