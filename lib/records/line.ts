/**
 * One line of any log -> a LogEvent, whatever format wrote it.
 *
 * Recognised per line: JSON objects of the structured loggers (json.ts), logfmt,
 * klog/glog, Android logcat (threadtime, time, brief), syslog RFC 3164 (with or
 * without PRI, classic or ISO timestamp) and RFC 5424, else plain text with its
 * level word. A line is classified by its first bytes before any regular
 * expression runs, so a plain line costs a couple of comparisons and one
 * anchored match: this runs on every candidate line of a 100 MB file.
 *
 * Every pattern is anchored and its repetitions bounded, so matching stays
 * linear in the line; nothing recurses.
 */
import { eventFromObject, logcliLine, mergeInner } from './json.ts';
import {
  clip,
  isoFromText,
  type LogEvent,
  MESSAGE_MAX_CHARS,
  pathTemplate,
  type SeverityClass,
  severityFromWord,
  syslogSeverity,
} from './model.ts';

/** Longest line read for its structure; a longer line is read as plain text. */
const MAX_STRUCTURED = 1024 * 1024;

export function parseLine(line: string): LogEvent {
  return parse(withoutAnsi(line), true);
}

/**
 * Terminal colours and cursor moves (`\x1b[31m  ERROR\x1b[39m`, as NestJS, a
 * test runner or `docker logs` of a tty write them): not the text, left out
 * before a line is read.
 */
const ESC = '\\x1b';
const ANSI = new RegExp(
  `${ESC}\\[[0-9;?]{0,32}[A-Za-z]|${ESC}\\][^\\x07${ESC}]{0,256}(?:\\x07|${ESC}\\\\)`,
  'g',
);

export function withoutAnsi(line: string): string {
  return line.includes('\x1b') ? line.replace(ANSI, '') : line;
}

function parse(raw: string, allowJson: boolean): LogEvent {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.length === 0 || line.length > MAX_STRUCTURED) return textEvent(line);
  const c = line.charCodeAt(0);
  // '{': a JSON object, when it also ends like one.
  if (c === 123) {
    if (allowJson && lastNonSpace(line) === 125) {
      const obj = parseObject(line);
      const carried = obj && logcliLine(obj);
      if (carried !== undefined) return parse(carried, true);
      if (obj) return eventFromObject(obj, { parseInner: (inner) => parse(inner, false) });
    }
    return textEvent(line);
  }
  // '<': a syslog PRI.
  if (c === 60) return syslogEvent(line) ?? textEvent(line);
  // Digits: logcat dates, ISO-stamped syslog files; everything else dated is text.
  if (c >= 48 && c <= 57)
    return (
      criEvent(line, allowJson) ??
      logcatEvent(line) ??
      isoSyslogEvent(line) ??
      redisEvent(line) ??
      osLogEvent(line) ??
      zapConsoleEvent(line) ??
      lambdaNodeEvent(line) ??
      textEvent(line)
    );
  const c1 = line.charCodeAt(1);
  if (c >= 65 && c <= 90) {
    // klog: a level letter and the month-day digits.
    if (c1 >= 48 && c1 <= 57 && (c === 73 || c === 87 || c === 69 || c === 70)) {
      const k = klogEvent(line);
      if (k) return k;
    }
    // Ruby's Logger: `F, [2026-12-03T18:40:51.120400 #4411] FATAL -- progname: …`.
    if (c1 === 44 && line.charCodeAt(2) === 32) {
      const r = rubyLoggerEvent(line);
      if (r) return r;
    }
    // logcat brief: `E/Tag( 123): …`.
    if (c1 === 47) {
      const b = logcatBriefEvent(line);
      if (b) return b;
    }
    // RFC 3164 as files hold it: `Oct 11 22:14:15 host app[1]: …`.
    if (line.charCodeAt(3) === 32 && MONTHS.has(line.slice(0, 3))) {
      const s = bsdSyslogEvent(line, undefined);
      if (s) return s;
    }
  }
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
    const l = logfmtEvent(line);
    if (l) return l;
  }
  // '[': AWS Lambda's Python runtime.
  if (c === 91) return lambdaPythonEvent(line) ?? textEvent(line);
  return textEvent(line);
}

/**
 * AWS Lambda's Python runtime, its text log format: `[LEVEL]\tTIME\tREQUEST_ID\tMESSAGE`
 * (logging's records inside a handler), read as a record so the time and the
 * request id are context.
 */
const LAMBDA_PYTHON =
  /^\[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\]\t(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z)\t([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\t/;

function lambdaPythonEvent(line: string): LogEvent | undefined {
  const m = LAMBDA_PYTHON.exec(line);
  if (!m) return undefined;
  const record = {
    level: m[1]!.toLowerCase(),
    timestamp: m[2],
    requestId: m[3],
    message: line.slice(m[0].length),
  };
  return eventFromObject(record, { format: 'lambda', parseInner: (inner) => parse(inner, false) });
}

/** containerd / CRI-O's wrapper of a container's line: `<RFC 3339 time> <stdout|stderr> <P|F> <line>`. */
const CRI = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) (stdout|stderr) [PF] /;

/** The line a CRI wrapper carries, read as the line it is; the runtime's time when it states none. */
function criEvent(line: string, allowJson: boolean): LogEvent | undefined {
  if (line.charCodeAt(10) !== 84) return undefined;
  const m = CRI.exec(line);
  if (!m) return undefined;
  const e = parse(line.slice(m[0].length), allowJson);
  e.context.stream = m[2] as string;
  return e.time === undefined ? withTime(e, isoFromText(m[1] as string)) : e;
}

/**
 * Redis's log line: `pid:role DD Mon YYYY HH:MM:SS.mmm <level> message`, the
 * role one of X (sentinel), C (child), S (replica), M (primary), the level a
 * mark: `.` debug, `-` verbose, `*` notice, `#` warning (Redis's highest).
 */
const REDIS = /^(\d{1,10}):([XCSM]) (\d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3}) ([.*#-]) /;
const REDIS_LEVEL: Record<string, SeverityClass> = {
  '.': 'debug',
  '-': 'debug',
  '*': 'info',
  '#': 'warning',
};

function redisEvent(line: string): LogEvent | undefined {
  const m = REDIS.exec(line);
  if (!m) return undefined;
  const mark = m[4] as string;
  const e: LogEvent = {
    severity: REDIS_LEVEL[mark] ?? 'unknown',
    severityText: mark,
    message: clip(line.slice(m[0].length), MESSAGE_MAX_CHARS),
    context: { pid: Number(m[1]), role: m[2] as string, timestamp: m[3] as string },
    format: 'redis',
  };
  // Redis writes its local time with no zone, read as UTC as other zone-less times are.
  const ms = Date.parse(`${m[3]} UTC`);
  return withTime(e, Number.isNaN(ms) ? undefined : new Date(ms).toISOString());
}

/**
 * zap's console encoder, as Go services and the OpenTelemetry Collector write
 * it: `TIME\tLEVEL\t[LOGGER\t][CALLER\t]MESSAGE[\tFIELDS]`, tab-separated,
 * the time ISO 8601 or epoch seconds (`1.7332128e+09` in zap's production
 * config), the fields one JSON object. Read as zap's JSON encoder writes the
 * same record (`level`, `ts`, `logger`, `caller`, `msg`, the fields), so the
 * two encodings of one failure are one failure.
 */
const ZAP_CONSOLE =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d(?::?\d\d)?)|\d{9,10}(?:\.\d{1,9})?|\d\.\d{1,16}e\+09)\t(debug|info|warn|error|dpanic|panic|fatal|DEBUG|INFO|WARN|ERROR|DPANIC|PANIC|FATAL)\t/;
/** zap's caller: a short or full path and line (`exporterhelper/queue_sender.go:101`). */
const ZAP_CALLER = /^[\w.@~+-]{0,256}(?:\/[\w.@~+-]{1,256}){0,32}\.go:\d{1,7}$/;
/** A logger name zap prints before the caller: one dotted or slashed word. */
const ZAP_NAME = /^[\w./-]{1,128}$/;

function zapConsoleEvent(line: string): LogEvent | undefined {
  if (!line.includes('\t')) return undefined;
  const m = ZAP_CONSOLE.exec(line);
  if (!m) return undefined;
  const parts = line.slice(m[0].length).split('\t');
  const last = parts[parts.length - 1]!;
  let fields: Record<string, unknown> = {};
  if (parts.length > 1 && last.startsWith('{') && lastNonSpace(last) === 125) {
    const obj = parseObject(last);
    if (obj) {
      fields = obj;
      parts.pop();
    }
  }
  const caller = parts.length > 1 ? parts.findIndex((p, i) => i < 2 && ZAP_CALLER.test(p)) : -1;
  const named = caller === 1 || (caller < 0 && parts.length > 1 && ZAP_NAME.test(parts[0]!));
  const record: Record<string, unknown> = {
    ...fields,
    level: m[2]!.toLowerCase(),
    ts: /^\d/.test(m[1]!) && !m[1]!.includes('-') ? Number(m[1]) : m[1],
    msg: parts.slice(caller >= 0 ? caller + 1 : named ? 1 : 0).join('\t'),
  };
  if (named) record.logger = parts[0];
  if (caller >= 0) record.caller = parts[caller];
  return eventFromObject(record, { format: 'zap' });
}

/**
 * AWS Lambda's Node.js runtime, its text log format: `TIME\tREQUEST_ID\tLEVEL\tMESSAGE`
 * (the request id `undefined` outside a request). An error the handler threw
 * or left unhandled is `Invoke Error`, `Uncaught Exception` or `Unhandled Promise
 * Rejection` before the error as JSON (`errorType`, `errorMessage`, `stack` as
 * an array of lines): read as that error, as the runtime's JSON log format
 * writes it, its frames a stack.
 */
const LAMBDA_NODE =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\t([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|undefined)\t(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\t/;
const LAMBDA_THROWN = /^(Invoke Error|Uncaught Exception|Unhandled Promise Rejection) ?\t(?=\{)/;

function lambdaNodeEvent(line: string): LogEvent | undefined {
  if (line.charCodeAt(24) !== 9) return undefined;
  const m = LAMBDA_NODE.exec(line);
  if (!m) return undefined;
  const message = line.slice(m[0].length);
  const record: Record<string, unknown> = {
    timestamp: m[1],
    requestId: m[2],
    level: m[3]!.toLowerCase(),
    message,
  };
  const thrown = LAMBDA_THROWN.exec(message);
  const error = thrown && lastNonSpace(message) === 125 ? parseObject(message.slice(thrown[0].length)) : null;
  if (thrown && error) {
    record.message = thrown[1];
    for (const key of ['errorType', 'errorMessage', 'stack'] as const)
      if (key in error) record[key] = error[key];
  }
  return eventFromObject(record, { format: 'lambda', parseInner: (inner) => parse(inner, false) });
}

/**
 * Apple's unified log as `log show` / `log stream` print it: time, thread,
 * type (Default, Info, Debug, Error, Fault), activity, pid, TTL, then
 * `Process: (Library) [subsystem:category] message`.
 */
const OS_LOG =
  /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}[+-]\d{4}) +(0x[0-9a-f]{1,16}) +(Default|Info|Debug|Error|Fault) +0x[0-9a-f]{1,16} +(\d{1,10}) +\d{1,4} +([^:]{1,256}?): (?:\(([^()]{1,256})\) )?(?:\[([^\]]{1,256})\] )?/;
const OS_LOG_LEVEL: Record<string, SeverityClass> = {
  Default: 'info',
  Info: 'info',
  Debug: 'debug',
  Error: 'error',
  Fault: 'fatal',
};

function osLogEvent(line: string): LogEvent | undefined {
  if (line.charCodeAt(10) !== 32) return undefined;
  const m = OS_LOG.exec(line);
  if (!m) return undefined;
  const type = m[3] as string;
  const context: Record<string, string | number | boolean> = { thread: m[2] as string, pid: Number(m[4]) };
  if (m[6]) context.library = m[6];
  const e: LogEvent = {
    severity: OS_LOG_LEVEL[type] ?? 'unknown',
    severityText: type,
    message: clip(line.slice(m[0].length), MESSAGE_MAX_CHARS),
    context,
    format: 'oslog',
    service: (m[5] as string).trim(),
  };
  // The subsystem and category name the code that logged; a process without them logs as itself.
  e.logger = m[7] ?? (m[5] as string).trim();
  const ms = Date.parse(`${(m[1] as string).replace(' ', 'T').slice(0, 23)}${(m[1] as string).slice(26)}`);
  return withTime(e, Number.isNaN(ms) ? undefined : new Date(ms).toISOString());
}

function lastNonSpace(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i--;
  return i < 0 ? -1 : s.charCodeAt(i);
}

function parseObject(line: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function withTime(e: LogEvent, time: string | undefined): LogEvent {
  if (time) e.time = time;
  return e;
}

// ---------------------------------------------------------------- plain text

/** Candidate level words in a header: uppercase words (`npm ERR!` too), or any word inside brackets; checked against LEVEL_WORDS. */
const UPPER_WORD = /(?:^|[\s[(<|])([A-Z]{3,9})(?=[\s\]):>|!]|$)/g;
const BRACKET_WORD = /\[([a-z]{3,8})\]/g;
const LEVEL_WORDS = new Set([
  'FATAL',
  'CRITICAL',
  'CRIT',
  'EMERG',
  'EMERGENCY',
  'ALERT',
  'PANIC',
  'SEVERE',
  'ERROR',
  'ERR',
  'WARNING',
  'WARN',
  'NOTICE',
  'INFO',
  'DEBUG',
  'TRACE',
  'VERBOSE',
]);
const BRACKET_LEVELS = new Set([
  'fatal',
  'critical',
  'crit',
  'emerg',
  'alert',
  'error',
  'err',
  'warning',
  'warn',
  'notice',
  'info',
  'debug',
  'trace',
]);

/** The first level word of a header: its text and where it ends. */
function levelToken(head: string): { word: string; end: number } | undefined {
  let best: { word: string; end: number; at: number } | undefined;
  UPPER_WORD.lastIndex = 0;
  for (let m = UPPER_WORD.exec(head); m; m = UPPER_WORD.exec(head)) {
    const w = m[1] as string;
    if (LEVEL_WORDS.has(w)) {
      best = { word: w, end: m.index + m[0].length, at: m.index };
      break;
    }
  }
  if (head.includes('[')) {
    BRACKET_WORD.lastIndex = 0;
    for (let m = BRACKET_WORD.exec(head); m; m = BRACKET_WORD.exec(head)) {
      if (best && m.index > best.at) break;
      const w = m[1] as string;
      if (BRACKET_LEVELS.has(w)) {
        best = { word: w, end: m.index + m[0].length, at: m.index };
        break;
      }
    }
  }
  return best;
}

/** A leading timestamp: ISO-like date and time, or a bare time of day. */
const LEADING_TIME =
  /^\[?(\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?|\d\d:\d\d:\d\d(?:[.,]\d{1,9})?)\]?\s*/;
/** Compiler and runtime prefixes that state the level in lower case: `error: …`, `error[E0382]: …`. */
const LOWER_PREFIX = /^(fatal|panic|error|warning)(?:\[[\w-]{1,16}\])?: /;
/** Python logging's default format: `ERROR:name:message`. */
const PYTHON_DEFAULT = /^(CRITICAL|ERROR|WARNING|INFO|DEBUG):([\w.-]{1,200}):/;
/** Python logging's `%(asctime)s - %(name)s - %(levelname)s - %(message)s`: the logger before the level. */
const DASHED_LOGGER = /(?:^|\s)-\s([A-Za-z_][\w.$-]{0,127})\s-\s*$/;
/** How far into a line a header's level word may stand. */
const HEADER_SPAN = 128;
/**
 * A header field naming the code that logged (Sidekiq's `class=InvoiceJob`,
 * `logger=…`, `component=…` before the level word): the logger, as
 * lib/extract/mask.ts `stripHeader` keeps it in a document's signature.
 */
const HEADER_NAME = /\b(?:class|logger|component|module|category|channel)=([A-Za-z_$][\w.:$/-]{0,127})(?=\s)/;

const FATAL_MARK =
  /\b(?:FATAL|PANIC|EMERG|CRIT|CRITICAL)\b|\b(?:fatal|panic):|panicked at|[Ss]egmentation [Ff]ault/;
const ERROR_MARK = /\b(?:SEVERE)\b|\bSIG(?:SEGV|ABRT|BUS|FPE|ILL)\b/;
const WARNING_MARK = /\bWARN\b|\bwarn(?::|\])/;

/**
 * Where `error` or `warning` says that there is none: a DNS answer's rcode
 * (CoreDNS logs every query `… NOERROR qr,aa,rd …`), a tool's tally of none
 * (`0 errors`, `0 Warning(s)`, `errors: 0`, `Error count: 0`, `errors=0`,
 * Valgrind's `ERROR SUMMARY: 0 errors from 0 contexts`), a verdict of none
 * (`no errors found`, `No ESLint warnings or errors`, `completed without
 * errors`), and Valgrind's banner and advice, which it prints on a clean run
 * too (`Memcheck, a memory error detector`, `For lists of detected and
 * suppressed errors, rerun with: -s`).
 */
const NONE_SAID =
  /noerror|error summary: 0 errors|\b0 (?:errors?|warnings?)\b|\b0 (?:error|warning)\(s\)|\b(?:errors?|warnings?|exceptions?)(?: count)?(?:: | ?= ?)0\b(?![.,]\d)|\b(?:errors?|warnings?|exceptions?)"? ?= ?(?:null|nil|none|false|""|'')(?=\s*$|[,;)}\]&]|\s+[\w.-]+=)|\b(?:errors?|warnings?|exceptions?)"?: ?(?:null|nil|none|false)(?=\s*$|[,;)}\]])|\b(?:no|without) (?:[a-z]{1,32} )?(?:errors|warnings)(?: or (?:errors|warnings))?\b|a memory error detector|for lists of detected and suppressed errors/g;
/** Parts one of which every NONE_SAID text holds: most lines hold none, and are ruled out by this one search. */
const NONE_HINT =
  /noerror|0 [ew(]|: 0|= ?0|no |without|error detector|suppressed errors|[=:] ?(?:null|nil|none|false|""|'')/;
const mayNoneSay = (lower: string): boolean => NONE_HINT.test(lower);

/**
 * True when the line says `word` (`error`, `warning`, `exception`; `lower` is
 * the line lower-cased) as a word of its own, and other than to say there is
 * none (NONE_SAID). An exception class that ends in the word (`IOError`,
 * `ValueError`, `NullPointerException`, `FullyQualifiedErrorId`) says it, and
 * so do its forms (`errors`, `errored`, `warnings`). Not where its letters are
 * part of a name (isOwnWord).
 */
export function says(text: string, lower: string, word: 'error' | 'warning' | 'exception'): boolean {
  if (!lower.includes(word)) return false;
  const none = mayNoneSay(lower);
  const read = none ? lower.replace(NONE_SAID, (m) => ' '.repeat(m.length)) : lower;
  // Lower-casing a few characters changes their length: then the case of the letters is not read.
  const cased = text.length === lower.length ? text : lower;
  for (let at = read.indexOf(word); at >= 0; at = read.indexOf(word, at + word.length)) {
    if (isOwnWord(cased, at, word.length)) return true;
  }
  return false;
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isAlnum = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57);
/** A word's forms: `errors`, `errored`, `erroring`, `warnings`. */
const INFLECTION = /^(?:s|ed|ing)(?![a-z])/i;
/** A file name's end after the word: `_handler.c`, `s.go`, `.log`, before a position or punctuation. */
const FILE_END = /^[\w-]*(?:\.[\w-]+)*\.[a-z][a-z0-9]{0,4}(?::\d|[:.]?$)/;
/** A command-line option (`--log-level`, `-D`), whose value the next word is. */
const OPTION = /^-{1,2}[A-Za-z][\w-]{0,64}$/;
const OPTION_START = /^-{1,2}[A-Za-z]/;

/**
 * False where the word at `at` is part of a name, as build, deploy and test
 * output is full of them: glued to letters of its case (the crate
 * `thiserror`, `strerror`, gcc's `-Werror`, CMake's `HAVE_WERROR_FLAG`) or to
 * more lower-case ones (`errorhandler`); the start of an identifier that goes
 * on (`ErrorPageFilter`, `errorPage`, `ErrorsController`,
 * `ExceptionTranslationFilter`); joined by `-` or `_` to another part in
 * lower case (`error-pages`, `serialize-error`, `send_error_digest`,
 * `alarm.errors`, but not `ERROR_ACCESS_DENIED` or `socket.error:`); in a path (`src/error_handler.c`, `[/error]`,
 * `errors/summary.html.erb`; not Celery's `ERROR/MainProcess`) or a file's
 * name (`errors.go`, `error.log`); a command-line option or its value
 * (`--loglevel=error`, `--no-warnings`, `-Wno-error=unused`, `-D warnings`,
 * `--log-level warning`).
 */
function isOwnWord(text: string, at: number, length: number): boolean {
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  const upper = isUpper(text.charCodeAt(at + 1));
  if (isLetter(before) && (!isUpper(text.charCodeAt(at)) || (upper && isUpper(before)))) return false;
  let end = at + length;
  const form = isLetter(text.charCodeAt(end)) ? INFLECTION.exec(text.slice(end, end + 4)) : null;
  if (form) end += form[0].length;
  const after = text.charCodeAt(end);
  if (isLetter(after)) {
    if (isUpper(after) ? !upper && !isLetter(before) : !form) return false;
  }
  if (!upper) {
    const joinedBefore = (before === 45 || before === 95) && isAlnum(text.charCodeAt(at - 2));
    const joinedAfter = (after === 45 || after === 95) && isAlnum(text.charCodeAt(end + 1));
    if (joinedBefore || joinedAfter || after === 47) return false;
    // A dotted name's last part in lower case (`aws_cloudwatch_metric_alarm.errors`), not an exception (`socket.error:`).
    if (before === 46 && !isUpper(text.charCodeAt(at)) && isAlnum(text.charCodeAt(at - 2)) && after !== 58)
      return false;
  }
  // In a path, after a directory.
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 47 || c === 92) return false;
    if (isTokenEdge(c)) break;
  }
  let tokenEnd = at + length;
  while (tokenEnd < text.length && !isTokenEdge(text.charCodeAt(tokenEnd))) tokenEnd++;
  if (tokenEnd > at + length + 1 && FILE_END.test(text.slice(at + length, tokenEnd))) return false;
  return !isOption(text, at) && !isLevelSetting(text, at, length);
}

/**
 * A setting of the level a logger lets through, which names a level without
 * logging at it (`logLevel: warning`, `LOG_LEVEL=error`, `min_level = "error"`,
 * `log level set to ERROR`).
 */
const LEVEL_SETTING =
  /(?:\blog[_-]?level|\bloglevel|\bmin(?:imum)?[_-]?(?:log[_-]?)?level|\bverbosity|\blog level(?: set)? to)["']?\s{0,4}[:=]?\s{0,4}["']?$/i;

/** What may follow a level a setting names: the end of the value. */
const SETTING_END = /^(?:$|[\s"',;}])/;

function isLevelSetting(text: string, at: number, length: number): boolean {
  return (
    SETTING_END.test(text.slice(at + length, at + length + 1)) &&
    LEVEL_SETTING.test(text.slice(Math.max(0, at - 40), at))
  );
}

/** Where a token of a line ends: white space, quotes, brackets, `,`, `;` and `=`. */
function isTokenEdge(c: number): boolean {
  return c <= 32 || TOKEN_EDGES.has(c);
}
const TOKEN_EDGES = new Set([...'"\'`()[]{}<>,;='].map((c) => c.charCodeAt(0)));

const isSpace = (c: number): boolean => c === 32 || c === 9;

/** True when the word at `at` is in a command-line option, or in the value of the option before it. */
function isOption(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  // The word's own token: `--loglevel=error`, `"--no-warnings`.
  let lead = start;
  const q = text.charCodeAt(lead);
  if (q === 34 || q === 39 || q === 40) lead++;
  if (text.charCodeAt(lead) === 45 && lead < at) return OPTION_START.test(text.slice(lead, lead + 3));
  if (start === 0) return false;
  // The token before: an option whose value the word is (`-D warnings`, `--log-level warning`).
  let previous = start - 1;
  while (previous > 0 && isSpace(text.charCodeAt(previous - 1))) previous--;
  let from = previous;
  while (from > 0 && !isSpace(text.charCodeAt(from - 1))) from--;
  return text.charCodeAt(from) === 45 && OPTION.test(text.slice(from, previous));
}

/** The class a reader gives a line with no level field: the words lib/extract acts on. */
/** Every word severityFromText acts on, case-insensitively: most lines fail this one search. */
const ANY_MARK =
  /error|warn|exception|fatal|panic|crit|emerg|severe|sig(?:segv|abrt|bus|fpe|ill)|segmentation fault/i;

/**
 * A test runner's report of a test that passed, whatever its name says
 * (`✓ returns an error when the status is 500`): jest's, vitest's, mocha's,
 * Playwright's and PHPUnit's testdox marks (`✓`, `✔`, `√`), jest's `PASS
 * file`, go test's `--- PASS:` and `=== RUN`, cargo's and unittest's `... ok`,
 * pytest's and Gradle's `PASSED`, CTest's `Test #2: name ....   Passed`,
 * GoogleTest's `[ RUN      ]` and `[       OK ]`; after a runner's time stamp too
 * (GitHub Actions' `2026-12-01T10:00:00.1234567Z ✓ …`).
 */
const PASSED_TEST =
  /^(?:\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?\]?\s{1,4})?\s{0,16}(?:[\u2713\u2714\u221a]\s|PASS\s|--- PASS: |=== (?:RUN|PAUSE|CONT|NAME)\s|\[\s{0,8}(?:OK|RUN|PASS|PASSED)\s{0,8}\]\s)|\.\.\. ok\s*$| PASSED(?: \[\s{0,3}\d{1,3}%\])?\s*$|\bTest\s{1,8}#\d{1,9}: \S{1,256} \.{0,256}\s{1,32}Passed\b/;

/** Parts one of which every PASSED_TEST line holds: most lines hold none, and are ruled out by this one search. */
const PASSED_HINT = /[\u2713\u2714\u221a]|PASS|=== |OK \]|\[ RUN|\.\.\. ok|Passed/;

export function isPassedTest(text: string): boolean {
  return PASSED_HINT.test(text) && PASSED_TEST.test(text);
}

/**
 * A line of a Terraform or OpenTofu plan that states configuration, not an
 * event: an attribute being added, changed or removed (`+ metric_name =
 * "5XXError"`, `~ alarm_name = "api-errors" -> "api-5xx-errors"`), a block
 * being made (`+ resource "aws_cloudwatch_metric_alarm" "api_errors" {`),
 * and the comment naming the change (`# aws_cloudwatch_metric_alarm.api_errors
 * will be created`); a runner's time stamp may lead it.
 */
const PLAN_LINE =
  /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z\s)?\s{2,32}(?:(?:[+~-]|-\/\+|\+\/-)\s{1,4}(?:(?:[\w.-]{1,128}|"[^"\n]{1,256}")\s{0,64}=\s|(?:resource|data|module) "[^"\n]{1,256}"(?: "[^"\n]{1,256}")? \{\s*$)|# \S{1,512} (?:will be|must be) (?:created|destroyed|replaced|updated in-place|read during apply)\b)/;

/**
 * systemd's report of a unit's progress, which names the unit and its
 * description (`Starting error-reporter.service - Error Reporter...`); its
 * failures are other lines (`Failed to start …`, `…: Failed with result …`).
 */
const UNIT_PROGRESS =
  /\bsystemd\[\d{1,10}\]: (?:Starting|Started|Stopping|Stopped|Reloading|Reloaded|Finished|Mounting|Mounted|Listening on|Reached target|Created slice|Removed slice) [\w@.\\:-]{1,256}\.(?:service|socket|target|timer|mount|slice|path|scope) - /;

/**
 * True for a line that states configuration or progress, whatever the names
 * and values in it say: a Terraform plan's (PLAN_LINE), systemd's progress of
 * a unit (UNIT_PROGRESS).
 */
export function isStateLine(text: string): boolean {
  return (text.includes('systemd[') && UNIT_PROGRESS.test(text)) || isPlanLine(text);
}

/** True for a Terraform plan's line of configuration (PLAN_LINE), whatever its values say. */
function isPlanLine(text: string): boolean {
  return (
    (text.includes(' = ') ||
      text.includes(' will be ') ||
      text.includes(' must be ') ||
      text.includes('" {')) &&
    PLAN_LINE.test(text)
  );
}

export function severityFromText(text: string): SeverityClass {
  if (!ANY_MARK.test(text) || isPassedTest(text) || isStateLine(text)) return 'unknown';
  const lower = text.toLowerCase();
  if (FATAL_MARK.test(text)) return 'fatal';
  if (says(text, lower, 'error') || ERROR_MARK.test(text)) return 'error';
  if (says(text, lower, 'warning') || WARNING_MARK.test(text)) return 'warning';
  return says(text, lower, 'exception') ? 'error' : 'unknown';
}

interface TextHeader {
  severity: SeverityClass;
  severityText?: string;
  message: string;
  time?: string;
  logger?: string;
}

/** A plain line's header (timestamp, level word) split from its message. */
export function readTextHeader(line: string): TextHeader {
  let rest = line;
  let time: string | undefined;
  const t = LEADING_TIME.exec(line);
  if (t?.[1]) {
    if (t[1].length >= 10) time = isoFromText(t[1].replace(/\//g, '-'));
    rest = line.slice(t[0].length);
  }
  const py = PYTHON_DEFAULT.exec(rest);
  if (py?.[1]) {
    const h: TextHeader = {
      severity: severityFromWord(py[1]) ?? 'unknown',
      severityText: py[1],
      message: rest.slice(py[0].length),
      logger: py[2] as string,
    };
    if (time) h.time = time;
    return h;
  }
  const low = LOWER_PREFIX.exec(rest);
  if (low?.[1]) {
    const h: TextHeader = {
      severity: severityFromWord(low[1]) ?? 'error',
      severityText: low[1],
      message: rest,
    };
    if (time) h.time = time;
    return h;
  }
  const head = rest.length > HEADER_SPAN ? rest.slice(0, HEADER_SPAN) : rest;
  const m = levelToken(head);
  if (m) {
    const { word, end } = m;
    const h: TextHeader = {
      severity: severityFromWord(word) ?? 'unknown',
      severityText: word,
      message: rest.slice(end).replace(/^[\s\]):>|-]*(?::\s+)?/, ''),
    };
    if (time) h.time = time;
    const before = end > word.length ? rest.slice(0, end - word.length) : '';
    const named = before === '' ? null : (HEADER_NAME.exec(before) ?? DASHED_LOGGER.exec(before));
    if (named?.[1]) h.logger = named[1];
    return h;
  }
  const h: TextHeader = { severity: severityFromText(rest), message: rest };
  if (time) h.time = time;
  return h;
}

/**
 * An HTTP access log line (nginx/Apache combined and common formats, Envoy's
 * default, Traefik's CLF): `"METHOD path HTTP/x" STATUS`, Envoy's response
 * flags (`UF`, `UT`, `URX`) after the status.
 */
const ACCESS =
  /"([A-Z]{3,10}) ([^\s"]{1,2048}) HTTP\/\d(?:\.\d)?" ([1-5]\d\d) (?:([A-Z]{2,5}(?:,[A-Z]{2,5}){0,8}) )?/;

/**
 * An access line answered with a 5xx (HAProxy's too): the server failed that request, an
 * error the request line and status name (`GET /api/orders/8812 HTTP 503 UF`);
 * the client, sizes, durations, agent and ids stay out of its message.
 * Other statuses are traffic, read as plain text.
 */
/**
 * HAProxy's HTTP log (`option httplog`), which prints the status before the
 * request: `… fe_https~ be_orders/app2 0/0/1/-1/30001 504 194 - - sH-- … "GET
 * /api/orders/8812 HTTP/1.1"`. The backend names the service (its server is
 * where), the termination state's first two letters say why the request ended
 * (`SC`: no server could take it, `sH`: the server's headers timed out).
 */
const HAPROXY =
  / ([\w.~-]{1,128})\/[^\s/]{1,128} -?\d{1,9}\/-?\d{1,9}\/-?\d{1,9}\/-?\d{1,9}\/\+?\d{1,9} ([1-5]\d\d) \+?\d{1,15} \S{1,256} \S{1,256} ([A-Za-z-]{2})[A-Za-z-]{2} .{0,1024}?"([A-Z]{3,10}) ([^\s"]{1,2048}) HTTP\/\d(?:\.\d)?"/;

function haproxyEvent(line: string): LogEvent | undefined {
  const m = HAPROXY.exec(line);
  if (!m || (m[2] as string).charCodeAt(0) !== 53) return undefined;
  return {
    severity: 'error',
    severityText: m[2] as string,
    message: `${m[1]}: ${m[4]} ${pathTemplate(m[5] as string)} HTTP ${m[2]} ${m[3]}`,
    context: { status: Number(m[2]) },
    format: 'access',
  };
}

/**
 * The columns of a W3C extended log (IIS, CloudFront), as its `#Fields:`
 * directive names them; null for a directive without `sc-status`.
 */
export interface W3cLayout {
  count: number;
  status: number;
  method: number;
  stem: number;
  /** IIS's sub-status (`500.19`: a bad configuration) and the Windows error it ended with. */
  substatus: number;
  win32: number;
  /** CloudFront's reason for an error (`OriginConnectError`, `OriginReadError`). */
  detail: number;
}

export function w3cLayout(directive: string): W3cLayout | null {
  if (!directive.startsWith('#Fields:')) return null;
  const names = directive.slice(8).trim().split(/\s+/);
  const status = names.indexOf('sc-status');
  if (status < 0) return null;
  return {
    count: names.length,
    status,
    method: names.indexOf('cs-method'),
    stem: names.indexOf('cs-uri-stem'),
    substatus: names.indexOf('sc-substatus'),
    win32: names.indexOf('sc-win32-status'),
    detail: names.indexOf('x-edge-detailed-result-type'),
  };
}

/**
 * A W3C log's request line answered with a 5xx, read by its directive's
 * columns (space-separated as IIS writes them, tab-separated as CloudFront
 * does): what an access line says (`POST /shop/checkout HTTP 500 substatus 19`), with
 * IIS's sub-status, the Windows error or CloudFront's reason when the log has them. Undefined for
 * other statuses, for a directive, and for a line that does not fit the columns.
 */
export function w3cEvent(line: string, layout: W3cLayout): LogEvent | undefined {
  if (line.startsWith('#') || line.length > 16_384) return undefined;
  const cols = line.split(line.includes('\t') ? '\t' : ' ');
  if (cols.length !== layout.count) return undefined;
  const status = cols[layout.status] as string;
  if (!/^5\d\d$/.test(status)) return undefined;
  const col = (i: number): string | undefined => (i >= 0 && cols[i] !== '-' ? cols[i] : undefined);
  const sub = col(layout.substatus);
  const win32 = col(layout.win32);
  const detail = col(layout.detail);
  const request = [col(layout.method), pathTemplate(col(layout.stem) ?? '/')].filter(Boolean).join(' ');
  const why = [
    sub !== undefined && /^[1-9]\d{0,3}$/.test(sub) ? `substatus ${sub}` : '',
    win32 !== undefined && /^[1-9]\d{0,9}$/.test(win32) ? `Windows error ${win32}` : '',
    detail !== undefined && /^\w{1,64}$/.test(detail) ? detail : '',
  ].filter(Boolean);
  return {
    severity: 'error',
    severityText: status,
    message: `${request} HTTP ${status}${why.length > 0 ? ` ${why.join(' ')}` : ''}`,
    context: { status: Number(status) },
    format: 'access',
  };
}

export function accessEvent(line: string): LogEvent | undefined {
  const clipped = line.length > 4096 ? line.slice(0, 4096) : line;
  const m = ACCESS.exec(clipped);
  if (!m) return haproxyEvent(clipped);
  if ((m[3] as string).charCodeAt(0) !== 53) return undefined;
  const flags = m[4] ? ` ${m[4]}` : '';
  const path = pathTemplate(m[2] as string);
  return {
    severity: 'error',
    severityText: m[3] as string,
    message: `${m[1]} ${path} HTTP ${m[3]}${flags}`,
    context: { status: Number(m[3]) },
    format: 'access',
  };
}

/**
 * Go's standard `log` package writes no level: `2026/12/01 10:00:05 open
 * /etc/shop/config.yaml: no such file or directory` is how most Go programs
 * report the error they got (`log.Printf("…: %v", err)`, `log.Fatal(err)`).
 * Such a line, with the package's date and time first (its optional prefix
 * before them, microseconds, `file.go:23: ` after), is a failure when its
 * message is, or ends in, the text of one of the operating-system errors
 * Go's syscall package and its `net` and `context` packages print (lower
 * case, as Go prints them: C's strerror capitalises them), or `exit status N`
 * of a command that failed (os/exec). A message led by its own INFO, DEBUG,
 * TRACE or NOTICE says it is none.
 */
export const GO_ERRORS = [
  'no such file or directory',
  'permission denied',
  'connection refused',
  'connection reset by peer',
  'broken pipe',
  'i/o timeout',
  'no such host',
  'network is unreachable',
  'too many open files',
  'no space left on device',
  'address already in use',
  'context deadline exceeded',
];
const GO_LOG_FAILURE = new RegExp(
  String.raw`^(?:[\w.[\]-]{1,64}:? )?\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})? (?:[\w./-]{0,256}\.go:\d{1,7}: )?` +
    String.raw`(?!\[?(?:INFO|DEBUG|TRACE|NOTICE|[Ii]nfo|[Dd]ebug|[Tt]race|[Nn]otice)\b)(?:[^\n]{0,1024}: )?` +
    String.raw`(?:${GO_ERRORS.join('|').replace('/', '\\/')}|exit status [1-9]\d{0,2})\s*$`,
  'm',
);

/** A line of Go's standard log that reports an error (GO_LOG_FAILURE). */
export function isGoLogFailure(line: string): boolean {
  return GO_LOG_FAILURE.test(line);
}

function textEvent(line: string): LogEvent {
  // Continuation lines (frames, wrapped text) have no header to read.
  const c = line.charCodeAt(0);
  if (c === 32 || c === 9 || line.length > MAX_STRUCTURED) {
    return {
      severity: severityFromText(clip(line, MESSAGE_MAX_CHARS)),
      message: clip(line, MESSAGE_MAX_CHARS),
      context: {},
      format: 'text',
    };
  }
  if (line.includes('HTTP/')) {
    const access = accessEvent(line);
    if (access) return access;
  }
  const h = readTextHeader(line);
  const e: LogEvent = {
    severity: h.severity === 'unknown' && isGoLogFailure(line) ? 'error' : h.severity,
    message: clip(h.message, MESSAGE_MAX_CHARS),
    context: {},
    format: 'text',
  };
  if (h.severityText !== undefined) e.severityText = h.severityText;
  if (h.logger) e.logger = h.logger;
  return withTime(e, h.time);
}

// ---------------------------------------------------------------- logfmt

const LOGFMT_KEY = /^[A-Za-z_@][\w.\-/@:]{0,127}$/;
const LOGFMT_KNOWN = new Set([
  'level',
  'lvl',
  'msg',
  'message',
  'time',
  'ts',
  't',
  'err',
  'error',
  'at',
  'severity',
  'caller',
  'logger',
  'event',
]);

/** logfmt pairs, or undefined when the line is not logfmt (prose with `=` in it, a bare first word). */
export function readLogfmt(line: string): Record<string, string> | undefined {
  const out: Record<string, string> = Object.create(null);
  let pairs = 0;
  let known = false;
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
    if (i >= n) break;
    let j = i;
    while (j < n) {
      const ch = line.charCodeAt(j);
      if (ch === 61 || ch === 32 || ch === 9) break;
      j++;
    }
    const key = line.slice(i, j);
    if (!LOGFMT_KEY.test(key)) return undefined;
    if (j >= n || line.charCodeAt(j) !== 61) {
      // A bare key is a logfmt flag, but a line must open with a pair.
      if (pairs === 0) return undefined;
      out[key] = 'true';
      i = j;
      continue;
    }
    j++;
    let value: string;
    if (line.charCodeAt(j) === 34) {
      let k = j + 1;
      let buf = '';
      let closed = false;
      while (k < n) {
        const ch = line.charCodeAt(k);
        if (ch === 92 && k + 1 < n) {
          const nx = line[k + 1] as string;
          buf += nx === 'n' ? '\n' : nx === 't' ? '\t' : nx;
          k += 2;
          continue;
        }
        if (ch === 34) {
          closed = true;
          break;
        }
        buf += line[k];
        k++;
      }
      if (!closed) return undefined;
      value = buf;
      i = k + 1;
      if (i < n && line.charCodeAt(i) !== 32 && line.charCodeAt(i) !== 9) return undefined;
    } else {
      let k = j;
      while (k < n && line.charCodeAt(k) !== 32 && line.charCodeAt(k) !== 9) k++;
      value = line.slice(j, k);
      if (value.includes('"')) return undefined;
      i = k;
    }
    out[key] = value;
    pairs++;
    if (LOGFMT_KNOWN.has(key)) known = true;
  }
  return pairs >= 2 || (pairs === 1 && known) ? out : undefined;
}

function logfmtEvent(line: string): LogEvent | undefined {
  // Cheap gate: the first word must hold '=' before any space.
  const sp = line.indexOf(' ');
  const eq = line.indexOf('=');
  if (eq <= 0 || (sp >= 0 && sp < eq)) return undefined;
  const pairs = readLogfmt(line);
  return pairs ? eventFromObject(pairs, { format: 'logfmt' }) : undefined;
}

// ---------------------------------------------------------------- Ruby's Logger

/**
 * Ruby's `Logger::Formatter` (Rails' production log, Sidekiq's and most Ruby
 * services'): the level's letter, the time and pid, the level, the program's
 * name. Rails' tagged logging leads the message with its tags; those holding a
 * digit (the request's id, the client's address) are where, not what.
 */
const RUBY_LOGGER =
  /^[DIWEFA], \[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?)\s{1,4}#(\d{1,10})\] {0,4}(DEBUG|INFO|WARN|ERROR|FATAL|ANY|UNKNOWN) -- ([^:\n]{0,128}): ?/;
const RUBY_LEVEL: Record<string, SeverityClass> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warning',
  ERROR: 'error',
  FATAL: 'fatal',
  ANY: 'unknown',
  UNKNOWN: 'unknown',
};
const ID_TAGS = /^(?:\[[^\]\s]{0,128}\d[^\]\s]{0,128}\] ?){1,8}/;

function rubyLoggerEvent(line: string): LogEvent | undefined {
  const m = RUBY_LOGGER.exec(line);
  if (!m) return undefined;
  const level = m[3] as string;
  const e: LogEvent = {
    severity: RUBY_LEVEL[level] ?? 'unknown',
    severityText: level,
    message: clip(line.slice(m[0].length).replace(ID_TAGS, '').trim(), MESSAGE_MAX_CHARS),
    context: { pid: Number(m[2]) },
    format: 'ruby',
  };
  if (m[4]?.trim()) e.logger = m[4].trim();
  return withTime(e, m[1]);
}

// ---------------------------------------------------------------- klog / glog

const KLOG =
  /^([IWEF])(\d\d)(\d\d) (\d\d:\d\d:\d\d\.\d{1,9})\s{1,16}(\d{1,10}) ([^\s:\]]{1,256}:\d{1,7})\] ?/;
const KLOG_LEVEL: Record<string, SeverityClass> = { I: 'info', W: 'warning', E: 'error', F: 'fatal' };

/**
 * CockroachDB's own layout (crdb-v1 and crdb-v2), klog's with the year in the
 * date, the file's path from the source root, and what follows it: crdb-v2's
 * `⋮` (the line may hold redaction markers) or a space, the context tags
 * (`[T1,n3,s3,r88/3:‹/Table/5{2-3}›]`) and the entry counter.
 */
const CRDB =
  /^([IWEF])\d\d(\d\d)(\d\d) (\d\d:\d\d:\d\d\.\d{1,9}) (\d{1,10}) ((?:[\w.@-]{1,64}\/){0,16}[\w.-]{1,128}\.go:\d{1,7})(?: ⋮ | {1,2})(?:\[([^\]]{0,512})\] )?(?:\d{1,12}(?:@\d{1,9})? {1,2}|[+|=] )?/;

function klogEvent(line: string): LogEvent | undefined {
  const m = KLOG.exec(line) ?? CRDB.exec(line);
  if (!m) return undefined;
  const letter = m[1] as string;
  let message = line.slice(m[0].length);
  const context: Record<string, string | number | boolean> = { thread: Number(m[5]), caller: m[6] as string };
  const e: LogEvent = {
    severity: KLOG_LEVEL[letter] ?? 'unknown',
    severityText: letter,
    message,
    context,
    format: 'klog',
  };
  // klog v2 structured: `"message" key="value" …`.
  if (message.startsWith('"')) {
    const q = readQuoted(message, 0);
    if (q) {
      const pairs = q.end >= message.length ? {} : readLogfmt(`_msg=x${message.slice(q.end)}`);
      if (pairs) {
        message = q.value;
        delete pairs._msg;
        for (const [k, v] of Object.entries(pairs)) {
          if ((k === 'err' || k === 'error') && !e.error) e.error = { message: v };
          else context[k] = clip(v, 512);
        }
      }
    }
  }
  e.message = clip(message, MESSAGE_MAX_CHARS);
  return e;
}

/** A Go-quoted string starting at `at`: its value and the index after the closing quote. */
function readQuoted(s: string, at: number): { value: string; end: number } | undefined {
  let buf = '';
  for (let k = at + 1; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 92 && k + 1 < s.length) {
      const nx = s[k + 1] as string;
      buf += nx === 'n' ? '\n' : nx === 't' ? '\t' : nx;
      k++;
    } else if (ch === 34) return { value: buf, end: k + 1 };
    else buf += s[k];
  }
  return undefined;
}

// ---------------------------------------------------------------- logcat

const LOGCAT_LEVEL: Record<string, SeverityClass> = {
  V: 'debug',
  D: 'debug',
  I: 'info',
  W: 'warning',
  E: 'error',
  F: 'fatal',
  A: 'fatal',
};
/** threadtime: `MM-DD hh:mm:ss.mmm  pid  tid L Tag: msg` (optionally with the year). */
const LOGCAT_THREADTIME =
  /^(?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s{1,8}(\d{1,10})\s{1,8}(\d{1,10})\s([VDIWEFA])\s([^:]{0,128}?)\s{0,64}: ?/;
/** time: `MM-DD hh:mm:ss.mmm L/Tag( pid): msg`. */
const LOGCAT_TIME =
  /^(?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s{1,8}([VDIWEFA])\/([^(]{0,128}?)\(\s{0,8}(\d{1,10})\): ?/;
/** brief: `L/Tag( pid): msg`. */
const LOGCAT_BRIEF = /^([VDIWEFA])\/([^(]{0,128}?)\(\s{0,8}(\d{1,10})\): ?/;

function logcat(level: string, tag: string, pid: string, tid: string | undefined, message: string): LogEvent {
  const context: Record<string, string | number | boolean> = { pid: Number(pid) };
  if (tid !== undefined) context.tid = Number(tid);
  const e: LogEvent = {
    severity: LOGCAT_LEVEL[level] ?? 'unknown',
    severityText: level,
    message: clip(message, MESSAGE_MAX_CHARS),
    context,
    format: 'logcat',
  };
  const t = tag.trim();
  if (t) e.logger = t;
  return e;
}

function logcatEvent(line: string): LogEvent | undefined {
  if (line.charCodeAt(2) !== 45 && line.charCodeAt(4) !== 45) return undefined;
  const m = LOGCAT_THREADTIME.exec(line);
  if (m)
    return logcat(m[3] as string, m[4] as string, m[1] as string, m[2] as string, line.slice(m[0].length));
  const t = LOGCAT_TIME.exec(line);
  if (t) return logcat(t[1] as string, t[2] as string, t[3] as string, undefined, line.slice(t[0].length));
  return undefined;
}

function logcatBriefEvent(line: string): LogEvent | undefined {
  const m = LOGCAT_BRIEF.exec(line);
  return m
    ? logcat(m[1] as string, m[2] as string, m[3] as string, undefined, line.slice(m[0].length))
    : undefined;
}

// ---------------------------------------------------------------- syslog

const MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
const SYSLOG_SEVERITY_NAMES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
/** RFC 3164 after the PRI: timestamp, host, `tag[pid]:`, message. */
const BSD_SYSLOG =
  /^([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) ([^\s:]{1,255}|[\da-fA-F:]{2,39}) ([^\s:[\]]{1,64})(?:\[([^\]\s]{0,32})\])?: ?/;
/** As rsyslog's default file format writes it: an RFC 3339 timestamp instead of the BSD one (`journalctl -o short-iso` writes the zone as `+0000`). */
const ISO_SYSLOG =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)) ([^\s:[\]]{1,255}) ([^\s:[\]]{1,64})(?:\[([^\]\s]{0,32})\])?: ?/;
/** Local syslog with only a PRI and a tag: `<11>app[12]: …`. */
const TAG_ONLY = /^([^\s:[\]]{1,64})(?:\[([^\]\s]{0,32})\])?: /;
const RFC5424 = /^(\d{1,2}) (\S{1,64}) (\S{1,255}) (\S{1,48}) (\S{1,128}) (\S{1,32}) /;

function syslogBase(
  pri: number | undefined,
  host: string | undefined,
  tag: string | undefined,
  pid: string | undefined,
  message: string,
): LogEvent {
  const context: Record<string, string | number | boolean> = {};
  let e: LogEvent;
  // A web server's or proxy's access line sent to syslog (HAProxy logs at info) answered with a 5xx.
  const access = message.includes('HTTP/') ? accessEvent(message) : undefined;
  if (access) {
    e = { ...access, context: { ...access.context } };
    Object.assign(context, e.context);
    e.context = context;
    if (pri !== undefined) context.facility = pri >> 3;
  } else if (pri !== undefined) {
    const sev = pri & 7;
    context.facility = pri >> 3;
    e = {
      severity: syslogSeverity(sev),
      severityText: SYSLOG_SEVERITY_NAMES[sev] as string,
      message: clip(message, MESSAGE_MAX_CHARS),
      context,
      format: 'syslog',
    };
  } else if (pid !== undefined && isStateLine(`${tag}[${pid}]: ${message}`)) {
    // systemd's progress of a unit, at info in the journal, whatever the unit's description says.
    e = { severity: 'info', message: clip(message, MESSAGE_MAX_CHARS), context, format: 'syslog' };
  } else {
    // Files drop the PRI: the message's own level word is all there is.
    const h = readTextHeader(message);
    e = { severity: h.severity, message: clip(h.message, MESSAGE_MAX_CHARS), context, format: 'syslog' };
    if (h.severityText !== undefined) e.severityText = h.severityText;
  }
  if (pid) context.pid = /^\d+$/.test(pid) ? Number(pid) : pid;
  if (host && host !== '-') e.host = host;
  if (tag && tag !== '-') e.logger = tag;
  // An application's JSON record sent through syslog (journald's forwarding, Docker's syslog
  // driver, rsyslog's imfile): read as the record it is, the syslog header its context.
  const record =
    message.charCodeAt(0) === 123 && message.length <= MAX_STRUCTURED && lastNonSpace(message) === 125
      ? parseObject(message)
      : undefined;
  return record ? mergeInner(e, eventFromObject(record)) : e;
}

/**
 * A level word where the host stands (`2026-12-01T10:00:01Z ERROR db: …`) says
 * the line is an application's own `time level logger: message`, not syslog:
 * no host is named ERROR.
 */
const LEVEL_WORD =
  /^(?:trace|debug|info|notice|warn|warning|error|err|fatal|crit|critical|alert|emerg|severe|panic)$/i;

function bsdSyslogEvent(line: string, pri: number | undefined): LogEvent | undefined {
  const m = BSD_SYSLOG.exec(line);
  if (m && LEVEL_WORD.test(m[2] as string)) return undefined;
  if (m) {
    const e = syslogBase(pri, m[2], m[3], m[4], line.slice(m[0].length));
    e.context.timestamp = m[1] as string;
    return e;
  }
  const iso = ISO_SYSLOG.exec(line);
  if (iso && LEVEL_WORD.test(iso[2] as string)) return undefined;
  if (iso)
    return withTime(
      syslogBase(pri, iso[2], iso[3], iso[4], line.slice(iso[0].length)),
      isoFromText(iso[1] as string),
    );
  if (pri === undefined) return undefined;
  const t = TAG_ONLY.exec(line);
  if (t) return syslogBase(pri, undefined, t[1], t[2], line.slice(t[0].length));
  return syslogBase(pri, undefined, undefined, undefined, line);
}

function isoSyslogEvent(line: string): LogEvent | undefined {
  if (line.charCodeAt(4) !== 45 || line.charCodeAt(10) !== 84) return undefined;
  return bsdSyslogEvent(line, undefined);
}

function syslogEvent(line: string): LogEvent | undefined {
  const p = /^<(\d{1,3})>/.exec(line);
  if (!p) return undefined;
  const pri = Number(p[1]);
  if (pri > 191) return undefined;
  const rest = line.slice(p[0].length);
  const v = RFC5424.exec(rest);
  if (v && v[1] !== '0') return rfc5424(pri, v, rest.slice(v[0].length));
  return bsdSyslogEvent(rest, pri);
}

function nil(v: string | undefined): string | undefined {
  return v === undefined || v === '-' ? undefined : v;
}

function rfc5424(pri: number, head: RegExpExecArray, afterHead: string): LogEvent | undefined {
  const sd = readStructuredData(afterHead);
  if (!sd) return undefined;
  let message = afterHead.slice(sd.end);
  if (message.startsWith(' ')) message = message.slice(1);
  if (message.charCodeAt(0) === 0xfeff) message = message.slice(1);
  const e = syslogBase(pri, nil(head[3]), nil(head[4]), nil(head[5]), message);
  const msgid = nil(head[6]);
  if (msgid) e.context.msgid = msgid;
  for (const [k, v] of sd.params) {
    if (Object.keys(e.context).length >= 64) break;
    e.context[k] = clip(v, 512);
  }
  const ts = nil(head[2]);
  return withTime(e, ts ? isoFromText(ts) : undefined);
}

/** RFC 5424 STRUCTURED-DATA: `-` or `[id k="v" …]…`, values with `\"`, `\\`, `\]` escapes. */
function readStructuredData(s: string): { end: number; params: Array<[string, string]> } | undefined {
  if (s.startsWith('-')) return { end: 1, params: [] };
  const params: Array<[string, string]> = [];
  let i = 0;
  const n = s.length;
  if (s.charCodeAt(0) !== 91) return undefined;
  while (i < n && s.charCodeAt(i) === 91) {
    let j = i + 1;
    while (j < n && s.charCodeAt(j) !== 32 && s.charCodeAt(j) !== 93) j++;
    const id = s.slice(i + 1, j);
    if (!id) return undefined;
    while (j < n && s.charCodeAt(j) === 32) {
      j++;
      const eq = s.indexOf('=', j);
      if (eq < 0 || s.charCodeAt(eq + 1) !== 34) return undefined;
      const name = s.slice(j, eq);
      const q = readQuoted(s, eq + 1);
      if (!q) return undefined;
      params.push([`${id}.${name}`, q.value]);
      j = q.end;
    }
    if (s.charCodeAt(j) !== 93) return undefined;
    i = j + 1;
  }
  return { end: i, params };
}
