/**
 * One failure event of a stream (DESIGN.md §2.1), reduced to what groups it:
 * a structured record (lib/records) or a failure entry of a text body
 * (lib/extract/collect.ts `CollectedEntry`) becomes a type, a signature and
 * its fingerprint (the report key), and the raw text its report shows.
 *
 * Contract (pure): a record's signature is its severity class, logger, error
 * type, message with parameters masked, and stack frames (function and file,
 * as stack.ts reduces them) — never its context fields (ids, users, hosts,
 * times), which lib/records keeps out of `message`. A record is a failure when
 * its level is warning or worse, or when it carries a stack; `info`/`debug`
 * records never are. A record that names no level is read as a plain line is:
 * by its words (`error`, `warning`, …) or by a failure text that carries no
 * level word (isFailureWithoutLevel).
 */
import { createHash } from 'node:crypto';
import type { ReportType, TagValues } from '#lib/model';
import { GO_ERRORS, isGoLogFailure, severityFromText } from '#lib/records/line';
import type { ContextValue, LogEvent, SeverityClass } from '#lib/records/model';
import type { CollectedEntry } from './collect.ts';
import { ruleFor, ruleSignature } from './fingerprint-rules.ts';
import { cachedBy, maskText } from './mask.ts';
import { MAX_BLOCK_FRAMES } from './signature.ts';
import { exceptionSignature, frameOf, isStackContinuation } from './stack.ts';

export interface EventFailure {
  type: ReportType;
  signature: string;
  /** SHA-256 of the signature: the report key. */
  fingerprint: string;
  /** What the report shows as its extract: the event as it was written, bounded. */
  text: string;
  /** The context kept out of the signature that its report summarises (lib/model TAG_KEYS). */
  tags?: TagValues;
  /** A fingerprint rule took it: `signature` is the rule's, `entry` the failure's own (for its title). */
  rule?: { fingerprint: string; entry: string };
}

/** The record's service, environment, host and logger, those it names; undefined when none. */
export function tagValuesOf(event: LogEvent): TagValues | undefined {
  if (!event.service && !event.environment && !event.host && !event.logger) return undefined;
  const tags: TagValues = {};
  if (event.service) tags.service = event.service;
  if (event.environment) tags.environment = event.environment;
  if (event.host) tags.host = event.host;
  if (event.logger) tags.logger = event.logger;
  return tags;
}

/** The failure with `signature`, or with its fingerprint rule's signature when a rule takes it. */
function grouped(type: ReportType, signature: string, text: string): EventFailure {
  const rule = ruleFor([signature]);
  const grouping = rule ? ruleSignature(rule.fingerprint) : signature;
  return { type, signature: grouping, fingerprint: fingerprintOf(grouping), text, ...(rule ? { rule } : {}) };
}

const TEXT_MAX_CHARS = 32 * 1024;

export function fingerprintOf(signature: string): string {
  return createHash('sha256').update(signature, 'utf8').digest('hex');
}

/**
 * Failures their systems print without a level word, each as a reader of that
 * system's logs knows it: the Linux OOM killer (`Out of memory: Killed process`,
 * `Kill process` before 5.0; `Memory cgroup out of memory: …` too), systemd's
 * unit failures (`foo.service: Failed with result 'exit-code'.`, `Failed to
 * start foo.service`, a main process that exited non-zero, was killed or
 * dumped core), Android's crash and not-responding reports (`FATAL EXCEPTION:
 * main`, `ANR in com.x`), AWS Lambda's timeout (`Task timed out after 3.00 seconds`),
 * glibc's heap checks before it aborts (`free(): double free detected in tcache 2`,
 * `malloc(): corrupted top size`, `double free or corruption (out)`, `*** stack
 * smashing detected ***`), what else a C or C++ program says as it aborts (the C++
 * runtime's `terminate called after throwing an instance of 'std::out_of_range'`
 * and its `  what():  …` line, glibc's `prog: cart.c:57: total: Assertion `p' failed.`)
 * and the shell's report of the signal (`Aborted (core dumped)`, `Illegal
 * instruction`, `Killed` — the kernel's SIGKILL, an OOM kill most often —
 * alone on its line, or as a script's job report: `./run.sh: line 5: 4411
 * Killed  java -jar app.jar`; `Segmentation fault` is an error word), and
 * npm's failures before
 * version 9 (`npm ERR! code ELIFECYCLE`; since, `npm error …`), Spring Boot's
 * failure analysis banner (`APPLICATION FAILED TO START`), a Kubernetes
 * container's failed states as `kubectl get pods` lists them (`shop-7d9c5f6b8-xk2pq
 * 0/1  CrashLoopBackOff  5 (2m ago)  3m`) and `describe` says them (`Reason:
 * OOMKilled`; `ImagePullBackOff`, `ErrImagePull` too), and a shell's
 * or a command-line tool's refusal as they print it, the program's name first
 * (`bash: line 12: jq: command not found`, `cp: cannot stat 'a.txt': No such
 * file or directory`, `./deploy.sh: Permission denied`; dash, Debian's and
 * many images' /bin/sh, by script line: `sh: 1: jq: not found`,
 * `/entrypoint.sh: 12: exec: gunicorn: not found`); and Windows Error
 * Reporting's crash event (Event ID 1000, `Application Error`) as Event
 * Viewer's text copy or `Format-List` prints it: its `Faulting application
 * name: …` and `Faulting module name: …` lines say which program crashed in
 * which module (their versions and time stamps are masked).
 */
const FAILURE_WITHOUT_LEVEL =
  /[Oo]ut of memory: Kill(?:ed)? process\b|: Failed with result '[\w-]{1,64}'|: Main process exited, code=(?:exited, status=[1-9]|killed|dumped)|\bFailed to start \S|\bFATAL EXCEPTION\b|\bANR in \S|\bTask timed out after \d|^(?:free|malloc|realloc|calloc|munmap_chunk|malloc_consolidate|_int_free|_int_malloc|_int_realloc|tcache_thread_shutdown)\(\): [a-z]|^(?:double free or corruption|corrupted size vs\. prev_size|corrupted double-linked list)\b|\*\*\* stack smashing detected \*\*\*|^terminate called (?:after throwing an instance of '|recursively$|without an active exception$)|^ {0,2}what\(\): {1,2}\S|: Assertion [`'\u2018].{1,512}[`'\u2019] failed\.$|^(?:Aborted|Illegal instruction|Killed)(?: \(core dumped\))?$|^[\w./-]{1,128}: line \d{1,7}: {1,8}\d{1,10} (?:Killed|Aborted|Illegal instruction)\b|^npm ERR! |^APPLICATION FAILED TO START$|(?:^\s{0,16}Reason:\s{1,16}|^\S{1,253}\s{1,16}\d{1,3}\/\d{1,3}\s{1,16})(?:CrashLoopBackOff|OOMKilled|ImagePullBackOff|ErrImagePull)\b|^[\w./-]{1,128}: [^\n]{0,512}(?:: command not found|: No such file or directory|: Permission denied)$|^[\w./-]{1,128}: \d{1,7}: (?:[\w.-]{1,64}: )?[^\s:]{1,256}: not found$|^(?:Message {0,16}: |\s{0,32})Faulting (?:application|module) name: \S/m;
/** Literal parts, one of which each text above holds (ANY_PART below). */
const WITHOUT_LEVEL_PARTS = [
  'ut of memory: Kill',
  ': Failed with result',
  ': Main process exited',
  'Failed to start',
  'FATAL EXCEPTION',
  'ANR in',
  'Task timed out',
  '(): ',
  'double free',
  'corrupted',
  'stack smashing',
  'terminate called',
  'what(): ',
  ': Assertion ',
  'Aborted',
  'Illegal instruction',
  'Killed',
  'npm ERR! ',
  'APPLICATION FAILED TO START',
  'CrashLoopBackOff',
  'OOMKilled',
  'ImagePullBackOff',
  'ErrImagePull',
  'command not found',
  'No such file or directory',
  'Permission denied',
  ': not found',
  'Faulting ',
];

/**
 * What build, test and deploy tools and some runtimes print for a failure, with
 * no level word, each in the form its users read in a CI job's log: go test's
 * `--- FAIL: TestCart (0.00s)` (indented for a subtest), Gradle's
 * `CartServiceTest > totalWithDiscount() FAILED` and, where the log starts
 * below its `FAILURE:` banner, `Execution failed for task ':app:test'.`, the Go compiler's and go
 * vet's diagnostics, which name no level (`./main.go:12:2: undefined:
 * loadConfig`, `cart.go:57:2: declared and not used: x`: a position with its
 * column, as a Go program's own `log` lines never have), go test's
 * `FAIL\tshop/cart [build failed]`, the Kotlin compiler's error under Gradle
 * (`e: file:///…/Cart.kt:14:23 Unresolved reference: totalOf`; before Kotlin
 * 1.8 `e: /…/Cart.kt: (14, 23): …`), pytest's summary `FAILED
 * tests/test_cart.py::test_total - assert …`, jest's `● Cart › applies the
 * discount` (and `● Test suite failed to run`), the linker's
 * ``main.c:(.text+0x1a): undefined reference to `cart_total'``; Perl's `die`
 * (`… at lib/Shop/Order.pm line 42.`: a refusal of the system, `Can't locate
 * JSON/XS.pm in @INC`, any message a module dies with, but not Perl's own
 * warnings, `Use of uninitialized value …`), Haskell's `openFile: does not
 * exist (No such file or directory)`, Lua's `app.lua:10: attempt to index a nil
 * value` and `module 'cjson' not found:`, Valgrind's findings (`==4411==
 * Invalid read of size 4`, `Conditional jump or move depends on uninitialised
 * value(s)`, `40 bytes in 1 blocks are definitely lost`), the head of a
 * PowerShell 7 error (`Get-Item: C:\deploy\deploy.ps1:12`; its `Line |` block
 * follows: collect.ts); and what daemons say at no failing level: Apache's
 * `child pid 4412 exit signal Aborted (6)`, uWSGI's `DAMN ! worker 3 (pid:
 * 4411) died, killed by signal 9`, SQL Server's error as sqlcmd prints it (`Msg
 * 2627, Level 14, State 1, Server db1, Line 12`, its message on the next line),
 * librdkafka's errors (`%3|1764583200.123|FAIL|rdkafka#producer-1| …`),
 * Lambda's `REPORT RequestId: … Status: timeout`, the kernel's `Oops: 0002 [#1]
 * SMP` and the function it faulted in (`RIP: 0010:nfs_pgio_release+0x1a/0x60
 * [nfs]`), `watchdog: BUG: soft lockup - CPU#3 stuck for 23s!`, a hung task
 * (`INFO: task jbd2/sda1-8:412 blocked for more than 120 seconds.`), `nfs:
 * server nas01 not responding, still trying`, an AppArmor denial
 * (`apparmor="DENIED"`), Postfix's undelivered mail (`status=bounced (…)`,
 * `status=deferred (…)`). The keywords that deliver these lines are in scan.ts
 * (KEYWORDS, and LINE_FORMATS for the kernel, Postfix, Lua, Valgrind, Lambda
 * and librdkafka).
 */
const TOOL_FAILURE =
  /^\s{0,32}--- FAIL: \S|^\s{0,8}[\w.$]{1,256} > .{1,512}\(\) FAILED$|^[\w./-]{0,256}\.go:\d{1,7}(?::\d{1,7}: \S|: undefined: \S)|^FAIL\t\S|^e: (?:file:\/\/)?\S{1,512}\.kts?(?::\d{1,7}:\d{1,7} |: \(\d{1,7}, \d{1,7}\): )\S|^FAILED [^\s:]{1,256}\.py::\S|^\s{0,8}\u25cf (?:\S.{0,512} \u203a \S|Test suite failed to run)|: undefined reference to [`'\u2018]|: (?:No such file or directory|Permission denied) at \S{1,512} line \d{1,7}\.$|^Can't locate \S{1,256} in @INC\b|^Can't .{1,512} at \S{1,512} line \d{1,7}\.$|: (?:does not exist|permission denied) \((?:No such file or directory|Permission denied)\)$|\.lua:\d{1,7}: (?:attempt to [a-z]|module '[^'\n]{1,128}' not found:)|^==\d{1,10}== (?:Invalid (?:read|write|free|delete)\b|Conditional jump or move depends on uninitialised|Use of uninitialised value|Syscall param \S{1,64} (?:points to|contains) uninit|Mismatched free|Source and destination overlap|[\d,]{1,20} bytes in [\d,]{1,20} blocks are (?:definitely|possibly) lost)|^[A-Za-z][\w.-]{0,64}: .{1,512}\.ps[dm]?1:\d{1,7}\s*$|^(?!Use of uninitiali[sz]ed|Argument "|Useless use|Deep recursion|Name "|Possible |Scalar value|Odd number)\S.{0,1024} at \S{1,512}\.p[lm] line \d{1,7}\.$|\bexit signal (?:Segmentation fault|Aborted|Illegal instruction|Bus error|Killed)\b|\bdied, killed by signal \d|^%[0-3]\|\d{9,11}\.\d{3}\|[A-Z_]{1,32}\||^Msg \d{1,6}, Level (?:1[1-9]|2[0-5]), State \d{1,3}\b|\bREPORT RequestId: \S{1,64}\s.{0,1024}\bStatus: timeout\b|(?:^|\s)(?:BUG: [a-z]|Oops: \d{4} \[#\d|INFO: task \S{1,256} blocked for more than \d|nfs: server \S{1,256} not responding\b)|\bstatus=(?:bounced|deferred) \(|(?:^|\s)RIP: 00[13][03]:[A-Za-z_][\w.]{0,127}\+0x|\bapparmor="DENIED"|^Execution failed for task '[^'\n]{1,256}'\.\s*$/m;
const TOOL_PARTS = [
  '--- FAIL: ',
  '() FAILED',
  ': undefined: ',
  '.go:',
  'FAIL\t',
  'e: file:',
  'e: /',
  '.py::',
  '\u25cf ',
  'undefined reference',
  'directory at ',
  'denied at ',
  "Can't ",
  ' (No such file',
  ' (Permission denied',
  '.lua:',
  'Invalid ',
  'uninit',
  'Mismatched free',
  'Source and destination',
  'blocks are',
  '.ps1:',
  '.psm1:',
  '.psd1:',
  '.pm line ',
  '.pl line ',
  'exit signal ',
  'killed by signal ',
  ', Level ',
  '%0|',
  '%1|',
  '%2|',
  '%3|',
  'Status: timeout',
  'BUG: ',
  'Oops: ',
  'blocked for more than',
  ' not responding',
  'status=bounced',
  'status=deferred',
  'apparmor="DENIED"',
  'RIP: 00',
  'Execution failed for task',
];

/** The literal parts of lib/records/line.ts GO_LOG_FAILURE. */
const GO_PARTS = [...GO_ERRORS, 'exit status '];

/**
 * What test runners, linters and package managers print for a failure with no
 * level word, each as its users read it: GoogleTest's `[  FAILED  ]
 * PoolTest.Drains (312 ms)` and `pool_test.cc:57: Failure`, CTest's `3/4 Test
 * #4: unit_pool ....***Failed  0.35 sec`, vitest's and Playwright's failed
 * test and commitlint's finding (`× Cart > applies the discount`, `✘ 2
 * [chromium] › pay.spec.ts:12:5 › pays`, `✖ subject may not be empty`),
 * jest's unmet coverage (`Jest: "global" coverage threshold for lines (80%)
 * not met: 72.41%`), Surefire's `<<< FAILURE!`, RSpec's `Failure/Error:`,
 * RSpec's list of the examples that failed (`rspec ./spec/cart_spec.rb:12 #
 * Cart#total applies the discount`, or by id, `rspec
 * './spec/cart_spec.rb[1:2:1]' # …`: which test, as its `Failure/Error:` does
 * not say), PHPUnit's `Failed asserting that …` and `FAILURES!`, `dotnet test`'s
 * `Failed Shop.Tests.Total [12 ms]` and `Failed!  - Failed: 1`, flake8's and
 * ruff's findings (`invoice.py:3:1: F401 'os' imported but unused`), black's
 * `would reformat …`, pnpm's `ERR_PNPM_OUTDATED_LOCKFILE …` and `ELIFECYCLE
 * Command failed`, a resolver's `version solving failed` (Poetry, Bundler),
 * Composer's `Your requirements could not be resolved …`, Bundler's `Could
 * not find gem '…'`, Next.js's `Module not found: Can't resolve '…'`, Apple's
 * linker (`Undefined symbols for architecture arm64:`, `"_png_read", referenced
 * from:`), `[nodemon] app crashed`, Compose's `web-1 exited with code 137`
 * and `service "migrate" didn't complete successfully: exit 1`, and kubectl's
 * `The Deployment "api" is invalid: …`.
 */
const TEST_FAILURE =
  /^\[ {2}FAILED {2}\] \S|^\S{1,512}:\d{1,7}: Failure$|\bTest\s{1,8}#\d{1,9}: \S{1,256} \.{0,256}\s{0,32}\*{3}(?:Failed|Exception|Timeout)\b|^\s{0,16}[\u00d7\u2716\u2718]\s{1,8}\S|^Jest: "[^"\n]{1,256}" coverage threshold for \w{1,32} \(\d{1,3}(?:\.\d{1,4})?%\) not met\b|<<< (?:FAILURE|ERROR)!|(?:^|\s)Failure\/Error: \S|^Failed asserting that \S|^FAILURES!\s*$|^\s{1,8}Failed [\w.+`<>,()/-]{1,512} \[\d{1,9}(?:\.\d{1,3})? m?s\]\s*$|^Failed!\s{1,4}- Failed:\s{0,8}[1-9]|^\S{1,512}\.pyi?:\d{1,7}:\d{1,7}: [A-Z]{1,4}\d{1,4} \S|^would reformat \S|(?:^|\s)ERR_PNPM_[A-Z_]{2,64}\s|^\s{0,4}ELIFECYCLE\s{1,4}Command failed\b|\bversion solving (?:has )?failed\b|^Your requirements could not be resolved to an installable set of packages\.|^Could not find gem '|^Module not found: Can't resolve '|^Undefined symbols for architecture \S{1,32}:\s*$|^\s{1,16}"[^"\n]{1,512}", referenced from:\s*$|^\[nodemon\] app crashed\b|^\S{1,256}\s{1,8}exited with code [1-9]\d{0,2}\s*$|^service "[^"\n]{1,128}" didn't complete successfully: exit [1-9]|^The \S{1,128} "[^"\n]{1,253}" is invalid: \S|^rspec (?:\.\/\S{1,512}:\d{1,7}|'\.\/[^'\n]{1,512}\[[\d:]{1,64}\]') # \S/m;
const TEST_PARTS = [
  '[  FAILED  ]',
  ': Failure',
  '***Failed',
  '***Exception',
  '***Timeout',
  '\u00d7',
  '\u2716',
  '\u2718',
  'threshold for ',
  '<<< FAILURE!',
  '<<< ERROR!',
  'Failure/Error: ',
  'Failed asserting',
  'FAILURES!',
  'Failed ',
  '.py:',
  '.pyi:',
  'would reformat',
  'ERR_PNPM_',
  'rspec ',
  'ELIFECYCLE',
  'version solving',
  'could not be resolved',
  'Could not find gem',
  "Can't resolve",
  'Undefined symbols',
  'referenced from:',
  'app crashed',
  'exited with code',
  "didn't complete successfully",
  '" is invalid',
];

/**
 * A line's own start, past the time a runner or a collector stamped on it
 * (GitHub Actions' `2026-12-01T10:00:00.1234567Z `, `docker logs -t`, `[2026-…]`)
 * and BuildKit's step prefix (`#8 2.145 `), which the patterns above are anchored after.
 */
const STAMPED =
  /^(?:\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?\]?\s{1,4})?(?:#\d{1,5} \d{1,6}\.\d{1,4} )?/;

/** One search for all the literal parts: most lines hold none, and are ruled out by it alone. */
const ANY_PART = new RegExp(
  [...WITHOUT_LEVEL_PARTS, ...TOOL_PARTS, ...TEST_PARTS, ...GO_PARTS]
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
);

const failsWithoutLevel = (text: string): boolean =>
  FAILURE_WITHOUT_LEVEL.test(text) ||
  TOOL_FAILURE.test(text) ||
  TEST_FAILURE.test(text) ||
  isGoLogFailure(text);

export function isFailureWithoutLevel(text: string): boolean {
  if (!ANY_PART.test(text)) return false;
  if (failsWithoutLevel(text)) return true;
  const stamp = STAMPED.exec(text)![0].length;
  return stamp > 0 && failsWithoutLevel(text.slice(stamp));
}

/**
 * The class of a record that names no level: what its words say, as for a
 * plain line. The logger is read too: a syslog file line's tag position may
 * hold the level word (`host SEVERE: lost`).
 */
function guessedSeverity(event: LogEvent): SeverityClass {
  const text = [event.logger ?? '', event.message, event.error?.message ?? ''].join('\n');
  const guess = severityFromText(text);
  if (guess !== 'unknown') return guess;
  return isFailureWithoutLevel(text) ? 'error' : 'unknown';
}

/**
 * A Python traceback's frames are its `File "…", line N, in f` lines: the
 * source line under each is code (`    gateway.capture(order)`), which would
 * otherwise read as a Go frame.
 */
const PYTHON_TRACEBACK = /^Traceback \(most recent call last\):/m;

function stackLines(stack: string): { frames: string[]; chain: string[] } {
  const frames: string[] = [];
  const chain: string[] = [];
  const python = PYTHON_TRACEBACK.test(stack);
  let last = '';
  for (const raw of stack.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const frame = frameOf(line);
    if (python && frame !== null && !frame.startsWith('py ')) continue;
    if (frame !== null) {
      // Recursion repeats a frame: it is counted once, as in a document's stack block.
      if (frame !== last && frames.length < MAX_BLOCK_FRAMES) frames.push(frame);
      last = frame;
    } else if (isStackContinuation(line)) {
      chain.push(exceptionSignature(line));
    }
  }
  return { frames, chain };
}

/**
 * The source file a record says it was logged from (klog's header, zap's and
 * logfmt's `caller`): where in the code, as a frame is, so kept without its line.
 */
function callerFile(caller: ContextValue | undefined): string | undefined {
  if (typeof caller !== 'string' || caller.length > 512) return undefined;
  return /(?:^|\/)([\w.-]{1,128}\.\w{1,8}):\d{1,7}$/.exec(caller)?.[1];
}

/** What groups a failure record: its type and signature (a document's entry for it). */
export interface RecordSignature {
  type: ReportType;
  signature: string;
}

/**
 * Messages of structured records are mostly constant (their parameters are
 * fields), so their masks are cached by the exact text.
 */
const maskMessage = cachedBy(maskText);

/** The type and signature of a structured record that is a failure, or null when it is none. */
/**
 * The kernel reports a task hung in D state as `INFO: task jbd2/sda1-8:412
 * blocked for more than 120 seconds.`: the word is its prefix, the report a
 * failure (the kernel's own hung-task detector), so it is read as an error.
 */
const HUNG_TASK =
  /^(?:\[\s{0,12}\d{1,12}\.\d{1,9}\] )?(?:INFO: )?task \S{1,256} blocked for more than \d{1,9} seconds\b/;

export function recordSignature(event: LogEvent): RecordSignature | null {
  const severity =
    event.severity === 'unknown'
      ? guessedSeverity(event)
      : event.severity === 'info' &&
          event.message.includes('blocked for more than') &&
          HUNG_TASK.test(event.message)
        ? 'error'
        : event.severity;
  // Neither an info or debug record nor one that names no failure is one, stack or none.
  if (severity === 'info' || severity === 'debug') return null;
  const stack = event.error?.stack ?? '';
  if (severity === 'unknown' && stack === '') return null;
  // A record that says nothing: Rails logs a blank FATAL line (its request's tag alone) around each exception.
  if (event.message.trim() === '' && !event.error?.type && !event.error?.message && stack === '') return null;
  const { frames, chain } = stack === '' ? { frames: [], chain: [] } : stackLines(stack);
  const severe = severity === 'error' || severity === 'fatal';
  const warning = severity === 'warning';
  const crash = frames.length > 0;
  if (!severe && !warning && !crash) return null;
  const type: ReportType = crash ? 'C' : severe ? 'E' : 'W';
  const parts = [`[${severe || (crash && !warning) ? 'error' : 'warning'}]`];
  if (event.logger) parts.push(`logger ${event.logger}`);
  const at = callerFile(event.context.caller);
  if (at) parts.push(`at ${at}`);
  if (event.error?.type) parts.push(`type ${event.error.type}`);
  if (event.message.trim() !== '') parts.push(maskMessage(event.message));
  if (event.error?.message && event.error.message !== event.message)
    parts.push(maskMessage(event.error.message));
  parts.push(...chain, ...frames.map((frame) => `  ${frame}`));
  return { type, signature: parts.join('\n') };
}

/** The failure a structured record is, or null when it is none. */
export function failureOfRecord(event: LogEvent): EventFailure | null {
  const found = recordSignature(event);
  if (found === null) return null;
  const { type, signature } = found;
  const stack = event.error?.stack ?? '';
  // A level read from a field is shown; one guessed from the text is already in it.
  const head = [event.severityText ?? '', event.logger ? `[${event.logger}]` : '', event.message]
    .filter((part) => part !== '')
    .join(' ');
  const error =
    event.error?.type || event.error?.message
      ? `${event.error?.type ?? 'Error'}: ${event.error?.message ?? ''}`
      : '';
  const text = [head, error !== '' && !stack.startsWith(error) ? error : '', stack]
    .filter((part) => part !== '')
    .join('\n');
  const tags = tagValuesOf(event);
  const failure = grouped(
    type,
    signature,
    text.length > TEXT_MAX_CHARS ? text.slice(0, TEXT_MAX_CHARS) : text,
  );
  return tags ? { ...failure, tags } : failure;
}

/** The failure a text body's entry is (every entry of a text body is one). */
export function failureOfEntry(entry: CollectedEntry): EventFailure {
  const failure = grouped(entry.type, entry.signature, entry.text);
  return entry.tags ? { ...failure, tags: entry.tags } : failure;
}
