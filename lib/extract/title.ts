/**
 * What a report says it is, as Sentry and GlitchTip lead every row with it: a
 * title — the error type and message, or the failure message, parameters
 * masked — and a culprit — the top in-app frame, or the logger or component.
 *
 * Contract (pure): read from a report's normalised signature (lib/extract: the
 * masked failure entries), so a title carries no id, user or time and every
 * log of the report gives the same one; deterministic; bounded.
 */

export const TITLE_MAX_CHARS = 200;

export interface Headline {
  title: string;
  culprit: string | null;
}

/**
 * An exception's head line: a type (dotted, `Error`/`Exception`/… ending, with
 * node's `[ERR_ASSERTION]` code) and its message after a colon; not a sentence
 * that starts with such a word (`Error occurred …`, RSpec's `Failure/Error: …`).
 * .NET's words before the type are not the title's: `Unhandled exception. `
 * (.NET Core's console), `Unhandled Exception: ` (.NET Framework's) and the
 * Windows event's `Exception Info: `.
 */
const EXCEPTION =
  /^(?:Caused by: |Unhandled [Ee]xception[.:] |Exception Info: )?(?:([\w$.]*(?:Error|Exception|Panic|Fault|Failure|Throwable)(?: \[[A-Z][A-Z0-9_]{0,64}\])?)(?::\s?(.*)|\s*)|(panic|thread '[^']{0,64}' panicked)\b:?\s?(.*))$/;
const LEVEL_HEAD =
  /^(?:\u2502 )?(?:\[(?:[a-z_]{1,32}:)?(?:emerg|alert|crit|critical|error|err|warn|warning|notice|ERROR|WARNING|CRITICAL) ?\]|(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRIT|CRITICAL|SEVERE|ALERT|EMERG|PANIC)\b:?|(?:[Ww]arning|[Ee]rror|[Ff]atal):|PHP (?:Fatal error|Parse error|Recoverable fatal error|Warning|Notice|Deprecated):)\s*/;
/**
 * Lines that count or close a failed run rather than say what failed: a
 * tally (`<*> error`, MSBuild's `<*> Error(s)`, clang's `<*> errors
 * generated.`, tsc's `Found <*> errors in …`, ESLint's `✖ <*> problems (…)`,
 * pytest's `=== <*> failed, <*> passed in <duration> ===`), the build tool's
 * last word (Gradle's `FAILURE: Build failed with an exception.`, MSBuild's
 * `Build FAILED.`, xcodebuild's `** BUILD FAILED **`, rustc's `For more
 * information about this error, …`, `Some errors have detailed explanations`
 * and cargo's `error: could not compile …`, CMake's `Configuring incomplete`,
 * CTest's `Errors while running CTest`, golangci-lint's `Error: issues
 * found`, make's `*** […] Error 2`, the linker driver's `ld returned 1 exit
 * status` and `linker command failed with exit code 1`), and a runner's
 * report that the step's process failed (GitHub's `Process completed with exit
 * code 1.`, GitLab's `Job failed: exit code 1`, Jenkins's `script returned
 * exit code 1`, yarn's and pnpm's `Command failed with exit code 1.`, npm's
 * `A complete log of this run can be found in: …`, a bare `npm error code
 * E404`), Compose's `✘ Container web-1 Error 0.1s`, pytest's and Maven's
 * banner lines (`=== FAILURES ===`, `collected 12 items / 1 error`), and a
 * Windows event's header fields as Event Viewer's text copy prints them
 * (`Level: Error`, `Source: Application Error`).
 * A title is one of the other lines when there is one, and so is a
 * document's signature (lib/extract/collect.ts): the same failure run by
 * another wrapper, or failing once or twice, is the same failure.
 */
const RUN_SUMMARY =
  /^(?:\[\w+\] )?(?:<\*> (?:[Ee]rrors?|[Ww]arnings?|[Ee]rror\(s\)|[Ww]arning\(s\))\b|Found <\*> (?:errors?|warnings?)\b)|^FAILURE: Build failed with an exception\.$|^Build FAILED\.$|^\*\* BUILD FAILED \*\*$|^For more information about (?:this|an) error\b|^Some errors have detailed explanations\b|^error: (?:could not compile|aborting due to)\b|^warning: build failed, waiting for other jobs\b|\bgenerated <\*> warnings?\b|^-- Configuring incomplete\b|^Errors while running CTest$|^Error: issues found$|^g?make(?:\[<\*>\])?: \*\*\* \[[^\]\n]{1,512}\] Error (?:<\*>|\d{1,3})|\bld returned (?:<\*>|\d{1,3}) exit status$|\blinker command failed with exit code (?:<\*>|\d{1,3})|\bProcess completed with exit code\b|^(?:ERROR: )?Job failed: exit code (?:<\*>|\d{1,3})$|^(?:ERROR: )?script returned exit code (?:<\*>|\d{1,3})$|^(?:error |ELIFECYCLE )Command failed with exit code (?:<\*>|\d{1,3})\.$|^npm (?:error|ERR!) A complete log of this run can be found in\b|^\u2716 <\*> problems? \(|^\u2718 Container \S{1,256} Error <duration>$|^npm (?:error|ERR!)(?: code [A-Z0-9_]{1,32}| \d{3})?\s*$|^collected <\*> items? \/ <\*> errors?\b|^!+ Interrupted: .{1,128} !+$|^={3,} [\w ]{1,64} ={3,}$|^=+ (?:<\*> [a-z]+(?:, )?)+ in <duration>(?: \([^)\n]{0,64}\))? =+$|^(?:Level|Source|Log Name|Keywords|Task Category): \S|^\[(?:ERROR|WARNING)\](?: (?:-> \[Help\b|To see the full stack trace|Re-run Maven\b|For more information about the errors\b|COMPILATION ERROR :?\s*$|BUILD FAILURE\b).*)?\s*$/;

/** True for a signature's line that only counts or closes a failed run (RUN_SUMMARY). */
export function isRunSummary(line: string): boolean {
  return RUN_SUMMARY.test(line);
}

/**
 * Head lines that say nothing of what failed: a record's level marker and
 * logger, a traceback's first line, a JavaScript or PHP frame standing first
 * in its entry (`at error (…/rollup.js:<*>)`, `#0 /srv/app/Db.php(<*>): …`).
 */
const NOT_SAID =
  /^(?:\[\w+\]$|logger |Traceback(?: \(most recent call last\):)?$|at \S.{0,512}\)$|at [\w.-]{1,128}\.\w{1,8}$|(?:#\d{1,4}|<\*>) \S{1,512}\(<\*>\): \S)/;
/** A record's caller line (lib/extract/event.ts: zap's and logfmt's `caller`, its file). */
const CALLER_LINE = /^at ([\w.-]{1,128}\.\w{1,8})$/;
/**
 * A component in brackets leading the first line (`[BillingWorker] …`), past a
 * level in brackets (Envoy's `[warning][config] …`) and an error code (MySQL's
 * `[ERROR] [MY-010584] [Repl] …`); never the level itself.
 */
const BRACKET_NAME =
  /^(?:\w+\s+)?(?:\[(?:trace|debug|info|notice|warn|warning|error|err|critical|fatal)\]\s?)?(?:\[[A-Z]{2,8}-\d{3,8}\]\s?)?\[([A-Za-z][\w.$:-]{0,63})\]/i;
/**
 * What leads a message without saying what failed: Ruby Logger's `-- progname:`
 * and Monolog's `channel.LEVEL:` (PROGNAME),
 * nginx's `pid#tid: *connection` (masked: `<*>: <*>`), up to three brackets
 * of component, request tag, error code or client (the culprit, BRACKET_NAME;
 * Rails' `[<*>]`, MySQL's `[MY-010584] [Repl]`, Apache's `[pid <*>] [client
 * <*>]`), the source line a C++ logger prints after them (Envoy's `[config]
 * [source/common/config/grpc_mux_impl.cc:<*>] …`) and the library's Go file a
 * klog message starts with (`k8s.io/client-go/…/factory.go:<*>: …`; a
 * compiler's `sum.go:<*>: …` names the file that failed, and stays).
 */
const NAME_LEAD =
  /^(?:-- [\w.:-]{0,64}: |[\w-]{1,64}\.(?:DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|ALERT|EMERGENCY): )?(?:<\*>: (?:<\*> )?)?(?:\[(?:<\*>|[A-Z]{2,8}-\d{3,8}|(?:client|pid) [^\]\n]{1,64}|[A-Za-z][\w.$:-]{0,63})\]\s?){0,3}(?:\[[\w./-]{1,256}\.\w{1,8}:(?:<\*>|\d{1,7})\]\s|<host>\/[\w./-]{0,256}\.go:<\*>: )?(?=\S)/;
/**
 * The logger a Java layout prints before the message, past the thread in
 * brackets (NAME_LEAD): log4j's and logback's `%c - %m` (`com.acme.Billing - …`,
 * abbreviated `c.a.billing.Gateway - …`), Spring Boot's `pid --- [app] [thread]
 * logger : …`, Tomcat's `class.method …`; Quarkus's and WildFly's thread in
 * parentheses after their `[logger]`, which BRACKET_NAME reads.
 */
const JAVA_LEAD =
  /^(?:<\*> --- (?:\[[^\]\n]{0,128}\]\s?){1,2}(\S{1,256}?)\s{0,64}: |\([^()\n]{1,64}\) |((?:[a-z][\w$]{0,63}\.){1,16}[A-Z][\w$]{0,127})(?<!Exception|Error|Throwable|Fault|Failure)(?: - |: )|((?:[a-z][\w$]{0,63}\.){1,16}[A-Z][\w$]{0,127}\.[a-z][\w$]{0,63}) )(?=\S)/;
/**
 * The logger other layouts print before the message: loguru's default
 * `| name:function:line - ` (the level before it), Rust's env_logger
 * `[time LEVEL target] ` (its target and the bracket's end) and tracing's
 * `LEVEL target: ` (a `::` path), Flask's `ERROR in module: `, and the source
 * file and line a logger's caller field prints (`[error] shop/pay.go:88 …`).
 */
const SCRIPT_LEAD =
  /^(?:\| ([\w.<>-]{1,128}:[\w.<>-]{1,128}):(?:<\*>|\d{1,7}) - |([A-Za-z_]\w{0,63}(?:::\w{1,64}){0,16})\] |([A-Za-z_]\w{0,63}(?:::\w{1,64}){1,16}): |in ([\w.]{1,128}): |([\w./-]{0,256}[\w-]\.(?:go|py|rb|js|mjs|ts|java|kt|scala|rs|c|cc|cpp|php|ex|exs|cs|swift)):(?:<\*>|\d{1,7}) )(?=\S)/;
/** PHP's place of an uncaught exception after its message (`… given in /srv/app/Price.php:<*>`): the stack says where. */
const PHP_PLACE = / in \S{1,512}\.php(?::<\*>| on line <\*>)$/;
/** Python logging's default format, `ERROR:shop.billing:…`: the level and the logger. */
const PYTHON_DEFAULT = /^(?:CRITICAL|ERROR|WARNING):([\w.-]{1,200}):(?=\S)/;
/**
 * Ruby's Logger names its program after the level (`ERROR -- mailer: …`),
 * Monolog its channel before it (`security.ERROR: …`, Laravel's `production.ERROR: …`).
 */
const PROGNAME =
  /^(?:(?:[A-Z]{4,5} )?-- ([\w.:-]{1,64}): |([\w-]{1,64})\.(?:DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|ALERT|EMERGENCY): )/;
/** log4j's `%m (%c)%n`, as Kafka and ZooKeeper print the logger: after the message, in parentheses. */
const TRAILING_LOGGER = /\s\(((?:[a-z][\w$]{0,63}\.){1,16}[A-Z][\w$]{0,127})\)$/;
const LEVEL_NAME =
  /^(?:trace|debug|info|notice|warn|warning|error|err|critical|crit|fatal|severe|alert|emerg)$/i;

/**
 * Frames of the runtime and of common frameworks: the culprit is the first
 * frame that is none of these. (A Node frame whose file has no extension is
 * one of node's own modules: `node:internal/process/task_queues` reads as
 * `(task_queues)` once reduced.)
 */
const LIBRARY_FRAME =
  /(?:^ {2}(?:py |from )\S{1,256}\/|^ {2}at .{1,512}\((?:@[\w.-]{1,128}\/)?[\w.-]{1,128}\/[^/()]{1,256}\)$|\bnode:|\binternal\/|^ {2}at [^(]{1,256}\([a-z_]{1,64}\)$|\bat (?:java|javax|jdk|sun|kotlin|scala|org\.springframework|org\.apache|org\.eclipse|io\.netty|com\.sun)\.|\bpy (?:threading|asyncio|runpy|importlib|concurrent|socketserver)\b|\bgo (?:runtime\.|testing\.|panic(?:\.go)?$)|\brs (?:std|core|alloc|tokio)::|\bat (?:System|Microsoft)\.)/;

const cut = (text: string) =>
  text.length > TITLE_MAX_CHARS ? `${text.slice(0, TITLE_MAX_CHARS - 1)}…` : text;

/** A frame line of a signature, as stack.ts reduced it, told as `function (file)`. */
export function frameName(line: string): string {
  const frame = line.trim();
  const py = /^py (\S+) (.+)$/.exec(frame);
  if (py) return `${py[2]} (${py[1]})`;
  // .NET's `at Shop.Orders.Get(Int32 id) in Orders.cs`: the method and its file, without its parameters.
  const net = /^at ([^\s(]{1,512})\([^()]{0,512}\) in (\S{1,256})$/.exec(frame);
  if (net) return `${net[1]} (${net[2]})`;
  // …and without a place, as a Windows event prints it (`at Shop.Cart.Total(System.Collections.Generic.List`#<Item>)`).
  const bare = /^at ([^\s(]{1,512})\([^()]{1,512}\)$/.exec(frame);
  if (bare) return `${bare[1]}()`;
  // PHP's `# Price->format() Price.php`.
  const php = /^# (\S.{0,512}?) ([^\s()]{1,256}\.php)$/.exec(frame);
  if (php) return `${php[1]} (${php[2]})`;
  return frame.replace(/^(?:at|go|rs|js|lua|hs|jl|ml|ex|#)\s+/, '').replace(/\s+\(/, ' (');
}

export function headlineOf(signature: string): Headline {
  const lines = signature.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '…');
  const frames = lines.filter((line) => line.startsWith('  '));
  const heads = lines.filter((line) => !line.startsWith('  '));
  let title: string | undefined;
  let leadLogger: string | undefined;
  const typed = heads.find((line) => line.startsWith('type '));
  const exception = heads.map((line) => EXCEPTION.exec(line)).find((m) => m !== null);
  if (typed) {
    // A record: `type T` and its message line (lib/extract/event.ts).
    // A record: `type T`, its log message, then the error's own message when it differs (lib/extract/event.ts).
    const messages = heads.filter(
      (line) => !/^(?:\[\w+\]|logger |type )/.test(line) && !CALLER_LINE.test(line),
    );
    const message = messages[1] ?? messages[0];
    title = `${typed.slice(5)}${message ? `: ${message}` : ''}`;
  } else if (exception) {
    const type = exception[1] ?? exception[3] ?? '';
    const message = exception[2] ?? exception[4];
    title = message ? `${type}: ${message}` : type;
  } else {
    const said = heads.filter((line) => !NOT_SAID.test(line) && !NOT_SAID.test(line.replace(LEVEL_HEAD, '')));
    const head = said.find((line) => !RUN_SUMMARY.test(line)) ?? said[0] ?? lines[0] ?? '';
    const message = (head.replace(PYTHON_DEFAULT, '') || head).replace(LEVEL_HEAD, '') || head;
    const unled = message.replace(NAME_LEAD, '') || message;
    const lead = JAVA_LEAD.exec(unled) ?? SCRIPT_LEAD.exec(unled);
    leadLogger = lead?.[1] ?? lead?.[2] ?? lead?.[3] ?? lead?.[4] ?? lead?.[5];
    title = (lead && unled.slice(lead[0].length)) || unled;
  }
  // Python prints the innermost call last, the other runtimes first.
  const ordered = frames[0]?.startsWith('  py ') ? [...frames].reverse() : frames;
  const appFrame = ordered.find((line) => !LIBRARY_FRAME.test(line)) ?? ordered[0];
  const logger = heads.find((line) => line.startsWith('logger '))?.slice(7);
  const caller = heads.map((line) => CALLER_LINE.exec(line)?.[1]).find((file) => file !== undefined);
  const named = BRACKET_NAME.exec(heads[0] ?? '')?.[1];
  // Apache's `[proxy:error]`: the module.
  const bracket = named?.replace(/^([a-z_]{1,32}):[a-z]{1,8}$/, '$1');
  const culprit = appFrame
    ? frameName(appFrame)
    : (logger ??
      caller ??
      leadLogger ??
      (bracket && !LEVEL_NAME.test(bracket) ? bracket : TRAILING_LOGGER.exec(heads[0] ?? '')?.[1]) ??
      ((name) => name?.[1] ?? name?.[2])(PROGNAME.exec(heads[0] ?? '')) ??
      PYTHON_DEFAULT.exec(heads[0] ?? '')?.[1] ??
      null);
  return {
    title: cut((title ?? '').replace(PHP_PLACE, '').trim() || 'failure'),
    culprit: culprit ? cut(culprit) : null,
  };
}

/** A report's headline: the one it was created with, or (older reports) read from its signature now. */
export function headlineOfReport(report: {
  title?: string;
  culprit?: string | null;
  signature: string;
}): Headline {
  return report.title !== undefined
    ? { title: report.title, culprit: report.culprit ?? null }
    : headlineOf(report.signature);
}
