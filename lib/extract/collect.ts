/**
 * The failure-line state machine: which lines are failure lines, which belong
 * to call-stack blocks, the report type; it feeds the extract and the signature.
 *
 * It sees only the lines the scanner flags, plus every line while a block is
 * open (see `wantsEveryLine`). Blocks:
 *  - fenced: between two lines of exactly 78 '=' (original rule);
 *  - callstack: from a line containing "callstack" to the next blank line (original rule);
 *  - python: `Traceback (most recent call last):`, indented lines, then the exception line;
 *  - trace: any failure line followed by frames of a known runtime (JVM, Node,
 *    .NET, Go, gdb/lldb, sanitizers, Ruby, PHP, Rust), running while lines are
 *    frames or chain/section lines; one blank line is allowed inside (Go dumps).
 * A block with frames makes the log a crash (type C) even if no line says "error".
 *
 * A line written in a structured format (a JSON object, logfmt, klog/glog,
 * Android logcat, syslog; lib/records) is read as the record it is: its level
 * decides whether it is a failure, and a failure record adds the entry a
 * stream would count for it (event.ts `failureOfRecord`), so context fields
 * (users, hosts, request ids, times) never reach the signature and a stack in
 * a JSON field is read as frames. A line-format record (klog, logcat, syslog)
 * may open a trace, its following lines of the same format read by their
 * messages (logcat prints a crash one frame a line).
 */
import { type ReportType, TAG_KEYS, type TagKey, type TagValues } from '#lib/model';
import { isOtlpLogsRequest, otlpRequestEvents } from '#lib/records/bodies/otlp';
import {
  accessEvent,
  isPassedTest,
  isStateLine,
  parseLine,
  says,
  type W3cLayout,
  w3cEvent,
  w3cLayout,
  withoutAnsi,
} from '#lib/records/line';
import type { LogEvent } from '#lib/records/model';
import { Unwrapper } from './carried.ts';
import { isFailureWithoutLevel, type RecordSignature, recordSignature, tagValuesOf } from './event.ts';
import { maskLine, withoutStamp } from './mask.ts';
import { isFlagged, type LineSink } from './scan.ts';
import { MAX_ENTRIES, SignatureSet, StackBlock } from './signature.ts';
import { exceptionSignature, frameOf, isPythonTraceback, isStackContinuation } from './stack.ts';
import { type Headline, headlineOf, isRunSummary } from './title.ts';

const FENCE = '='.repeat(78);

/** Beyond the original `error`: levels and crash words a reader of logs treats as errors. */
const ERROR_MARK =
  /\b(?:FATAL|CRIT|CRITICAL|SEVERE|EMERG|PANIC)\b|\b(?:fatal|panic):|panicked at|\[(?:[a-z_]{1,32}:)?(?:fatal|crit|critical|severe|emerg|alert|ALERT)\]|[Ss]egmentation [Ff]ault|\bSIG(?:SEGV|ABRT|BUS|FPE|ILL)\b|\b(?:ERR|FTL)\]|^(?:fail|crit): /;
/** Serilog's `[10:00:00 WRN]` and `ERR`/`FTL` above; Microsoft.Extensions.Logging's `fail: `, `crit: `, `warn: `. */
const WARNING_MARK = /\bWARN\b|\bwarn(?::|\])|\bWRN\]/;
/**
 * A section title after which frames follow, the failure itself having been
 * logged before; Apple's crash reports title the crashed thread's frames
 * `Thread 0 Crashed:` (`Thread 0 Crashed:: Dispatch queue: …` in newer ones).
 */
const STACK_TITLE =
  /^\s{0,8}(?:stack backtrace|stack traceback|backtrace|stack ?trace|call ?stack)\s{0,4}:\s*$|^Thread \d{1,4} Crashed:(?::? .{0,256})?$/i;
const GOROUTINE = /^goroutine \d{1,12} /;
/** First frame of a stack printed without a head line (gdb, lldb). */
const FRAME_ZERO = /^\s*(?:\* )?(?:frame )?#0[: ]/;
/**
 * Rust >= 1.73 ends the panic line with its location and a colon, and prints
 * the panic's message on the next line: that line is part of the failure.
 */
const PANIC_AT = /\bpanicked at \S{1,512}:\d{1,9}:\d{1,9}:\s*$/;
/**
 * The Dart VM's report of an uncaught error (`dart run`, a Flutter test):
 * `Unhandled exception:` alone on its line, the error (`Bad state: No
 * element`) on the next, then its frames.
 */
const DART_UNHANDLED = /^Unhandled exception:\s*$/;
/**
 * Spring Boot's failure analysis: `APPLICATION FAILED TO START` between lines
 * of stars, then `Description:` and, after a blank line, what failed (`Web
 * server failed to start. Port 8080 was already in use.`), which is the failure.
 */
const SPRING_FAILED = /^APPLICATION FAILED TO START\s*$/;
const SPRING_SKIPPED = /^(?:\*{3,}|Description:)\s*$/;
/** An Apple crash report: its exception line, the crashed thread's title, the header lines that say what failed. */
const APPLE_EXCEPTION = /^Exception Type:\s{1,16}\S/;
const APPLE_CRASHED = /^Thread \d{1,4} Crashed:/;
const APPLE_HEADER = /^(?:Exception (?:Subtype|Codes|Note|Reason)|Termination (?:Reason|Description)):\s/;
/** Lines of a report read for its crashed thread before giving up on one. */
const APPLE_REPORT_MAX_LINES = 2000;

/**
 * Microsoft.Extensions.Logging's console format: `fail: Category[eventId]`
 * alone on its line, the message on the next, indented.
 */
const MEL_HEAD = /^(?:fail|crit|warn): [\w.`+<>-]{1,256}\[\d{1,10}\]\s*$/;

/**
 * PowerShell 7's ConciseView of a script's error: the command and where it ran
 * (`Get-Item: C:\deploy\deploy.ps1:12`), then a `Line |` block: the line of
 * the script, its underline of `~`, and the message (`     | Cannot find path
 * …`), wrapped over as many `|` lines as it needs. The message is the failure;
 * the script's line and its underline are not read into it.
 */
const PWSH_HEAD = /^[A-Za-z][\w.-]{0,64}: .{1,512}\.ps[dm]?1:\d{1,7}\s*$/;
const PWSH_LINE = /^(?:Line \|\s*|\s{0,12}\d{1,7} \|.*|\s{1,16}\|(?: (.*))?)$/;

/**
 * Ansible's failed task (`fatal: [web-1]: FAILED! => {…}`, `fatal: [web-1]:
 * UNREACHABLE! => …`); right under it, `...ignoring` says the play went on
 * past it (`ignore_errors`, `ignore_unreachable`): the recap counts it
 * `ignored`, not `failed`.
 */
const ANSIBLE_FAILED = /^fatal: \[[^\]\n]{1,256}\]: (?:FAILED|UNREACHABLE)! =>/;
const ANSIBLE_IGNORED = '...ignoring';
/**
 * mocha's report, after its tally (`  1 failing`): each failure under its
 * number (`  1) Cart`), the suites and the test's title on the indented lines
 * under it, the last ending in `:` (`       applies the discount:`), then the
 * error (`      AssertionError [ERR_ASSERTION]: Expected values to be
 * strictly equal:`), a diff of the values and the error's frames. Which test
 * failed is the failure's, so two tests failing on one assertion are two.
 */
const MOCHA_TALLY = /^ {2}\d{1,6} failing\s*$/;
const MOCHA_HEAD = /^ {2}\d{1,6}\) \S/;
/** The head of each failure of a Gradle build that went on after one (`--continue`). */
const GRADLE_NUMBERED = /^\d{1,3}: Task failed with an exception\.\s*$/;
/** Gradle's banners, which name no failure (GRADLE_FAILED's first two). */
const GRADLE_BANNER =
  /^(?:FAILURE: Build failed with an exception|\d{1,3}: Task failed with an exception)\.\s*$/;
/**
 * Gradle's `FAILURE: Build failed with an exception.`: what failed is under
 * `* What went wrong:` (`Execution failed for task ':app:compileJava'.`, `>
 * Could not find com.shop:ui-kit:2.1.0.`), up to the next `* ` section. A
 * build that went on after a failure (`--continue`) says `FAILURE: Build
 * completed with 2 failures.`, then each under its number (`1: Task failed
 * with an exception.`, a line of dashes, its own `* What went wrong:`).
 * Where the log starts below the banner, `Execution failed for task
 * ':app:test'.` heads the failure, the `> ` lines under it its message.
 */
const GRADLE_FAILED = new RegExp(
  String.raw`${GRADLE_BANNER.source}|^Execution failed for task '[^'\n]{1,256}'\.\s*$`,
);
/** CMake's `CMake Error at CMakeLists.txt:12 (find_package):`, its message indented under it. */
const CMAKE_HEAD = /^CMake (?:Error|Warning(?: \(dev\))?) at .{1,512}:\d{1,7} \(\w{1,64}\):\s*$/;

/** SQL Server's error as sqlcmd prints it: `Msg 2627, Level 14, State 1, Server db1, Line 12`, its message next. */
const SQLCMD_MSG = /^Msg \d{1,6}, Level \d{1,2}, State \d{1,3}, /;

/**
 * javac's diagnostic (`Cart.java:23: error: cannot find symbol`), then the
 * source line and a caret under the column, then for a missing symbol what
 * it was and where it was looked for (`  symbol:   method totalOf(List<Item>)`,
 * `  location: variable pricer of type Pricer`): those two lines say which
 * symbol, and so which failure. Maven prints the diagnostic as `[ERROR]
 * …/Cart.java:[23,22] cannot find symbol`, the two lines right under it.
 */
const JAVAC_HEAD =
  /^\S{1,512}\.java:\d{1,7}: (?:error|warning): \S|^\[(?:ERROR|WARNING)\] \S{1,512}\.java:\[\d{1,7},\d{1,7}\] \S/;
const JAVAC_DETAIL = /^\s{1,16}(symbol|location)\s{0,16}:\s{1,16}(\S.{0,1024})$/;

/**
 * Terraform's diagnostic box: `│ Error: Unsupported argument`, then `│ `
 * lines to the box's end (`╵`): where (`on variables.tf line 4, in variable
 * "region":`, `with aws_instance.web,`) and the detail (`An argument named
 * "defualt" is not expected here.`) are the failure; the source lines
 * (`│    4:   defualt = 1`), the values under them (`│     │ var.x is …`) and a
 * state lock's holder are not.
 */
const TERRAFORM_HEAD = /^\u2502 (?:Error|Warning): \S/;
const TERRAFORM_LINE = /^\u2502(?: (.*))?$/;
const TERRAFORM_SKIPPED = /^(?:\d{1,7}:\s|[\u2502\u251c\u2500])/;
/** A state lock's holder (`Lock Info:` then `  ID:`, `  Who:`, `  Created:` …): whose run, not what failed. */
const TERRAFORM_LOCK = /^\s{2,8}(?:ID|Path|Operation|Who|Version|Created|Info):/;

/** The failures whose message is a block of lines after their head, read up to this many characters. */
type BlockMessage = 'pwsh' | 'gradle' | 'cmake' | 'javac' | 'terraform';
const BLOCK_MESSAGE_MAX_CHARS = 4096;

/**
 * What a line after the head of such a block is to it (`index` lines after it): a line of
 * its message, a line of the block to pass over, or past its end.
 */
function blockMessageLine(
  from: BlockMessage,
  head: string,
  text: string,
  index: number,
): { take: string } | 'skip' | 'end' {
  if (from === 'terraform') {
    const line = TERRAFORM_LINE.exec(text);
    if (line === null) return 'end';
    const said = line[1]?.trim() ?? '';
    const passed = said === '' || TERRAFORM_SKIPPED.test(said) || TERRAFORM_LOCK.test(line[1] ?? '');
    return passed ? 'skip' : { take: said };
  }
  if (from === 'javac') {
    const detail = JAVAC_DETAIL.exec(text);
    if (detail) return { take: `${detail[1]}: ${detail[2]?.trim()}` };
    // javac's source line, then the caret under the column (Maven prints neither).
    const source = index === 0 && !head.startsWith('[') && text.trim() !== '' && !JAVAC_HEAD.test(text);
    return source || /^\s*\^\s*$/.test(text) ? 'skip' : 'end';
  }
  if (from === 'pwsh') {
    const line = PWSH_LINE.exec(text);
    if (line === null) return 'end';
    const message = line[1]?.trim() ?? '';
    return message === '' || /^~+$/.test(message) ? 'skip' : { take: message };
  }
  if (from === 'gradle') {
    if (text === '* What went wrong:' || /^-{3,}\s*$/.test(text)) return 'skip';
    // The next section, the separator between failures, the next failure, the build's last word.
    if (
      text.startsWith('* ') ||
      /^(?:={10,}|BUILD (?:FAILED|SUCCESSFUL)\b)/.test(text) ||
      GRADLE_BANNER.test(text)
    )
      return 'end';
    return { take: text.replace(/^\s*>\s?/, '').trim() };
  }
  return /^\s{2,16}\S/.test(text) ? { take: text.trim() } : 'end';
}

/**
 * jest's failed test or suite (`● Cart › applies the discount`, `● Test suite
 * failed to run`): what failed is indented under it, after a blank line
 * (`    Cannot find module '@shop/http' from 'src/api.ts'`).
 */
const JEST_HEAD = /^\s{0,8}\u25cf \S/;
/**
 * A failure line that ends where its message should start (vite's `error
 * during build:`, esbuild's `Error: Build failed with 1 error:`): the message
 * is the next line (`[vite]: Rollup failed to resolve import "x" from …`),
 * unless that says a failure of its own. Not an exception's line, whose
 * message the stack's reading continues.
 */
const COLON_HEAD =
  /^(?![\w$.]{1,256}(?:Exception|Error|Throwable)\b)(?:.{0,512}[\s\]])?(?:error|Error|ERROR)\b[^:\n]{0,64}:\s*$/;

/** What follows a head line, read into its failure: its message, or a block of it. */
type MessageAfter = 'panic' | 'dart' | 'spring' | 'mel' | 'sqlcmd' | 'colon' | BlockMessage;
/** What the lines after a head are to it (MESSAGE_AFTER); null for most heads, whose message is their own. */
function messageAfter(text: string): MessageAfter | null {
  for (let i = 0; i < MESSAGE_AFTER.length; i++) {
    const [head, after] = MESSAGE_AFTER[i]!;
    if (head.test(text)) return after;
  }
  // Cheap first: a head that stops at a colon ends in one.
  let end = text.length - 1;
  while (end > 0 && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end--;
  return text.charCodeAt(end) === 58 && COLON_HEAD.test(text) ? 'colon' : null;
}

/** The heads whose message is on the lines after them, first match wins; `mel` takes an indented line. */
const MESSAGE_AFTER: ReadonlyArray<readonly [RegExp, MessageAfter]> = [
  [PANIC_AT, 'panic'],
  [DART_UNHANDLED, 'dart'],
  [SPRING_FAILED, 'spring'],
  [MEL_HEAD, 'mel'],
  [JEST_HEAD, 'mel'],
  [PWSH_HEAD, 'pwsh'],
  [GRADLE_FAILED, 'gradle'],
  [CMAKE_HEAD, 'cmake'],
  [SQLCMD_MSG, 'sqlcmd'],
  [JAVAC_HEAD, 'javac'],
  [TERRAFORM_HEAD, 'terraform'],
];

/**
 * Line starts of the structured formats lib/records reads (only such lines are
 * handed to it: a plain line would come back as text at a parser's cost).
 */
const STRUCTURED_START =
  /^(?:<\d{1,3}>|[DIWEFA], \[\d{4}-|[IWEF]\d{4}(?:\d\d)? \d\d:\d\d:\d\d\.\d|(?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s{1,8}(?:\d{1,10}\s|[VDIWEFA]\/)|[VDIWEFA]\/[^(\s]{0,128}\s{0,8}\(\s{0,8}\d{1,10}\): |[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S{0,16} [^\s:[\]]{1,255} [^\s:[\]]{1,64}(?:\[[^\]\s]{0,32}\])?: |[A-Za-z_@][\w.\-/@:]{0,127}=|\d{1,10}:[XCSM] \d\d [A-Z][a-z]{2} \d{4} |\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}[+-]\d{4} +0x|(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S{0,16}|\d[\d.]{8,20}(?:e\+09)?)\t[A-Za-z]{4,6}\t|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t[\w-]{9,36}\t[A-Z]{4,5}\t|\[[A-Z]{4,8}\]\t\d{4}-)/;

/**
 * A line another writer logged (a record, or a line stamped with its time):
 * where stderr and stdout interleave it may stand where a panic's message would.
 */
function isLogLine(text: string): boolean {
  return recordOf(text) !== null || parseLine(text).time !== undefined;
}

/**
 * A line of the OpenTelemetry Collector's `file` exporter: an export request
 * in OTLP's JSON encoding, each of its records read as a line of its own
 * (a line longer than the scanner keeps is read as text).
 */
const OTLP_LINE = '{"resource';

function otlpLineEvents(text: string): LogEvent[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return isOtlpLogsRequest(parsed) ? otlpRequestEvents(parsed).events : null;
}

/** A record of an export request as the extract shows it: time, level, scope, message and stack. */
function eventLine(event: LogEvent): string {
  const head = [event.time, event.severityText ?? event.severity, event.logger && `${event.logger}:`]
    .filter(Boolean)
    .join(' ');
  const error = event.error;
  const said = [
    event.message,
    error?.type && error.message ? `${error.type}: ${error.message}` : error?.message,
  ]
    .filter((part, i, all) => part && all.indexOf(part) === i)
    .join(' ');
  return `${head} ${said}${error?.stack ? `\n${error.stack}` : ''}`;
}

/** The exception Lambda's Python runtime prints before its traceback: `[ERROR] KeyError: 'user_id'`. */
const LEADING_EXCEPTION =
  /^\[ERROR\] ((?:[A-Za-z_][\w]*\.){0,8}[A-Za-z_]\w*(?:Error|Exception|Exit|Interrupt|Iteration|Warning)(?::.*)?)$/;
/** A Python exception line: its class (dotted, or the builtins that do not end in Error) first. */
const PYTHON_EXCEPTION = /^(?:[A-Za-z_]\w*\.){0,16}[A-Za-z_]\w*(?::|$)/;

/** True when the line starts like a structured format: a JSON object, or a line format's header. */
function mayBeRecord(text: string): boolean {
  if (text.charCodeAt(0) !== 123) return STRUCTURED_START.test(text);
  let i = text.length - 1;
  while (i > 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return text.charCodeAt(i) === 125;
}

/**
 * Formats that print a stack one line a record, each line under its own header
 * (logcat's AndroidRuntime, a JVM logging to syslog, klog, Rails' backtrace through Ruby's Logger): a trace one of their
 * records opens reads its next lines by their messages.
 */
const HEADED_FORMATS = new Set(['logcat', 'klog', 'syslog', 'ruby']);

/** What a line starts with, as headers of one format do: a digit, '<', a capital, else 0. */
function leadOf(text: string): number {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return 48;
  return c === 60 || (c >= 65 && c <= 90) ? (c === 60 ? 60 : 65) : 0;
}

/** A record's line before its message, or null when the message is not the line's end as written. */
function headerOf(text: string, record: LogEvent): string | null {
  return record.message !== '' && text.endsWith(record.message)
    ? text.slice(0, text.length - record.message.length)
    : null;
}

/** The record a line is, when it is written in a structured format; null for a plain line. */
function recordOf(text: string): LogEvent | null {
  if (!mayBeRecord(text)) return null;
  const record = parseLine(text);
  return record.format === 'text' ? null : record;
}

enum Severity {
  None = 0,
  Warning = 1,
  Error = 2,
}

function severityOf(text: string, lower: string): Severity {
  if (isPassedTest(text) || isStateLine(text)) return Severity.None;
  if (says(text, lower, 'error') || ERROR_MARK.test(text)) return Severity.Error;
  // A warning that mentions an exception is still a warning: the level says how bad it is.
  if (says(text, lower, 'warning') || WARNING_MARK.test(text)) return Severity.Warning;
  if (says(text, lower, 'exception')) return Severity.Error;
  return isFailureWithoutLevel(text) ? Severity.Error : Severity.None;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

type Mode = 'none' | 'fenced' | 'callstack' | 'python' | 'trace';

export interface Collected {
  type: ReportType | null;
  extract: string;
  extractTruncated: boolean;
  signature: string;
  /** The title and culprit, read from the entries in the log's order (the first failure leads). */
  headline?: Headline;
  /** The context values of its failure records (lib/model TAG_KEYS); absent when none carried any. */
  tags?: TagLists;
}

/** Distinct values per tag key, in the order first seen. */
export type TagLists = Partial<Record<TagKey, string[]>>;
/** Distinct values per key a document keeps (a document is one occurrence: a few suffice). */
export const TAG_DOCUMENT_VALUES = 10;

/**
 * One failure entry as it closes (a failure line, or a stack block): the unit
 * a stream counts on its own report (DESIGN.md §2.1, `unit=event`).
 */
export interface CollectedEntry {
  type: ReportType;
  /** The entry's part of the signature: the same text a document's signature holds for it. */
  signature: string;
  /** Its raw lines ('\n'-joined, bounded). */
  text: string;
  /** Offset of its first line in the input, when the scanner gave one. */
  at?: number;
  /** The context of the record that opened it. */
  tags?: TagValues;
}

/** An entry's raw lines kept for its report's extract: the first of them, within this budget. */
const ENTRY_MAX_LINES = 256;
const ENTRY_MAX_CHARS = 32 * 1024;

export class Collector implements LineSink {
  private mode: Mode = 'none';
  private block: StackBlock | null = null;
  /** The line that opened a trace, kept as a plain entry if no frame follows. */
  private pendingHead: string | null = null;
  /** Fenced block: its first line is the head. */
  private awaitingHead = false;
  /** Trace: a blank line was seen; the next line must continue the stack or it ends. */
  private gap = false;
  /** Trace: goroutine headers seen (Go dumps). */
  private goroutines = 0;
  /** Trace: the head's message is on the next line, not yet read (a Rust panic, .NET's console logger). */
  private messageNext: MessageAfter | null = null;
  /** Lines read of a block message (messageNext) so far. */
  private blockMessageLines = 0;
  /** What the document held before an Ansible task's failure that may be followed by `...ignoring`. */
  private ignorable: {
    hasError: boolean;
    hasWarning: boolean;
    parts: number;
    bytes: number;
    truncated: boolean;
  } | null = null;
  /** mocha's tally of failures was read: its numbered lines are failures. */
  private mochaFailures = false;
  /** Where the reading of a mocha failure is (its title lines, its error, its frames), or of jest's past its message. */
  private indentedStage: 'title' | 'error' | 'frames' | null = null;
  /** A failure of a Gradle build that went on after one was read: its lines of 78 `=` are no fences. */
  private gradleSeparators = false;
  /**
   * Trace opened by an Apple crash report's `Exception Type:`: lines read of
   * the report, and whether its crashed thread's frames have begun.
   */
  private apple: { lines: number; crashed: boolean } | null = null;
  /**
   * AWS Lambda's Python runtime prints an uncaught exception before its
   * traceback (`[ERROR] KeyError: 'user_id'`, then `Traceback …` and the frames,
   * no exception line after them): the failure line a traceback came right
   * after (`justClosed`, this line's) is its exception when it reads as one.
   */
  private justClosed: string | null = null;
  /** The columns of a W3C log (IIS, CloudFront), from its last `#Fields:` directive. */
  private w3c: W3cLayout | null = null;
  private pythonLead: string | null = null;
  /** Trace opened by a line-format record: the failure it is, and its format. */
  private headRecord: RecordSignature | null = null;
  private headFormat = '';
  private headLead = 0;
  /**
   * The head's header (all of its line before the message): logcat prints each
   * line of one multi-line message under an identical header, so such lines
   * continue the entry (`Process: …` after `FATAL EXCEPTION: main`).
   */
  private headHeader: string | null = null;
  /** The line being read is a further line of the head's message. */
  private sameMessage = false;
  /** The line being read as written: a block reads a record's message, the extract keeps the line. */
  private raw = '';
  private hasStack = false;
  private hasError = false;
  private hasWarning = false;
  private readonly sig = new SignatureSet();
  private readonly entryTypes = new Map<string, ReportType>();
  /** Container runtimes' wrappers (CRI, Docker json-file) taken off the lines they carry. */
  private readonly unwrapper = new Unwrapper();
  private readonly extractParts: string[] = [];
  private extractBytes = 0;
  private extractTruncated = false;

  /** The raw lines and severity of the entry being read (with an entry sink only). */
  private entryLines: string[] = [];
  private entryChars = 0;
  private entrySeverity: Severity = Severity.None;
  private entryAt: number | undefined;
  private entryTags: TagValues | undefined;
  private lineAt: number | undefined;
  private tagLists: TagLists | undefined;

  constructor(
    private readonly maxExtractBytes: number,
    private readonly onEntry?: (entry: CollectedEntry) => void,
  ) {}

  wantsEveryLine(): boolean {
    return this.mode !== 'none' || this.unwrapper.pending;
  }

  /**
   * True when no further line can change what `finish` returns: the signature
   * holds its MAX_ENTRIES entries, the extract is cut, a stack made the log a
   * crash (the most severe type) and no entry sink counts entries. A big log
   * of many failures gets here in its first megabytes; the rest of its lines
   * need not be read.
   */
  get settled(): boolean {
    return this.onEntry === undefined && this.hasStack && this.extractTruncated && this.sig.full;
  }

  line(
    buf: Buffer,
    start: number,
    end: number,
    flagged: boolean | null,
    truncated: boolean,
    decoded?: string,
    at?: number,
  ): void {
    this.lineAt = at;
    const e = end > start && buf[end - 1] === 13 ? end - 1 : end;
    // The '\r' is one byte and one character: dropping either gives the same text.
    const text = withoutAnsi(
      decoded === undefined
        ? buf.toString('utf8', start, e)
        : e < end
          ? decoded.slice(0, decoded.length - 1)
          : decoded,
    );
    const carried = this.unwrapper.line(text);
    if (carried === null) return;
    if (carried !== undefined) {
      const bytes = Buffer.from(carried, 'utf8');
      this.read(bytes, 0, bytes.length, null, truncated, carried);
      return;
    }
    this.read(buf, start, e, flagged, truncated, text);
  }

  /** One line as its application wrote it (a container runtime's wrapper taken off). */
  private read(
    buf: Buffer,
    start: number,
    e: number,
    flagged: boolean | null,
    truncated: boolean,
    text: string,
  ): void {
    this.raw = text;
    this.justClosed = null;
    let record: LogEvent | null | undefined;
    if (this.mode !== 'none') {
      let inner = text;
      // A cheap first look: a line of the head's format starts as the head did.
      this.sameMessage = false;
      if (this.headFormat !== '' && leadOf(text) === this.headLead) {
        record = recordOf(text);
        if (record !== null && record.format === this.headFormat) {
          inner = record.message;
          const header = headerOf(text, record);
          this.sameMessage = header !== null && header === this.headHeader;
        }
      }
      if (this.inBlock(inner)) return;
    }
    if (
      record === undefined &&
      !truncated &&
      text.startsWith(OTLP_LINE) &&
      (flagged ?? isFlagged(buf, start, e))
    ) {
      const events = otlpLineEvents(text);
      if (events !== null) {
        for (const event of events)
          if (recordSignature(event) !== null) this.record(event, eventLine(event), false);
        return;
      }
    }
    // Only a flagged line is read as a record: every record that can be a failure
    // is flagged (scan.ts), and decoding one costs more than the rest of its reading.
    if (record === undefined)
      record = mayBeRecord(text) && (flagged ?? isFlagged(buf, start, e)) ? recordOf(text) : null;
    const hitBeyondKept = (flagged ?? false) && truncated;
    if (record !== null) this.record(record, text, hitBeyondKept);
    else this.plain(text, hitBeyondKept);
  }

  /**
   * Feeds a line to the open block (`text`: the line, or the message of a record
   * in a trace a record opened); false when the line ended it and must be read afresh.
   */
  private inBlock(text: string): boolean {
    switch (this.mode) {
      case 'fenced':
        if (text === FENCE) {
          this.keep(this.raw);
          this.closeBlock();
          return true;
        }
        this.keep(this.raw);
        this.blockLine(text);
        return true;
      case 'callstack':
        if (isBlank(text)) {
          this.closeBlock();
          return true;
        }
        this.keep(this.raw);
        this.blockLine(text);
        return true;
      case 'python':
        if (isBlank(text)) {
          this.closeBlock();
          return true;
        }
        if (/^\s/.test(text)) {
          this.keep(this.raw);
          const f = frameOf(text);
          if (f?.startsWith('py ')) this.block?.frame(f);
          return true;
        }
        if (this.pythonLead !== null && !PYTHON_EXCEPTION.test(text)) {
          // The exception came first (pythonLead): the line after the frames is another's.
          this.closeBlock();
          return false;
        }
        this.keep(this.raw);
        this.pythonLead = null;
        this.block?.note(exceptionSignature(text));
        this.closeBlock();
        return true;
      case 'trace': {
        if (this.ignorable !== null && text.trim() === ANSIBLE_IGNORED) {
          this.dropIgnored(this.ignorable);
          return true;
        }
        if (this.indentedStage !== null) return this.indentedFailureLine(text);
        if (this.apple !== null) return this.appleLine(text);
        if (isBlank(text)) {
          if (this.gap) {
            this.closeBlock();
            return true;
          }
          this.gap = true;
          return true;
        }
        this.gap = false;
        // The banner's stars and its `Description:` title stand between it and what failed.
        if (this.messageNext === 'spring' && SPRING_SKIPPED.test(text)) {
          this.keep(this.raw);
          return true;
        }
        if (
          this.messageNext === 'pwsh' ||
          this.messageNext === 'gradle' ||
          this.messageNext === 'cmake' ||
          this.messageNext === 'javac' ||
          this.messageNext === 'terraform'
        ) {
          const line = blockMessageLine(
            this.messageNext,
            this.pendingHead ?? '',
            text,
            this.blockMessageLines++,
          );
          if (line !== 'end' && (this.pendingHead?.length ?? 0) < BLOCK_MESSAGE_MAX_CHARS) {
            this.keep(this.raw);
            if (line !== 'skip') {
              // Gradle's banner says only that the build failed: what failed stands for it.
              const banner = this.messageNext === 'gradle' && GRADLE_BANNER.test(this.pendingHead ?? '');
              this.pendingHead = banner ? line.take : `${this.pendingHead ?? ''}\n${line.take}`;
            }
            return true;
          }
          this.messageNext = null;
        }
        if (this.messageNext !== null) {
          const from = this.messageNext;
          this.messageNext = null;
          const fits =
            from === 'mel'
              ? /^\s/.test(text)
              : !isLogLine(text) &&
                (from !== 'colon' || severityOf(text, text.toLowerCase()) === Severity.None);
          if (fits && frameOf(text) === null && !isStackContinuation(text)) {
            this.keep(this.raw);
            // jest's failure goes on, indented, to its frames: its values, the test's code, then `at …`.
            if (from === 'mel' && JEST_HEAD.test(this.pendingHead ?? '')) this.indentedStage = 'frames';
            this.pendingHead = `${this.pendingHead ?? ''}\n${withoutStamp(text)}`;
            return true;
          }
        }
        if (GOROUTINE.test(text)) {
          // A Go dump lists every goroutine; only the first is the one that failed,
          // the others (and their number) depend on what else was running.
          this.keep(this.raw);
          if (this.goroutines++ === 0) this.traceBlock().note(exceptionSignature(text));
          return true;
        }
        const f = frameOf(text);
        if (f !== null) {
          this.keep(this.raw);
          if (this.goroutines > 1) return true;
          this.traceBlock().frame(f);
          this.hasStack = true;
          return true;
        }
        if (isStackContinuation(text) || this.sameMessage) {
          this.keep(this.raw);
          this.traceBlock().note(exceptionSignature(text));
          return true;
        }
        this.closeBlock();
        return false;
      }
      default:
        return false;
    }
  }

  /**
   * A line of an Apple crash report after its `Exception Type:`: the header's
   * `Exception …`/`Termination …` lines and the crashed thread's frames are the
   * failure; other threads, binary images and the rest of the header are not.
   */
  private appleLine(text: string): boolean {
    const report = this.apple as { lines: number; crashed: boolean };
    if (++report.lines > APPLE_REPORT_MAX_LINES) {
      this.closeBlock();
      return false;
    }
    if (!report.crashed) {
      if (APPLE_CRASHED.test(text)) {
        report.crashed = true;
        this.keep(this.raw);
      } else if (APPLE_HEADER.test(text)) {
        this.keep(this.raw);
        this.traceBlock().note(exceptionSignature(text));
      }
      return true;
    }
    const f = isBlank(text) ? null : frameOf(text);
    if (f === null) {
      this.closeBlock();
      return isBlank(text);
    }
    this.keep(this.raw);
    this.traceBlock().frame(f);
    this.hasStack = true;
    return true;
  }

  /** A line inside a fenced or callstack block: head, frame, failure line, or context to drop. */
  private blockLine(text: string): void {
    if (this.awaitingHead) {
      if (isBlank(text)) return;
      this.awaitingHead = false;
      this.block = new StackBlock(exceptionSignature(text));
      return;
    }
    const f = frameOf(text);
    if (f !== null) {
      this.block?.frame(f);
      return;
    }
    const lower = text.toLowerCase();
    if (
      severityOf(text, lower) !== Severity.None ||
      isStackContinuation(text) ||
      /\w(?:Error|Exception)\b/.test(text)
    ) {
      this.block?.note(exceptionSignature(text));
    }
  }

  /** A plain line read afresh (not inside a block, or the line that ended one). */
  private plain(text: string, hitBeyondKept: boolean): void {
    if (GRADLE_NUMBERED.test(text)) this.gradleSeparators = true;
    if (MOCHA_TALLY.test(text)) {
      this.mochaFailures = true;
      return;
    }
    if (this.mochaFailures && MOCHA_HEAD.test(text)) {
      this.hasError = true;
      this.entrySeverity = Severity.Error;
      this.keep(text);
      this.mode = 'trace';
      this.gap = false;
      // The number is the failure's place in this run's list, not the failure's.
      this.pendingHead = text.trim().replace(/^\d{1,6}\) /, '');
      this.messageNext = null;
      this.indentedStage = 'title';
      this.block = null;
      return;
    }
    // Gradle draws the same line of 78 `=` between the failures of a build that went on after one.
    if (text === FENCE && !this.gradleSeparators) {
      this.keep(text);
      this.open('fenced', null);
      this.awaitingHead = true;
      return;
    }
    const lower = text.toLowerCase();
    if (isPythonTraceback(text)) {
      const lead = this.justClosed === null ? null : LEADING_EXCEPTION.exec(this.justClosed);
      this.keep(text);
      this.open('python', 'Traceback');
      this.pythonLead = lead?.[1] ?? null;
      return;
    }
    if (lower.includes('callstack')) {
      this.keep(text);
      const sev = severityOf(text, lower);
      if (sev === Severity.Error) this.hasError = true;
      if (sev === Severity.Warning) this.hasWarning = true;
      this.entrySeverity = sev;
      this.open('callstack', maskLine(text));
      return;
    }
    if (this.w3c !== null || text.startsWith('#Fields: ')) {
      // A W3C log's directive names its columns; its request lines are read by them, and only a 5xx is a failure.
      if (text.startsWith('#')) {
        if (text.startsWith('#Fields: ')) this.w3c = w3cLayout(text);
        return;
      }
      const request = this.w3c === null ? undefined : w3cEvent(text, this.w3c);
      if (request !== undefined) {
        this.record(request, text, hitBeyondKept);
        return;
      }
      if (this.w3c !== null && text.split(text.includes('\t') ? '\t' : ' ').length === this.w3c.count) return;
    }
    if (text.includes('HTTP/')) {
      const access = accessEvent(text);
      if (access) {
        this.record(access, text, hitBeyondKept);
        return;
      }
    }
    let sev = severityOf(text, lower);
    if (sev === Severity.None && hitBeyondKept) sev = Severity.Error;
    if (sev === Severity.None) {
      if (STACK_TITLE.test(text)) {
        // `stack backtrace:` (Rust), `Stack trace:` (PHP): frames follow, the failure was said before.
        this.keep(text);
        this.mode = 'trace';
        this.gap = false;
        this.block = new StackBlock(null);
        return;
      }
      if (FRAME_ZERO.test(text)) {
        const f = frameOf(text);
        if (f !== null) {
          this.keep(text);
          this.open('trace', null);
          this.block?.frame(f);
          return;
        }
      }
      return;
    }
    // A task Ansible may yet report as ignored: what the document held before it.
    this.ignorable = ANSIBLE_FAILED.test(text)
      ? {
          hasError: this.hasError,
          hasWarning: this.hasWarning,
          parts: this.extractParts.length,
          bytes: this.extractBytes,
          truncated: this.extractTruncated,
        }
      : null;
    if (sev === Severity.Error) this.hasError = true;
    else this.hasWarning = true;
    this.entrySeverity = sev;
    this.keep(text);
    this.mode = 'trace';
    this.gap = false;
    this.pendingHead = text;
    this.messageNext = messageAfter(text);
    this.blockMessageLines = 0;
    this.apple = APPLE_EXCEPTION.test(text) ? { lines: 0, crashed: false } : null;
    this.block = null;
  }

  /** A structured line: a failure record adds its entry; a record with a level below warning is none. */
  private record(record: LogEvent, text: string, hitBeyondKept: boolean): void {
    const failure = recordSignature(record);
    if (failure === null) {
      // A line format with no level of its own (logfmt without `level`, a syslog
      // file line): what its words say is all there is, as for any plain line.
      if (record.severity === 'unknown' && record.format !== 'json') this.plain(text, hitBeyondKept);
      return;
    }
    if (failure.type === 'C') this.hasStack = true;
    else if (failure.type === 'E') this.hasError = true;
    else this.hasWarning = true;
    this.keep(text);
    this.noteTags(record);
    if (failure.type === 'C' || record.format === 'json' || record.format === 'otlp') {
      // The record holds all of its failure, its stack included.
      this.addEntry(failure.type, failure.signature);
      this.emitEntry(failure.type, failure.signature);
      this.entryLines = [];
      this.entryChars = 0;
      this.entryTags = undefined;
      return;
    }
    this.entrySeverity = failure.type === 'W' ? Severity.Warning : Severity.Error;
    this.mode = 'trace';
    this.gap = false;
    this.pendingHead = text;
    this.headRecord = failure;
    this.headFormat = HEADED_FORMATS.has(record.format) ? record.format : '';
    this.headLead = leadOf(text);
    // Only logcat's header (to the millisecond, with pid and tid) tells one message's lines from the next message.
    this.headHeader = record.format === 'logcat' ? headerOf(text, record) : null;
    this.block = null;
  }

  /**
   * The trace being read, made on its first frame or chain line: most failure
   * lines are followed by neither, and then only their cached mask is needed.
   */
  private traceBlock(): StackBlock {
    this.block ??= new StackBlock(
      this.headRecord !== null
        ? this.headRecord.signature
        : this.pendingHead === null
          ? null
          : exceptionSignature(this.pendingHead),
    );
    return this.block;
  }

  private open(mode: Mode, head: string | null): void {
    this.mode = mode;
    this.gap = false;
    this.pendingHead = null;
    this.hasStack = true;
    this.block = mode === 'fenced' ? null : new StackBlock(head);
  }

  private closeBlock(): void {
    const b = this.block;
    if (this.mode === 'python' && this.pythonLead !== null) b?.note(exceptionSignature(this.pythonLead));
    const closed = this.mode === 'trace' && this.headRecord === null ? this.pendingHead : null;
    if (this.mode === 'trace' && this.pendingHead !== null && (b === null || b.frames === 0)) {
      // Chain lines without frames (an Erlang report's `** Reason …` lines) say what failed too.
      const sigEntry =
        b !== null
          ? b.text()
          : this.headRecord !== null
            ? this.headRecord.signature
            : this.onEntry || !this.sig.full
              ? maskLine(this.pendingHead)
              : '';
      const type = this.entrySeverity === Severity.Warning ? 'W' : 'E';
      if (!this.sig.full) this.addEntry(type, sigEntry);
      this.emitEntry(type, sigEntry);
    } else if (b !== null && (this.mode !== 'trace' || b.frames > 0)) {
      const text = b.text();
      this.addEntry('C', text);
      this.emitEntry('C', text);
    }
    this.entryLines = [];
    this.entryChars = 0;
    this.entryTags = undefined;
    this.entrySeverity = Severity.None;
    this.mode = 'none';
    this.goroutines = 0;
    this.block = null;
    this.pendingHead = null;
    this.messageNext = null;
    this.apple = null;
    this.pythonLead = null;
    this.justClosed = closed;
    this.headRecord = null;
    this.headFormat = '';
    this.headHeader = null;
    this.sameMessage = false;
    this.awaitingHead = false;
    this.gap = false;
    this.ignorable = null;
    this.indentedStage = null;
  }

  /**
   * A line under a mocha failure's number (MOCHA_HEAD), or under jest's `●`
   * once its message is read; false when it ended the failure.
   */
  private indentedFailureLine(text: string): boolean {
    if (MOCHA_HEAD.test(text) || JEST_HEAD.test(text) || (!isBlank(text) && !/^\s/.test(text))) {
      this.closeBlock();
      return false;
    }
    this.keep(this.raw);
    if (isBlank(text)) return true;
    const said = text.trim();
    // A title that never ends (no colon) is read up to the bound of a block's message.
    if (this.indentedStage !== 'frames' && (this.pendingHead?.length ?? 0) >= BLOCK_MESSAGE_MAX_CHARS)
      this.indentedStage = 'frames';
    if (this.indentedStage === 'title') {
      // The suites, then the test's title, which ends in a colon.
      this.pendingHead = `${this.pendingHead ?? ''} ${said}`;
      if (said.endsWith(':')) this.indentedStage = 'error';
      return true;
    }
    if (this.indentedStage === 'error') {
      this.pendingHead = `${this.pendingHead ?? ''}\n${said}`;
      this.indentedStage = 'frames';
      return true;
    }
    // The values' diff and the message's other lines stand between the error and its frames.
    const f = frameOf(text);
    if (f !== null) {
      this.traceBlock().frame(f);
      this.hasStack = true;
    }
    return true;
  }

  /**
   * The failed task Ansible went on past (`ignore_errors`): no failure. Its
   * lines leave the extract and the document's level is what it was before.
   */
  private dropIgnored(before: NonNullable<Collector['ignorable']>): void {
    this.hasError = before.hasError;
    this.hasWarning = before.hasWarning;
    this.extractParts.length = before.parts;
    this.extractBytes = before.bytes;
    this.extractTruncated = before.truncated;
    this.block = null;
    this.pendingHead = null;
    this.entrySeverity = Severity.None;
    this.closeBlock();
  }

  /** An entry of the signature, and the first type it was seen with (what leads the title). */
  private addEntry(type: ReportType, entry: string): void {
    this.sig.add(entry);
    if (!this.entryTypes.has(entry) && this.entryTypes.size < MAX_ENTRIES) this.entryTypes.set(entry, type);
  }

  private emitEntry(type: ReportType, signature: string): void {
    if (!this.onEntry || signature === '') return;
    this.onEntry({
      type,
      signature,
      text: this.entryLines.join('\n'),
      ...(this.entryAt !== undefined ? { at: this.entryAt } : {}),
      ...(this.entryTags ? { tags: this.entryTags } : {}),
    });
  }

  /** A failure record's context: its entry's tags, and the document's (bounded per key). */
  private noteTags(record: LogEvent): void {
    const tags = tagValuesOf(record);
    if (tags === undefined) return;
    this.entryTags = tags;
    this.tagLists ??= {};
    for (const key of TAG_KEYS) {
      const value = tags[key];
      if (value === undefined) continue;
      const list = this.tagLists[key] ?? [];
      this.tagLists[key] = list;
      if (list.length < TAG_DOCUMENT_VALUES && !list.includes(value)) list.push(value);
    }
  }

  private keep(text: string): void {
    if (this.onEntry && this.entryLines.length === 0) this.entryAt = this.lineAt;
    if (this.onEntry && this.entryLines.length < ENTRY_MAX_LINES && this.entryChars < ENTRY_MAX_CHARS) {
      const part = text.length > ENTRY_MAX_CHARS ? text.slice(0, ENTRY_MAX_CHARS) : text;
      this.entryLines.push(part);
      this.entryChars += part.length + 1;
    }
    if (this.extractTruncated) return;
    const n = Buffer.byteLength(text) + 1;
    if (this.extractBytes + n > this.maxExtractBytes + 1) {
      this.extractTruncated = true;
      return;
    }
    this.extractParts.push(text);
    this.extractBytes += n;
  }

  /** The distinct entries of the signature so far (a fingerprint rule reads each). */
  entries(): string[] {
    return this.sig.list();
  }

  finish(): Collected {
    const rest = this.unwrapper.flush();
    if (rest !== undefined) {
      const bytes = Buffer.from(rest, 'utf8');
      this.read(bytes, 0, bytes.length, null, false, rest);
    }
    if (this.mode !== 'none') this.closeBlock();
    const type: ReportType | null = this.hasStack ? 'C' : this.hasError ? 'E' : this.hasWarning ? 'W' : null;
    // What only counts or closes a failed run (title.ts isRunSummary) is left out when something says what failed.
    const entries = this.sig.inOrder();
    const said = entries.filter((entry) => entry.includes('\n') || !isRunSummary(entry));
    const kept = said.length > 0 ? said : entries;
    // The title is read from the failures of the log's type first (a crash's, else an
    // error's, else a warning's), each kind in the log's order.
    const leading = kept.filter((entry) => this.entryTypes.get(entry) === type);
    const others = kept.filter((entry) => this.entryTypes.get(entry) !== type);
    return {
      type,
      extract: this.extractParts.join('\n'),
      extractTruncated: this.extractTruncated,
      signature: [...kept].sort().join('\n'),
      ...(type === null ? {} : { headline: headlineOf([...leading, ...others].join('\n')) }),
      ...(this.tagLists ? { tags: this.tagLists } : {}),
    };
  }
}
