/**
 * Reading an error's type and message out of a stack printed as text, and
 * telling a message that carries its own stack apart from one that does not.
 * Only the first and last lines are looked at, so the cost does not grow with
 * the stack.
 */

/** Java/.NET: a qualified class name, optionally after the thread header. */
const QUALIFIED_HEAD =
  /^(?:Exception in thread "[^"]{0,200}" )?(?:Caused by: )?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)(?::\s?(.*))?$/;
/** JavaScript and most others: `TypeError: message`, `Error [ERR_CODE]: message`. */
const NAMED_HEAD = /^([A-Z][\w$]{0,100})(?: \[[\w-]{1,64}\])?: (.*)$/;
/** A bare exception class name on its own line. */
const BARE_HEAD = /^([A-Z][\w$]{0,100}(?:Error|Exception|Fault))$/;
/** Ruby: `app.rb:3:in 'foo': message (RuntimeError)`. */
const RUBY_HEAD = /^.{1,500}?:\d+:in [`'].{0,300}?': (.*) \(([A-Z][\w:]{0,100})\)$/;
const PYTHON_LAST = /^([A-Za-z_][\w.]{0,200})(?::\s?(.*))?$/;
const PYTHON_TITLE = /^Traceback \(most recent call last\):\s*$/;
const FRAME_LINE =
  /^(?:\s+at |\s+File "|Traceback \(most recent call last\):|goroutine \d+ \[|\s*#\d+ |\s+from \S+:\d+)/m;

function lastLine(text: string): string {
  let end = text.length;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line !== '') return line;
    end = start - 1;
  }
  return '';
}

/** The error's type and message as the stack's head (or Python's last line) states them. */
export function errorFromStack(stack: string): { type?: string; message?: string } {
  const nl = stack.indexOf('\n');
  const first = (nl < 0 ? stack : stack.slice(0, nl)).trim();
  if (PYTHON_TITLE.test(first)) {
    const m = PYTHON_LAST.exec(lastLine(stack));
    if (!m?.[1]) return {};
    return m[2] !== undefined ? { type: m[1], message: m[2] } : { type: m[1] };
  }
  const m = QUALIFIED_HEAD.exec(first) ?? NAMED_HEAD.exec(first);
  if (m?.[1]) return m[2] !== undefined ? { type: m[1], message: m[2] } : { type: m[1] };
  const ruby = RUBY_HEAD.exec(first);
  if (ruby?.[2]) return { type: ruby[2], message: ruby[1] ?? '' };
  const bare = BARE_HEAD.exec(first);
  if (bare?.[1]) return { type: bare[1] };
  return {};
}

/** A multi-line message whose later lines are stack frames: its first line, and the whole as the stack. */
export function splitStackFromMessage(message: string): { message: string; stack: string } | undefined {
  const nl = message.indexOf('\n');
  if (nl < 0 || !FRAME_LINE.test(message)) return undefined;
  const first = message.slice(0, nl).trim();
  const head = PYTHON_TITLE.test(first) ? lastLine(message) : first;
  return { message: head, stack: message.replace(/\s+$/, '') };
}
