/**
 * Line scanning over raw byte chunks, in one pass.
 *
 * Contract: the scanner hands its sink only the lines that may matter — every
 * line while the sink says it is inside a block, otherwise only lines holding a
 * keyword (see KEYWORDS) or starting with a shape (LINE_SHAPES, looked for in a
 * log whose start shows their format: matcherFor) — as byte ranges of a Buffer,
 * without the '\n'. Ordinary lines are never decoded. A
 * line split across chunks is reassembled; of a very long line only the first
 * LINE_KEEP bytes are kept (EXPORT_LINE_KEEP of an OTLP export request; the
 * rest is still searched for keywords), so memory stays bounded whatever the input.
 *
 * Keywords are found by the SIMD prefilter of prefilter.ts, whose cost per byte
 * does not depend on how many keywords there are, by FP bytes of each; every
 * candidate it reports is confirmed against the whole keyword before a line is
 * delivered.
 */

import { BLOCK, buildTables, FP, Prefilter } from './prefilter.ts';

/** Bytes of one line kept for analysis; the rest of a longer line is only searched. */
export const LINE_KEEP = 16 * 1024;
/**
 * Bytes kept of a line that is an OTLP JSON export request (the Collector's
 * `file` exporter writes a batch of records a line), read record by record
 * (lib/extract/collect.ts): a longer one is read as its first LINE_KEEP bytes.
 */
export const EXPORT_LINE_KEEP = 2 * 1024 * 1024;
const EXPORT_START = Buffer.from('{"resource');

/** What of the line starting at buf[start] (with bytes up to `end` at hand) is kept. */
function keepOf(buf: Buffer, start: number, end: number): number {
  const n = EXPORT_START.length;
  return end - start >= n && buf.compare(EXPORT_START, 0, n, start, start + n) === 0
    ? EXPORT_LINE_KEEP
    : LINE_KEEP;
}

/**
 * Words a reader of logs looks for (ASCII case-insensitive substrings). A hint,
 * not a verdict: the sink classifies the delivered lines precisely, so this list
 * only has to include everything the sink could act on.
 */
export const KEYWORDS: readonly string[] = [
  'error',
  'warn',
  'callstack',
  'exception',
  'traceback',
  // Section titles after which frames follow (Rust, PHP, many loggers).
  'backtrace',
  'stack trace',
  'stacktrace',
  'call stack',
  'panic',
  'fatal',
  'crit',
  'severe',
  'emerg',
  '====',
  // First frames of head-less native stacks (sanitizers, gdb, lldb, PHP).
  '#0 0',
  '#0  ',
  '#0 /',
  '#0: ',
  '#0 [',
  '#0 {',
  // Failures printed without a level word (lib/extract/event.ts FAILURE_WITHOUT_LEVEL).
  'out of memory',
  'failed with result',
  'main process exited',
  'failed to start',
  'anr in',
  'task timed out',
  // The shell's report of an abort or a crash, and what a C or C++ program
  // says before it: glibc's heap checks (`free(): double free detected in
  // tcache 2`, `double free or corruption (out)`, `munmap_chunk(): invalid
  // pointer`, `malloc(): corrupted top size`, `corrupted size vs. prev_size`),
  // its failed assertions (`Assertion `p' failed.`), the C++ runtime's
  // `terminate called after throwing an instance of '…'` (the `what():` line
  // after a failure line is read anyway). Each keyword is the part the
  // prefilter tells from ordinary text (`terminate` or `(): ` would not be).
  'aborted',
  // bash's report of a child SIGKILLed (an OOM kill, most often): `Killed`, or by script line
  'killed',
  'segmentation fault',
  'illegal instruction',
  'uble free',
  'invalid pointer',
  'corrupted top',
  'corrupted size',
  'stack smashing',
  'assertion `',
  'an instance of',
  // npm's failures before version 9 (`npm ERR! code E404`).
  'npm err!',
  // Build, test and deploy tools, some runtimes (lib/extract/event.ts TOOL_FAILURE):
  // go test's `--- FAIL: ` is found by `fail: `; jest's `● ` as its UTF-8 bytes. Each
  // keyword costs the prefilter on every log: those of rarer formats are looked
  // for only in a log that shows the format (LINE_FORMATS).
  '() failed',
  'undefined: ',
  // pytest's node id, `tests/test_cart.py::test_total` (`.py::` costs the prefilter more).
  'py::test',
  '\u00e2\u0097\u008f ',
  'undefined reference',
  'in @inc',
  // `pm line `, not `.pm line `: a leading '.' costs the prefilter many more false candidates.
  'pm line ',
  'ps1:',
  // SQL Server's `Msg 2627, Level 14, State 1, …` (levels 11 to 25 are errors).
  ', level 1',
  ', level 2',
  // A Kubernetes container's failed states (`kubectl get pods`, `describe`).
  'crashloopbackoff',
  'oomkilled',
  'imagepullbackoff',
  'errimagepull',
  // A shell's or a command-line tool's refusal (`bash: jq: command not found`,
  // dash's `sh: 1: jq: not found`, as Debian's /bin/sh and many images say it).
  'command not found',
  ': not found',
  'no such file or directory',
  'permission denied',
  // nginx's and HAProxy's alert level, `[alert]` (its rarest bytes, `ert]`, cost less without the bracket).
  'alert]',
  // Serilog's `[10:00:00 ERR]`, Microsoft.Extensions.Logging's `fail: `.
  'err]',
  'ftl]',
  'wrn]',
  'fail: ',
  // JSON levels the words above miss: pino/bunyan numbers (40 warn, 50 error, 60 fatal).
  '"level":4',
  '"level":5',
  '"level":6',
  // An access log's request answered with 500-509: `"GET / HTTP/1.1" 502` (lib/records/line.ts
  // accessEvent); `" 51`…`" 59` would make ordinary lines prefilter candidates.
  '" 50',
  // Apple's unified log: the Fault type column (`Error` is a keyword already).
  ' fault  ',
  // Test runners, linters and package managers (lib/extract/event.ts TEST_FAILURE):
  // jest, RSpec, flake8, black, pnpm, Next.js, Apple's linker, Compose, kubectl; those of tools
  // that announce themselves are looked for where their output shows (LINE_FORMATS).
  'threshold for ',
  'failure/error: ',
  '.py:',
  'would reformat',
  'err_pnpm_',
  'elifecycle',
  "can't resolve",
  'undefined symbols',
  '", referenced from',
  // Compose's `service "migrate" didn't complete successfully: exit 1`.
  'successfully: exit',
  '" is invalid',
];

const DIGIT = '0123456789';
/** klog/glog: `E0501 `, `F…`, `W…` (level letter, month, day). */
const KLOG_SHAPES = [
  ['EFW', '01', DIGIT, '0123', DIGIT, ' '],
  // CockroachDB's klog with the year: `E241203 18:40:51.002991 …`.
  ['EFW', DIGIT, DIGIT, '01', DIGIT, '0123', DIGIT, ' '],
];
/**
 * logcat at E, F, A or W: `threadtime` (`05-01 10:00:00.123  1234  1290 E Tag: …`,
 * pid and tid printed as %5d, wider for larger ids), `time` (`… E/Tag( 1234): …`)
 * and `brief` (`E/Tag( 1234): …`).
 */
const LOGCAT_SHAPES = (() => {
  const failing = 'EFAW';
  const date = ['01', DIGIT, '-', '0123', DIGIT];
  const time = ['012', DIGIT, ':', '012345', DIGIT, ':', '012345', DIGIT, '.', DIGIT, DIGIT, DIGIT];
  const stamp = [...date, ' ', ...time];
  const id = (width: number): string[] => [...Array<string>(width - 1).fill(` ${DIGIT}`), DIGIT];
  const shapes: string[][] = [];
  for (const pid of [5, 6, 7])
    for (const tid of [5, 6, 7]) shapes.push([...stamp, ' ', ...id(pid), ' ', ...id(tid), ' ', failing, ' ']);
  shapes.push([...stamp, ' ', failing, '/']);
  shapes.push([failing, '/', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz']);
  return shapes;
})();
/** syslog PRI values (1 to 3 digits, at most 191) whose severity, PRI mod 8, is 0-4 (emerg to warning). */
const PRI_SHAPES = (() => {
  const failing = (pri: number): boolean => pri % 8 <= 4 && pri <= 191;
  const shapes = [['<', [...DIGIT].filter((d) => failing(Number(d))).join(''), '>']];
  // Tens that allow the same units share a shape (`<[159][0-4]>`): the strings matched are the same.
  for (const hundreds of ['', '1']) {
    const byUnits = new Map<string, string>();
    for (let t = hundreds ? 0 : 1; t <= 9; t++) {
      const units = [...DIGIT].filter((d) => failing(Number(`${hundreds}${t}${d}`))).join('');
      if (units !== '') byUnits.set(units, (byUnits.get(units) ?? '') + t);
    }
    for (const [units, tens] of byUnits)
      shapes.push(['<', ...(hundreds ? [hundreds] : []), tens, units, '>']);
  }
  return shapes;
})();

/**
 * Line-start shapes: a line whose first bytes match one of these (each entry a
 * string of the bytes allowed at that position, exact case) is flagged like a
 * keyword line, for severities written as a shape rather than a word (klog's
 * `E0501 `). At least FP - 1 positions each; at most 32.
 */
export const LINE_SHAPES: readonly (readonly string[])[] = [...KLOG_SHAPES, ...LOGCAT_SHAPES, ...PRI_SHAPES];

/**
 * The formats whose severity is a line-start shape, each with the test that a
 * document is written in it (at any level) and its shapes. A shape starts at
 * a '\n', and after a '\n' digits and capitals are common: looked for in every
 * log, the shapes would make most line starts candidates, so they are looked
 * for only in a log whose first SNIFF_BYTES show the format.
 */
const LINE_FORMATS: ReadonlyArray<{
  seen: RegExp;
  shapes: readonly (readonly string[])[];
  /** Keywords too common in other logs to be looked for in them. */
  keywords?: readonly string[];
}> = [
  {
    seen: /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{1,9}\s{1,16}\d{1,10} [^\s:\]]{1,256}:\d{1,7}\]|^[IWEF]\d{6} \d\d:\d\d:\d\d\.\d{1,9} \d{1,10} \S{1,256}\.go:\d{1,7} /m,
    shapes: KLOG_SHAPES,
  },
  {
    seen: /^(?:\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s{1,8}(?:\d{1,10}\s{1,8}\d{1,10} [VDIWEFA] |[VDIWEFA]\/)|[VDIWEFA]\/[^(\n]{0,128}\(\s{0,8}\d{1,10}\): )/m,
    shapes: LOGCAT_SHAPES,
  },
  { seen: /^<\d{1,3}>/m, shapes: PRI_SHAPES },
  {
    // Redis: `pid:role DD Mon YYYY HH:MM:SS.mmm <mark> …`, `#` its warning mark after the milliseconds.
    seen: /^\d{1,10}:[XCSM] \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3} [.*#-] /m,
    shapes: [],
    keywords: [...DIGIT].map((d) => `${d} # `),
  },
  {
    // journald JSON (`journalctl -o json`): PRIORITY 0-4 is emerg to warning, every value a string.
    seen: /^\{"__CURSOR":/m,
    shapes: [],
    keywords: ['"priority":"0"', '"priority":"1"', '"priority":"2"', '"priority":"3"', '"priority":"4"'],
  },
  {
    // GELF: its syslog levels 0 (emergency) to 3 (error); pino's 30 is info, hence the comma.
    seen: /^\{[^\n]{0,4096}"short_message":/m,
    shapes: [],
    keywords: ['"level":0,', '"level":1,', '"level":2,', '"level":3,'],
  },
  {
    // The kernel's log (`kernel: ` in syslog, dmesg's `[  812.000001] `): an oops, the
    // function it faulted in, a soft lockup, a hung task, an NFS server gone, an AppArmor denial.
    seen: /(?:^|\s)kernel: |^\[\s{0,12}\d{1,12}\.\d{6}\] /m,
    shapes: [],
    keywords: [
      'oops: ',
      'rip: 00',
      'soft lockup',
      'blocked for more than',
      'not responding',
      'apparmor="denied"',
    ],
  },
  {
    // Postfix's delivery log: mail it could not deliver.
    seen: /\bpostfix\/\w{1,32}\[\d{1,10}\]: /m,
    shapes: [],
    keywords: ['status=bounced', 'status=deferred'],
  },
  {
    // librdkafka's log (every Kafka client built on it): `%3|1764583200.123|FAIL|rdkafka#producer-1| …`,
    // its syslog level first; 0-3 are failures (lib/extract/event.ts TOOL_FAILURE).
    // (a keyword, as every shape is looked for by the default matcher: the epoch seconds start with 1 until 2033).
    seen: /^%[0-7]\|\d{9,11}\.\d{3}\|/m,
    shapes: [],
    keywords: ['%0|1', '%1|1', '%2|1', '%3|1'],
  },
  {
    // AWS Lambda's log: the REPORT line of an invocation that ran out of time.
    seen: /(?:^|\s)(?:START|END|REPORT) RequestId: /m,
    shapes: [],
    keywords: ['status: timeout'],
  },
  {
    // HAProxy's HTTP log, whose status comes before the request (lib/records/line.ts HAPROXY).
    seen: /\bhaproxy\[\d{1,10}\]: /m,
    shapes: [],
    keywords: [' 500 ', ' 502 ', ' 503 ', ' 504 '],
  },
  {
    // Lua's errors (`lua: app.lua:10: attempt to index a nil value`, `module 'cjson' not found:`).
    seen: /\.lua:\d{1,7}: /m,
    shapes: [],
    keywords: ['attempt to ', "' not found:"],
  },
  {
    // Valgrind's report (`==4411== Memcheck, a memory error detector`): its findings (lib/extract/event.ts TOOL_FAILURE).
    seen: /^==\d{1,10}== /m,
    shapes: [],
    keywords: [
      'invalid read',
      'invalid write',
      'invalid free',
      'uninitialised',
      'definitely lost',
      'possibly lost',
      'mismatched free',
    ],
  },
  {
    // An access log written as JSON or logfmt (lograge, Traefik, Caddy, pino-http, ECS, nginx's
    // escape=json): a request answered with a 5xx, whatever its level (lib/records/json.ts httpRequestOf).
    seen: /^\{[^\n]{0,4096}(?:status|Status|status_?[cC]ode)"\s?:\s?"?[1-5]\d\d\b|(?:^|\s)status=[1-5]\d\d\b/m,
    shapes: [],
    keywords: [
      'status":5',
      'status": 5',
      'status":"5',
      'status": "5',
      'statuscode":5',
      'statuscode": 5',
      'status_code":5',
      'status_code": 5',
      'status=5',
    ],
  },
  {
    // Go's build, vet and test output (`# shop/internal/cart` over the compiler's diagnostics,
    // `ok  \tshop/cart 0.01s`, `FAIL\tshop/cart`): a diagnostic is a position and a message
    // (`cart.go:57:2: declared and not used: x`), with no level word (lib/extract/event.ts TOOL_FAILURE).
    seen: /^# [\w.-]{1,128}(?:\/[\w.@-]{1,128}){0,32}(?: \[[\w./@ -]{1,256}\])?\r?$|^(?:FAIL|ok {2})\t[\w.-]{1,128}[\s/]/m,
    shapes: [],
    keywords: ['.go:', 'fail\t'],
  },
  {
    // Go's standard log (`2026/12/01 10:00:05 dial tcp 10.0.3.7:5432: connect: connection refused`):
    // an error of the operating system's or the net package's, with no level word (lib/extract/event.ts
    // GO_LOG_FAILURE; `no such file or directory` and `permission denied` are keywords of every log).
    seen: /^(?:[\w.[\]-]{1,64}:? )?\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})? /m,
    shapes: [],
    keywords: [
      'connection refused',
      'reset by peer',
      'broken pipe',
      'i/o timeout',
      'no such host',
      'network is unreachable',
      'too many open files',
      'no space left',
      'already in use',
      'deadline exceeded',
      'exit status ',
    ],
  },
  {
    // Gradle's console (`> Task :app:compileKotlin FAILED`): the Kotlin compiler's errors, `e: file:///…/Cart.kt:14:23 …`,
    // and a failed task's `Execution failed for task ':app:test'.` where the log starts below Gradle's banner.
    seen: /^> Task :[\w:.-]|^\* What went wrong:/m,
    shapes: [],
    keywords: ['e: file:', 'e: /', 'execution failed for task'],
  },
  {
    // The OpenTelemetry Collector's `file` exporter (a line an export request in OTLP JSON): a record
    // may carry only its severityNumber, 13-16 warn, 17-24 error and fatal (lib/extract/collect.ts).
    seen: /^\{"resource(?:Logs|_logs)":/m,
    shapes: [],
    keywords: ['"severitynumber":1', '"severitynumber":2', '"severity_number":1', '"severity_number":2'],
  },
  {
    // vitest's run (` RUN  v2.1.8 /app`): a failed test, ` × src/cart.test.ts > Cart > applies …`;
    // mocha's (`  3 passing (12ms)`): its tally `  1 failing`, then each failure under its number,
    // `  1) Cart`, its title and error on the indented lines under it (lib/extract/collect.ts MOCHA_HEAD).
    seen: /^ (?:RUN|DEV|WATCH) {2}v\d{1,3}\.\d|^ {2}\d{1,6} (?:passing|failing|pending)\b/m,
    shapes: [
      [' ', ' ', DIGIT, ')', ' '],
      [' ', ' ', DIGIT, DIGIT, ')', ' '],
      [' ', ' ', DIGIT, DIGIT, DIGIT, ')', ' '],
    ],
    keywords: [' \u00c3\u0097 ', ' failing'],
  },
  {
    // Playwright's run (`Running 12 tests using 4 workers`): a failed test, `  ✘  2 [chromium] › pay.spec.ts:12:5 › pays`.
    seen: /^Running \d{1,6} tests? using \d{1,4} workers?/m,
    shapes: [],
    keywords: ['\u00e2\u009c\u0098 '],
  },
  {
    // commitlint's report (`⧗   input: feat: add cart`): its findings, `✖   subject may not be empty [subject-empty]`.
    seen: /^\u00e2\u00a7\u0097\s{1,8}input: /m,
    shapes: [],
    keywords: ['\u00e2\u009c\u0096 '],
  },
  {
    // GoogleTest's run (`[==========] Running 3 tests from 1 test suite.`): an assertion's `pool_test.cc:57: Failure`.
    seen: /^\[={10}\] Running \d/m,
    shapes: [],
    keywords: [': failure', '[  failed  ]'],
  },
  {
    // CTest's run (`Test project /src/build`, `    Start 4: unit_queue`): `4/4 Test #4: unit_queue ...***Failed`.
    seen: /^(?:Test project \/|\s{0,8}Start\s{1,4}\d{1,6}: )/m,
    shapes: [],
    keywords: ['***failed', '***timeout'],
  },
  {
    // PHPUnit's run (`PHPUnit 10.5.2 by Sebastian Bergmann …`): `Failed asserting that …`, `FAILURES!`;
    // RSpec's (`Failures:`, `Failed examples:`, `4 examples, 1 failure`): each example that failed,
    // `rspec ./spec/cart_spec.rb:12 # Cart#total applies the discount` (lib/extract/event.ts TEST_FAILURE).
    seen: /^PHPUnit \d{1,2}\.\d|^(?:Failures|Failed examples):\s*$|^\d{1,7} examples?, \d{1,7} failures?\b/m,
    shapes: [],
    keywords: ['failed asserting', 'failures!', 'rspec ./', "rspec '"],
  },
  {
    // `dotnet test` (`Test run for /src/Shop.Tests.dll (.NETCoreApp,Version=v8.0)`): `  Failed Shop.Tests.X [12 ms]`.
    seen: /^(?:Test run for .{1,512}\.dll\b|Starting test execution, please wait)/m,
    shapes: [],
    keywords: ['  failed ', 'failed!'],
  },
  {
    // nodemon (`[nodemon] 3.1.0`): `[nodemon] app crashed - waiting for file changes …`.
    seen: /^\[nodemon\] /m,
    shapes: [],
    keywords: ['app crashed'],
  },
  {
    // A dependency resolver's run: Poetry's and Bundler's `Resolving dependencies...`, Bundler's
    // `Fetching gem metadata`, Composer's `Loading composer repositories`: `version solving failed`, …
    seen: /^(?:Resolving dependencies\.\.\.|Updating dependencies|Fetching gem metadata|Loading composer repositories)/m,
    shapes: [],
    keywords: ['version solving', 'could not be resolved', 'could not find gem'],
  },
  {
    // Docker Compose's progress (` ✔ Container shop-db-1  Started`, `Attaching to web-1`): `web-1 exited with code 137`.
    seen: /(?:^|\s)Container \S{1,256}\s{1,32}(?:Created|Creating|Starting|Started|Running|Recreated|Healthy|Waiting)\b|^Attaching to \S/m,
    shapes: [],
    keywords: ['exited with code'],
  },
  {
    // MongoDB's structured log: severity F(atal), E(rror), W(arning).
    seen: /^\{"t":\{"\$date":/m,
    shapes: [],
    keywords: ['"s":"f"', '"s":"e"', '"s":"w"'],
  },
  {
    // Windows events as Event Viewer's text copy (`Log Name:      Application`) or
    // Get-WinEvent | Format-List (`ProviderName : …`) print them: a crash's faulting program and module.
    seen: /^Log Name: {2,}\S|^ProviderName {0,8}: \S|^Event ID: {2,}\d/m,
    shapes: [],
    keywords: ['faulting application name: ', 'faulting module name: '],
  },
  {
    // A W3C extended log (IIS, CloudFront): its `#Fields:` directive names the columns,
    // sc-status among them (lib/records/line.ts w3cEvent); a 5xx is a space or a tab, then 500 to 511.
    seen: /^#Fields: [^\n]{0,4096}\bsc-status\b/m,
    shapes: [],
    keywords: [
      '#fields: ',
      ...[' ', '\t'].flatMap((sep) => Array.from({ length: 12 }, (_, n) => `${sep}${500 + n}`)),
    ],
  },
];

// A matcher is keyed by a bit a format (matcherFor): at most 31 of them.
if (LINE_FORMATS.length > 31) throw new Error('LINE_FORMATS: at most 31 formats');

/** Bytes of a log's start that decide which line formats it is written in. */
export const SNIFF_BYTES = 64 * 1024;

const matchers = new Map<number, Matcher>();

/** The matcher for a log that starts with `sample`: KEYWORDS, and the shapes of the formats it shows. */
export function matcherFor(sample: Uint8Array): Matcher {
  return matcherOf(formatsSeen(sample));
}

/** Each format's test of a sample (LINE_FORMATS `seen`), in the order of the key's bits. */
export const FORMAT_TESTS: readonly RegExp[] = LINE_FORMATS.map((f) => f.seen);
for (const test of FORMAT_TESTS)
  if (test.flags !== 'm') throw new Error(`LINE_FORMATS: ${test} must have the flag m alone`);

/** A pattern's alternatives at its top level (split at each `|` outside groups and classes). */
export function topAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/**
 * Each test's alternatives that start a line (`^…`), by bit, without their
 * `^`: they are searched for together, under one `^` (lineStartSearch). The
 * others (`(?:^|\s)kernel: `, `\bhaproxy\[`) are each format's own search,
 * for words V8 finds fast. Null: the test has none of the kind.
 */
const LINE_START_TESTS = FORMAT_TESTS.map((test) => {
  const starts = topAlternatives(test.source).filter((b) => b.startsWith('^'));
  return starts.length === 0 ? null : starts.map((b) => b.slice(1)).join('|');
});
const LOOSE_TESTS = FORMAT_TESTS.map((test) => {
  const loose = topAlternatives(test.source).filter((b) => !b.startsWith('^'));
  return loose.length === 0 ? null : new RegExp(loose.join('|'), 'm');
});

/**
 * The formats `sample` shows, a bit each (as LINE_FORMATS orders them): the
 * formats whose test matches somewhere in it. First each format's own search
 * (LOOSE_TESTS); then the alternatives that start a line, of the formats not
 * yet seen, are one search, each format's in a group of its own: a match
 * names the first of them seen, which then leaves the search, and the search
 * goes on from that match's line (another format may match there too).
 * Tested one by one, as before, a small log posted to the API was read once a
 * format (31 times), which cost more than the rest of its extraction.
 */
export function formatsSeen(sample: Uint8Array): number {
  const text = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('latin1');
  let key = 0;
  LOOSE_TESTS.forEach((test, i) => {
    if (test?.test(text)) key |= 1 << i;
  });
  for (let at = 0; ; ) {
    const search = lineStartSearch(key);
    if (search === null) return key;
    search.lastIndex = at;
    const m = search.exec(text);
    if (m === null) return key;
    const groups = m.groups as Record<string, string | undefined>;
    const i = LINE_START_TESTS.findIndex((t, k) => t !== null && groups[`f${k}`] !== undefined);
    key |= 1 << i;
    at = m.index;
  }
}

const lineStartSearches = new Map<number, RegExp | null>();
/** Searches kept: a log shows a few formats, but each set of them seen so far is a search of its own. */
const LINE_START_SEARCHES = 256;

/** The line-start alternatives of the formats not among `matched`, as one search (null: none left). */
function lineStartSearch(matched: number): RegExp | null {
  let search = lineStartSearches.get(matched);
  if (search === undefined) {
    if (lineStartSearches.size >= LINE_START_SEARCHES) lineStartSearches.clear();
    const left = LINE_START_TESTS.flatMap((t, i) =>
      t === null || (matched >> i) & 1 ? [] : [`(?<f${i}>${t})`],
    );
    search = left.length === 0 ? null : new RegExp(`^(?:${left.join('|')})`, 'gm');
    lineStartSearches.set(matched, search);
  }
  return search;
}

/** The matcher of KEYWORDS and the shapes of the formats whose bits `key` holds, built once when first asked for. */
function matcherOf(key: number): Matcher {
  let m = matchers.get(key);
  if (m === undefined) {
    m = new Matcher(
      [...KEYWORDS, ...LINE_FORMATS.flatMap((f, i) => ((key >> i) & 1 ? (f.keywords ?? []) : []))],
      LINE_FORMATS.flatMap((f, i) => ((key >> i) & 1 ? f.shapes : [])),
    );
    matchers.set(key, m);
  }
  return m;
}

const lower = (c: number): number => (c >= 65 && c <= 90 ? c | 32 : c);
const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** Bytes most frequent in log text, most frequent first (digits and punctuation besides). */
const COMMON = ' etaoinsrhldcum0123456789';
const commonness = (c: number): number => {
  const i = COMMON.indexOf(String.fromCharCode(lower(c)));
  return i < 0 ? 0 : COMMON.length - i;
};

/** Hash of the folded window buf[i, i + FP): an index into a matcher's table. */
function windowHash(buf: Uint8Array, i: number): number {
  return (
    (((lower(buf[i]!) << 8) | lower(buf[i + 1]!)) +
      ((lower(buf[i + 2]!) << 8) | lower(buf[i + 3]!)) * 40503) &
    0xffff
  );
}

/**
 * What the prefilter looks for to find shapes: the '\n' ending the line before
 * and the shape's first FP - 1 positions, one pattern for all shapes of one
 * first position (their later positions joined): shapeAt tells them apart, and
 * every pattern more lets more mixtures of nibbles through the buckets.
 */
function shapeStarts(shapes: readonly (readonly string[])[]): Uint8Array[][] {
  const byFirst = new Map<string, string[]>();
  for (const shape of shapes) {
    const head = shape.slice(0, FP - 1);
    const joined = byFirst.get(head[0] ?? '');
    byFirst.set(
      head[0] ?? '',
      joined === undefined ? [...head] : joined.map((set, k) => [...new Set(set + (head[k] ?? ''))].join('')),
    );
  }
  return [...byFirst.values()].map((head) => [Uint8Array.of(10), ...head.map(bytesOf)]);
}

/** The windows of shapeStarts' patterns, one a shape: what the prefilter's second check lets through. */
function shapeWindows(shapes: readonly (readonly string[])[]): Uint8Array[][] {
  return shapes.map((shape) => [Uint8Array.of(10), ...shape.slice(0, FP - 1).map(bytesOf)]);
}

/** Ranges shorter than this are searched offset by offset (Matcher.hasKeyword). */
const SCALAR_BELOW = 1024;

interface Entry {
  kw: Uint8Array;
  /** Where the fingerprint lies in the keyword. */
  at: number;
}

/**
 * Finds keywords and line-start shapes. A keyword is found by FP of its bytes:
 * the run of them least common in logs (`xcep` of exception, `cktr` of
 * stacktrace), so that words merely sharing a keyword's start (trace_id,
 * caller) are seldom candidates; each candidate is then confirmed whole.
 */
export class Matcher {
  /** Bytes a keyword split between two parts of a line can have on either side. */
  readonly seam: number;
  readonly hasShapes: boolean;
  /** The longest distance from a fingerprint back to its keyword's start. */
  private readonly maxAt: number;
  /**
   * Keywords by the 16-bit hash of their fingerprint: windowAt[hash] is the
   * index of their list in windowLists, -1 for none (a table, not a Map: it is
   * read for every candidate).
   */
  private readonly windowAt = new Int16Array(0x10000).fill(-1);
  private readonly windowLists: Entry[][] = [];
  /**
   * Shapes as bit sets (one bit a shape): shapeMask[k * 256 + byte] holds the
   * shapes allowing that byte at position k, shapeEnds[k] those ending there,
   * so a line start is checked against every shape in one pass over its bytes.
   */
  private readonly shapeMask: Int32Array;
  private readonly shapeEnds: Int32Array;
  private readonly shapeLen: number;
  private readonly allShapes: number;
  /** Built on first use: a matcher asked only about single lines (isFlagged) never needs one. */
  private built: Prefilter | null = null;
  private readonly patterns: Uint8Array[][];
  private readonly windows: Uint8Array[][];
  /** Candidate buffer of findKeyword (synchronous, so one is enough). */
  private readonly scratch = new Int32Array(BLOCK);

  constructor(keywords: readonly string[], shapes: readonly (readonly string[])[] = []) {
    if (keywords.some((kw) => kw.length < FP)) throw new Error(`keywords need ${FP} bytes at least`);
    if (shapes.some((shape) => shape.length < FP - 1))
      throw new Error(`shapes need ${FP - 1} positions at least`);
    const entries = keywords.map((kw): Entry => {
      const codes = Uint8Array.from(bytesOf(kw), lower);
      let at = 0;
      let best = Number.POSITIVE_INFINITY;
      for (let o = 0; o + FP <= codes.length; o++) {
        let score = 0;
        for (let j = 0; j < FP; j++) score += commonness(codes[o + j]!);
        if (score < best) {
          best = score;
          at = o;
        }
      }
      return { kw: codes, at };
    });
    const byWindow = new Map<number, Entry[]>();
    for (const e of entries) {
      const h = windowHash(e.kw, e.at);
      byWindow.set(h, [...(byWindow.get(h) ?? []), e]);
    }
    for (const [h, list] of byWindow) {
      this.windowAt[h] = this.windowLists.length;
      this.windowLists.push(list);
    }
    this.maxAt = Math.max(0, ...entries.map((e) => e.at));
    this.seam = Math.max(FP, ...keywords.map((kw) => kw.length)) - 1;
    if (shapes.length > 32) throw new Error('at most 32 shapes');
    this.shapeLen = Math.max(0, ...shapes.map((shape) => shape.length));
    this.shapeMask = new Int32Array(this.shapeLen * 256);
    this.shapeEnds = new Int32Array(this.shapeLen);
    shapes.forEach((shape, i) => {
      shape.forEach((set, k) => {
        for (const c of bytesOf(set)) this.shapeMask[k * 256 + c]! |= 1 << i;
      });
      this.shapeEnds[shape.length - 1]! |= 1 << i;
    });
    this.allShapes = shapes.length === 32 ? -1 : (1 << shapes.length) - 1;
    this.hasShapes = shapes.length > 0;
    const fingerprints = entries.map((e) => [...e.kw.subarray(e.at, e.at + FP)].map((c) => Uint8Array.of(c)));
    this.patterns = [...fingerprints, ...shapeStarts(shapes)];
    this.windows = [...fingerprints, ...shapeWindows(shapes)];
  }

  private get prefilter(): Prefilter {
    this.built ??= new Prefilter(buildTables(this.patterns, this.windows));
    return this.built;
  }

  /** See Prefilter.candidates. */
  candidates(buf: Uint8Array, from: number, end: number, to: number, out: Int32Array): number {
    return this.prefilter.candidates(buf, from, end, to, out);
  }

  /** The start of a whole keyword lying in buf[from, to) whose fingerprint is at buf[q], or -1. */
  keywordAt(buf: Uint8Array, q: number, from: number, to: number): number {
    if (q + FP > to) return -1;
    const slot = this.windowAt[windowHash(buf, q)]!;
    if (slot < 0) return -1;
    const list = this.windowLists[slot]!;
    for (let i = 0; i < list.length; i++) {
      const { kw, at } = list[i]!;
      const start = q - at;
      if (start < from || start + kw.length > to) continue;
      let k = 0;
      while (k < kw.length && lower(buf[start + k]!) === kw[k]) k++;
      if (k === kw.length) return start;
    }
    return -1;
  }

  /** True when the line starting at buf[at] (and ending before `to`) begins with a shape. */
  shapeAt(buf: Uint8Array, at: number, to: number): boolean {
    let live = this.allShapes;
    const n = Math.min(this.shapeLen, to - at);
    for (let k = 0; k < n; k++) {
      live &= this.shapeMask[(k << 8) | buf[at + k]!]!;
      if (live === 0) return false;
      if ((live & this.shapeEnds[k]!) !== 0) return true;
    }
    return false;
  }

  /** Offset of the first keyword lying wholly in buf[from, to), or -1. */
  findKeyword(buf: Uint8Array, from: number, to: number): number {
    const out = this.scratch;
    let first = -1;
    for (let a = from; a < to; a += BLOCK) {
      const n = this.prefilter.candidates(buf, a, Math.min(to, a + BLOCK), to, out);
      for (let k = 0; k < n; k++) {
        const q = out[k]!;
        // Fingerprints lie up to maxAt bytes into their keywords: a later one may start earlier.
        if (first >= 0 && q - this.maxAt > first) return first;
        const start = this.keywordAt(buf, q, from, to);
        if (start >= 0 && (first < 0 || start < first)) first = start;
      }
    }
    return first;
  }

  /**
   * True when a whole keyword lies in buf[from, to), as findKeyword(…) >= 0
   * says. A range shorter than SCALAR_BELOW is tried at every offset, asking
   * keywordAt what it would ask of the prefilter's candidates, without
   * building the prefilter: the matcher collect.ts asks about lines of blocks
   * never builds one (its tables are some 10 ms of a run's start).
   */
  hasKeyword(buf: Uint8Array, from: number, to: number): boolean {
    if (this.built !== null && to - from >= SCALAR_BELOW) return this.findKeyword(buf, from, to) >= 0;
    for (let q = from; q + FP <= to; q++) if (this.keywordAt(buf, q, from, to) >= 0) return true;
    return false;
  }

  /** True when the line buf[start, end) holds a keyword or starts with a shape. */
  isFlagged(buf: Uint8Array, start: number, end: number): boolean {
    return (this.hasShapes && this.shapeAt(buf, start, end)) || this.hasKeyword(buf, start, end);
  }
}

/** KEYWORDS and every one of LINE_SHAPES; built on first use, as building one costs milliseconds at start-up. */
const defaultMatcher = (): Matcher => matcherOf((1 << LINE_FORMATS.length) - 1);

/** Offset of the first of KEYWORDS lying wholly in buf[from, to), or -1. */
export function findKeyword(buf: Uint8Array, from: number, to: number): number {
  return defaultMatcher().findKeyword(buf, from, to);
}

/** True when the line buf[start, end) holds one of KEYWORDS or starts with one of LINE_SHAPES. */
export function isFlagged(buf: Uint8Array, start: number, end: number): boolean {
  return defaultMatcher().isFlagged(buf, start, end);
}

export interface LineSink {
  /** True while the sink needs every line (inside a block), not only flagged ones. */
  wantsEveryLine(): boolean;
  /**
   * One line: buf[start, end) without its '\n'; `truncated` when longer than
   * LINE_KEEP. `flagged` is null for a whole line of a block, which is not
   * searched (`isFlagged` answers, should the sink need it). `text`, when
   * given, is buf[start, end) decoded as UTF-8 already; `at` is the line's
   * offset in the whole input.
   */
  line(
    buf: Buffer,
    start: number,
    end: number,
    flagged: boolean | null,
    truncated: boolean,
    text?: string,
    at?: number,
  ): void;
}

export class LineScanner {
  /** Candidates of the block being read: one for each of its bytes at most, so as long as the longest block yet (a small log's is short). */
  private hits = new Int32Array(0);
  private hitCount = 0;
  private hitIndex = 0;
  private blockEnd = 0;
  /** The line in progress at the end of the last chunk: its first `keep` bytes. */
  private head: Buffer[] = [];
  private headLen = 0;
  private keep = LINE_KEEP;
  private open = false;
  private overflow = false;
  private overflowHit = false;
  /** The last `seam` bytes of the line in progress, for keywords split between chunks. */
  private tail: Buffer = Buffer.alloc(0);
  /** Offset in the whole input of the chunk being scanned, and of the line in progress. */
  private base = 0;
  private openAt = 0;

  /** Given, or chosen when sniffing ends: no line is scanned before. */
  private m!: Matcher;
  /** No matcher was given: the first SNIFF_BYTES choose one (matcherFor), held here until then. */
  private sniffing: boolean;
  private sniffed: Buffer[] = [];
  private sniffedLen = 0;

  constructor(
    private readonly sink: LineSink,
    m?: Matcher,
  ) {
    if (m !== undefined) this.m = m;
    this.sniffing = m === undefined;
  }

  push(chunk: Buffer): void {
    if (this.sniffing) {
      if (this.sniffedLen === 0 && chunk.length >= SNIFF_BYTES) {
        this.sniffing = false;
        this.m = matcherFor(chunk.subarray(0, SNIFF_BYTES));
      } else {
        // The caller may reuse its buffer: what is held is copied.
        this.sniffed.push(Buffer.from(chunk));
        this.sniffedLen += chunk.length;
        if (this.sniffedLen >= SNIFF_BYTES) this.endSniffing();
        return;
      }
    }
    this.scan(chunk);
  }

  private endSniffing(): void {
    const held = this.sniffed.length === 1 ? (this.sniffed[0] as Buffer) : Buffer.concat(this.sniffed);
    this.sniffed = [];
    this.sniffedLen = 0;
    this.sniffing = false;
    this.m = matcherFor(held.subarray(0, SNIFF_BYTES));
    if (held.length > 0) this.scan(held);
  }

  private scan(chunk: Buffer): void {
    this.scanChunk(chunk);
    this.base += chunk.length;
  }

  private scanChunk(chunk: Buffer): void {
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
    if (this.sniffing) this.endSniffing();
    if (this.open) this.flushOpen();
  }

  /** buf[from, to) holds complete lines, each ending in '\n'. */
  private scanLines(buf: Buffer, from: number, to: number): void {
    const longest = Math.min(BLOCK, to - from);
    if (this.hits.length < longest) this.hits = new Int32Array(longest);
    this.hitCount = 0;
    this.hitIndex = 0;
    this.blockEnd = from;
    let p = from;
    while (p < to) {
      if (this.sink.wantsEveryLine()) {
        const e = buf.indexOf(10, p);
        this.deliver(buf, p, e, null);
        p = e + 1;
        continue;
      }
      // Candidates find a shape by the '\n' before it, which for the line at p may lie behind p.
      if (this.m.hasShapes && this.m.shapeAt(buf, p, to)) {
        const e = buf.indexOf(10, p);
        this.deliver(buf, p, e, true);
        p = e + 1;
        continue;
      }
      const h = this.nextHit(buf, p, to);
      if (h < 0) return;
      const e = buf.indexOf(10, h);
      this.deliver(buf, buf.lastIndexOf(10, h) + 1, e, true);
      p = e + 1;
    }
  }

  /** A confirmed keyword, or the start of a line with a shape, at or after p; -1 if none. */
  private nextHit(buf: Buffer, p: number, to: number): number {
    for (;;) {
      while (this.hitIndex < this.hitCount) {
        const h = this.hits[this.hitIndex]!;
        if (h >= p) {
          if (this.m.keywordAt(buf, h, p, to) >= 0) return h;
          if (this.m.hasShapes && buf[h] === 10 && this.m.shapeAt(buf, h + 1, to)) return h + 1;
        }
        this.hitIndex++;
      }
      if (this.blockEnd >= to) return -1;
      const a = Math.max(p, this.blockEnd);
      this.blockEnd = Math.min(to, a + BLOCK);
      this.hitCount = this.m.candidates(buf, a, this.blockEnd, to, this.hits);
      this.hitIndex = 0;
    }
  }

  /** `flagged` is null when not yet known (a line of a block); a truncated line is always searched. */
  private deliver(buf: Buffer, start: number, end: number, flagged: boolean | null): void {
    const keep = end - start > LINE_KEEP ? keepOf(buf, start, end) : LINE_KEEP;
    if (end - start > keep) {
      const hit = flagged ?? this.m.isFlagged(buf, start, end);
      this.sink.line(buf, start, start + keep, hit, true, undefined, this.base + start);
      return;
    }
    this.sink.line(buf, start, end, flagged, false, undefined, this.base + start);
  }

  private absorb(buf: Buffer, start: number, end: number): void {
    if (!this.open) {
      this.openAt = this.base + start;
      this.keep = keepOf(buf, start, end);
    }
    this.open = true;
    if (end <= start) return;
    let s = start;
    if (this.headLen < this.keep) {
      const take = Math.min(end - s, this.keep - this.headLen);
      this.head.push(Buffer.from(buf.subarray(s, s + take)));
      this.headLen += take;
      s += take;
    }
    if (s < end) {
      this.overflow = true;
      if (!this.overflowHit) {
        // A keyword may start in the bytes just before s (the kept head or an earlier chunk).
        const before = Buffer.concat([this.tail, buf.subarray(Math.max(start, s - this.m.seam), s)]);
        const seam = Buffer.concat([
          before.subarray(Math.max(0, before.length - this.m.seam)),
          buf.subarray(s, Math.min(end, s + this.m.seam)),
        ]);
        this.overflowHit =
          this.m.findKeyword(seam, 0, seam.length) >= 0 || this.m.findKeyword(buf, s, end) >= 0;
      }
    }
    const keep = Buffer.concat([this.tail, buf.subarray(Math.max(start, end - this.m.seam), end)]);
    this.tail = Buffer.from(keep.subarray(Math.max(0, keep.length - this.m.seam)));
  }

  private flushOpen(): void {
    const line = this.head.length === 1 ? (this.head[0] as Buffer) : Buffer.concat(this.head, this.headLen);
    const flagged = this.overflowHit || this.m.isFlagged(line, 0, line.length);
    const truncated = this.overflow;
    this.head = [];
    this.headLen = 0;
    this.open = false;
    this.overflow = false;
    this.overflowHit = false;
    this.tail = Buffer.alloc(0);
    if (flagged || this.sink.wantsEveryLine())
      this.sink.line(line, 0, line.length, flagged, truncated, undefined, this.openAt);
  }
}
