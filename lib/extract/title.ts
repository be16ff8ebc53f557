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

/** An exception's head line: a type (dotted, `Error`/`Exception`/… ending) and its message. */
const EXCEPTION =
  /^(?:Caused by: )?([\w$.]*(?:Error|Exception|Panic|Fault|Failure|Throwable)|panic|thread '[^']{0,64}' panicked)\b:?\s?(.*)$/;
const LEVEL_HEAD =
  /^(?:\[(?:error|warning|ERROR|WARNING)\]|(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRIT|CRITICAL|SEVERE|ALERT|EMERG|PANIC)\b:?|(?:[Ww]arning|[Ee]rror|[Ff]atal):)\s*/;
/**
 * Lines that count or close a failed run rather than say what failed: a
 * compiler's tally (`<*> error`, MSBuild's `<*> Error(s)`, clang's `<*> errors
 * generated.`, tsc's `Found <*> errors in …`), the build tool's last word
 * (Gradle's `FAILURE: Build failed with an exception.`, rustc's `For more
 * information about this error, …` and cargo's `error: could not compile …`,
 * CMake's `Configuring incomplete`, make's `*** […] Error 2`, go test's `FAIL\t…`,
 * a CI runner's `Process completed with exit code <*>`) and Maven's banner
 * lines. A title is one of the other lines when there is one.
 */
const RUN_SUMMARY =
  /^(?:\[\w+\] )?(?:<\*> (?:errors?|warnings?|error\(s\)|warning\(s\))\b|Found <\*> (?:errors?|warnings?)\b)|^FAILURE: Build failed with an exception\.$|^For more information about (?:this|an) error\b|^error: (?:could not compile|aborting due to)\b|^-- Configuring incomplete\b|^g?make(?:\[<\*>\])?: \*\*\* |^FAIL\s|\bProcess completed with exit code\b|^\[(?:ERROR|WARNING)\](?: (?:-> \[Help\b|To see the full stack trace|Re-run Maven\b|For more information about the errors\b|COMPILATION ERROR :?\s*$|BUILD FAILURE\b).*)?\s*$/i;

/**
 * Frames of the runtime and of common frameworks: the culprit is the first
 * frame that is none of these. (A Node frame whose file has no extension is
 * one of node's own modules: `node:internal/process/task_queues` reads as
 * `(task_queues)` once reduced.)
 */
const LIBRARY_FRAME =
  /(?:\bnode:|\binternal\/|^ {2}at [^(]{1,256}\([a-z_]{1,64}\)$|\bat (?:java|javax|jdk|sun|kotlin|scala|org\.springframework|org\.apache|org\.eclipse|io\.netty|com\.sun)\.|\bpy (?:threading|asyncio|runpy|importlib|concurrent|socketserver)\b|\bgo runtime\.|\brs (?:std|core|alloc|tokio)::|\bSystem\.|\bMicrosoft\.)/;

const cut = (text: string) =>
  text.length > TITLE_MAX_CHARS ? `${text.slice(0, TITLE_MAX_CHARS - 1)}…` : text;

/** A frame line of a signature, as stack.ts reduced it, told as `function (file)`. */
export function frameName(line: string): string {
  const frame = line.trim();
  const py = /^py (\S+) (.+)$/.exec(frame);
  if (py) return `${py[2]} (${py[1]})`;
  return frame.replace(/^(?:at|go|rs|js|lua|hs|jl|ml|ex|#)\s+/, '').replace(/\s+\(/, ' (');
}

export function headlineOf(signature: string): Headline {
  const lines = signature.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '…');
  const frames = lines.filter((line) => line.startsWith('  '));
  const heads = lines.filter((line) => !line.startsWith('  '));
  let title: string | undefined;
  const typed = heads.find((line) => line.startsWith('type '));
  const exception = heads.map((line) => EXCEPTION.exec(line)).find((m) => m !== null);
  if (typed) {
    // A record: `type T` and its message line (lib/extract/event.ts).
    // A record: `type T`, its log message, then the error's own message when it differs (lib/extract/event.ts).
    const messages = heads.filter((line) => !/^(?:\[\w+\]|logger |type )/.test(line));
    const message = messages[1] ?? messages[0];
    title = `${typed.slice(5)}${message ? `: ${message}` : ''}`;
  } else if (exception) {
    title = exception[2] ? `${exception[1]}: ${exception[2]}` : (exception[1] ?? '');
  } else {
    const said = heads.filter((line) => !/^(?:\[\w+\]$|logger |Traceback$)/.test(line));
    const head = said.find((line) => !RUN_SUMMARY.test(line)) ?? said[0] ?? lines[0] ?? '';
    title = head.replace(LEVEL_HEAD, '') || head;
  }
  // Python prints the innermost call last, the other runtimes first.
  const ordered = frames[0]?.startsWith('  py ') ? [...frames].reverse() : frames;
  const appFrame = ordered.find((line) => !LIBRARY_FRAME.test(line)) ?? ordered[0];
  const logger = heads.find((line) => line.startsWith('logger '))?.slice(7);
  const bracket = /^(?:\w+\s+)?\[([A-Za-z][\w.$:-]{0,63})\]/.exec(heads[0] ?? '')?.[1];
  const culprit = appFrame
    ? frameName(appFrame)
    : (logger ?? (bracket && bracket !== '<*>' ? bracket : null));
  return { title: cut((title ?? '').trim() || 'failure'), culprit: culprit ? cut(culprit) : null };
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
