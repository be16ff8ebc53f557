/**
 * The record model: what every body and every line is decoded into before
 * extraction and grouping.
 *
 * Contract:
 * - A LogEvent is one log record: `severity` is always one of the six classes
 *   (`unknown` when nothing in the record names a level); `severityText` is the
 *   level exactly as the record wrote it, absent when the class was guessed from
 *   the text (a keyword in a plain line) rather than read from a level field.
 * - `message` is the human message without its header (timestamp, level, host,
 *   tag, pid) and without context fields; for a JSON record it is its
 *   msg/message/event field, never the whole object.
 * - `error.stack` is text with one frame per line, as the runtime printed it.
 * - `context` holds every other field, flattened to dotted keys, bounded to
 *   CONTEXT_MAX_KEYS keys of CONTEXT_MAX_CHARS characters: ids, users, hosts and
 *   times live here so a signature built from the other fields never sees them.
 * - `service`, `environment`, `host` are promoted out of context where a format
 *   names them.
 * - Decoders never throw on hostile input except a DecodeError (the whole body
 *   is unreadable: the edge answers 400). A single unreadable record inside a
 *   readable body is counted in `rejected` with a line in `errors`.
 * - Nothing here recurses in proportion to the input's depth.
 */

export type SeverityClass = 'fatal' | 'error' | 'warning' | 'info' | 'debug' | 'unknown';

export type ContextValue = string | number | boolean;

export interface LogError {
  type?: string;
  message?: string;
  stack?: string;
}

export interface LogEvent {
  severity: SeverityClass;
  severityText?: string;
  time?: string;
  message: string;
  logger?: string;
  error?: LogError;
  context: Record<string, ContextValue>;
  service?: string;
  environment?: string;
  host?: string;
  /** 'json' | 'logfmt' | 'klog' | 'logcat' | 'syslog' | 'redis' | 'oslog' | 'access' | 'text' | 'otlp' | 'loki' | 'es-bulk' | 'form' */
  format: string;
}

export interface DecodeResult {
  events: LogEvent[];
  /** Records present in the body that could not be read. */
  rejected: number;
  /** At most MAX_ERRORS short explanations of the rejections. */
  errors: string[];
}

/** The whole body cannot be read as the format it claims: a 400 at the edge. */
export class DecodeError extends Error {
  override name = 'DecodeError';
  constructor(
    message: string,
    readonly format: string,
  ) {
    super(message);
  }
}

export const CONTEXT_MAX_KEYS = 64;
export const CONTEXT_MAX_CHARS = 512;
export const MAX_ERRORS = 20;
/** Nesting below this depth is kept as one bounded JSON text rather than walked. */
export const CONTEXT_MAX_DEPTH = 8;
/** Longest message and stack kept; longer text is cut (a record is not a document). */
export const MESSAGE_MAX_CHARS = 16 * 1024;
export const STACK_MAX_CHARS = 64 * 1024;

export function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * A request path is one token to the masks: its id segments are masked here,
 * its names kept, and so are its slugs (slugsMasked) and its query's and
 * parameters' values (`/search?q=<*>&sort=<*>`: what was asked, not where).
 */
export const pathTemplate = (path: string): string =>
  slugsMasked(
    path.replace(/([?&;][^=&;#/]{1,128}=)[^&;#]*/g, '$1<*>').replace(/[^/?&=;]*\d[^/?&=;]*/g, '<*>'),
  );

/**
 * A path's slugs, the names a site gives its pages (`/products/walnut-side-table`,
 * `/blog/how-to-brew-tea`), masked as ids are: a segment of lower-case words
 * joined by hyphens, three or more after a collection (a plural,
 * `/products/`), four or more anywhere. A route's own hyphenated names are
 * shorter (`/reset-password`, `/order-history`) and stay.
 */
export function slugsMasked(path: string): string {
  if (!SLUG_HINT.test(path)) return path;
  return path.replace(SLUG_SEGMENT, (slug: string, before: string | undefined) => {
    const words = slug.split('-').length;
    return words >= 4 || (words >= 3 && before !== undefined && COLLECTION.test(before)) ? '<*>' : slug;
  });
}

const SLUG_HINT = /[a-z]-[a-z]{1,64}-[a-z]/;
const SLUG_SEGMENT = /(?<=(?:^|\/)(?:([A-Za-z_]{1,64})\/)?)[a-z]{1,64}(?:-[a-z]{1,64}){2,15}(?=$|[/?#;])/g;
/** A collection's name: a plural (`products`, `posts`, `categories`). */
const COLLECTION = /^[A-Za-z_]{2,63}s$/;

export function pushError(result: DecodeResult, message: string): void {
  result.rejected++;
  if (result.errors.length < MAX_ERRORS) result.errors.push(clip(message, 200));
}

export function emptyResult(): DecodeResult {
  return { events: [], rejected: 0, errors: [] };
}

const LEVEL_WORDS: Record<string, SeverityClass> = {
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  alert: 'fatal',
  panic: 'fatal',
  dpanic: 'fatal',
  f: 'fatal',
  a: 'fatal',
  ftl: 'fatal',
  error: 'error',
  err: 'error',
  e: 'error',
  severe: 'error',
  eror: 'error',
  warning: 'warning',
  warn: 'warning',
  w: 'warning',
  wrn: 'warning',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  i: 'info',
  inf: 'info',
  debug: 'debug',
  dbg: 'debug',
  d: 'debug',
  trace: 'debug',
  trc: 'debug',
  verbose: 'debug',
  v: 'debug',
  vrb: 'debug',
  fine: 'debug',
  finer: 'debug',
  finest: 'debug',
  config: 'debug',
  default: 'unknown',
};

/** A level name as loggers write it ("ERROR", "Warn", "E", "err", "SEVERITY_NUMBER_ERROR"), else undefined. */
export function severityFromWord(word: string): SeverityClass | undefined {
  const w = word.trim().toLowerCase();
  if (w.length === 0 || w.length > 32) return undefined;
  const direct = LEVEL_WORDS[w];
  if (direct) return direct;
  // OTel enum names and numbered variants such as ERROR2 or SEVERITY_NUMBER_WARN3.
  const m = /^(?:severity_number_)?([a-z]+)[1-4]?$/.exec(w);
  if (m?.[1] && m[1] !== w) return LEVEL_WORDS[m[1]];
  return undefined;
}

/** pino / bunyan numeric levels (10 trace ... 60 fatal); other numbers read as syslog severities 0-7. */
export function severityFromNumber(n: number): SeverityClass | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (n >= 10) {
    if (n >= 60) return 'fatal';
    if (n >= 50) return 'error';
    if (n >= 40) return 'warning';
    if (n >= 30) return 'info';
    return 'debug';
  }
  if (Number.isInteger(n) && n >= 0 && n <= 7) return syslogSeverity(n);
  return undefined;
}

/** RFC 5424 severity 0-7 (0-2 emergency/alert/critical, 3 error, 4 warning, 5-6 notice/info, 7 debug). */
export function syslogSeverity(sev: number): SeverityClass {
  if (sev <= 2) return 'fatal';
  if (sev === 3) return 'error';
  if (sev === 4) return 'warning';
  if (sev <= 6) return 'info';
  return 'debug';
}

/** OTel SeverityNumber 1-24 (0 is unspecified). */
export function severityFromOtelNumber(n: number): SeverityClass | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 24) return undefined;
  if (n >= 21) return 'fatal';
  if (n >= 17) return 'error';
  if (n >= 13) return 'warning';
  if (n >= 9) return 'info';
  return 'debug';
}

/** A time given as a number: epoch seconds, milliseconds, microseconds or nanoseconds by magnitude. */
export function isoFromEpoch(n: number): string | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  let ms: number;
  if (n >= 1e17) ms = n / 1e6;
  else if (n >= 1e14) ms = n / 1e3;
  else if (n >= 1e11) ms = n;
  else ms = n * 1e3;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Nanoseconds since the epoch as a decimal string (OTLP, Loki), exact beyond 2^53. */
export function isoFromNanos(ns: string): string | undefined {
  if (!/^\d{1,20}$/.test(ns)) return undefined;
  const big = BigInt(ns);
  if (big === 0n) return undefined;
  const d = new Date(Number(big / 1_000_000n));
  if (Number.isNaN(d.getTime())) return undefined;
  const frac = (big % 1_000_000_000n).toString().padStart(9, '0');
  return `${d.toISOString().slice(0, 19)}.${frac}Z`;
}

/** A time written as text: kept (normalised to UTC ISO) only when it names a full date. */
export function isoFromText(text: string): string | undefined {
  const t = text.trim();
  if (t.length < 10 || t.length > 40) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(t)) return isoFromEpoch(Number(t));
  if (!/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(t)) return undefined;
  // The common UTC shapes are rewritten as text: Date parsing costs more than the rest of a line.
  const utc = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:[.,](\d{1,9}))?Z?$/.exec(t);
  if (utc) {
    const [, date, time, frac] = utc as unknown as [string, string, string, string | undefined];
    const f = frac === undefined ? '000' : frac.length < 3 ? frac.padEnd(3, '0') : frac;
    const iso = `${date}T${time}.${f}Z`;
    // Rejects impossible dates (month 13, hour 25) as Date does.
    return Number.isNaN(Date.parse(`${date}T${time}Z`)) ? undefined : iso;
  }
  let norm = t.replace(' ', 'T').replace(',', '.');
  // A time written without a zone is read as UTC, the zone servers log in.
  if (!/(?:Z|[+-]\d\d:?\d\d)$/i.test(norm)) norm += 'Z';
  const ms = Date.parse(norm);
  if (Number.isNaN(ms)) return undefined;
  // Keep sub-millisecond digits the writer gave; Date only has milliseconds.
  const iso = new Date(ms).toISOString();
  const frac = /[T ]\d\d:\d\d:\d\d[.,](\d{4,9})/.exec(t)?.[1];
  if (frac && /(?:Z|[+-]00:?00|:\d\d(?:[.,]\d+)?)$/i.test(t)) return `${iso.slice(0, 19)}.${frac}Z`;
  return iso;
}
