/**
 * `application/x-www-form-urlencoded` from Python's `logging.handlers.HTTPHandler`:
 * it posts `urllib.parse.urlencode(record.__dict__)`, one LogRecord per request,
 * every value as Python's `str()` of it (`None`, tuples as their repr).
 *
 * - `msg` is the message *template* as the program wrote it (`"charge %s failed"`),
 *   its `args` stay in context: the template is what groups, and Python's `%`
 *   formatting of a repr'd tuple cannot be redone faithfully here.
 * - `exc_text` is the formatted traceback -> error.stack, the type and message
 *   from its last line. It is only filled when another handler formatted the
 *   record first; HTTPHandler alone sends `exc_text=None` and only the repr of
 *   `exc_info` (`(<class 'ZeroDivisionError'>, ZeroDivisionError('division by
 *   zero'), <traceback object at 0x…>)`), from which the type and message are read.
 * - `levelname`/`levelno`, `name` (logger), `created` (epoch seconds) fill their
 *   slots; everything else (pathname, lineno, funcName, process, thread …) is context.
 */
import { ContextBuilder } from '../context.ts';
import {
  clip,
  DecodeError,
  type DecodeResult,
  emptyResult,
  isoFromEpoch,
  type LogError,
  type LogEvent,
  MESSAGE_MAX_CHARS,
  type SeverityClass,
  STACK_MAX_CHARS,
  severityFromWord,
} from '../model.ts';
import { errorFromStack } from '../stack-text.ts';

/** The fields of a url-encoded body ('+' is a space, as urlencode writes it). */
export function formFields(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}

/**
 * A LogRecord from Python's HTTPHandler, not a raw log sent with curl's default
 * content type: it has `msg` and a level field. A text body read as a form
 * almost never has both as keys, since its keys run from the start or an `&` to
 * the next `=`.
 */
export function isPythonLoggingForm(fields: URLSearchParams): boolean {
  return fields.has('msg') && (fields.has('levelname') || fields.has('levelno'));
}

const PY_LEVELS: Array<[number, SeverityClass]> = [
  [50, 'fatal'],
  [40, 'error'],
  [30, 'warning'],
  [20, 'info'],
  [1, 'debug'],
];
const CONSUMED = new Set([
  'msg',
  'levelname',
  'levelno',
  'name',
  'created',
  'exc_text',
  'exc_info',
  'stack_info',
]);
const EXC_INFO =
  /^\(<class '([\w.]{1,200})'>, ([\w.]{1,200})\((.*)\), <traceback object at 0x[0-9a-fA-F]+>\)$/s;

function absent(v: string | null): v is null {
  return v === null || v === '' || v === 'None';
}

/** Python's repr of a single str argument -> the str; anything else as written. */
function unrepr(args: string): string {
  const m = /^(['"])(.*)\1,?$/s.exec(args);
  return m ? (m[2] as string).replace(/\\'/g, "'").replace(/\\n/g, '\n') : args;
}

export function eventFromPythonForm(fields: URLSearchParams): LogEvent {
  const levelname = fields.get('levelname');
  const levelno = Number(fields.get('levelno'));
  let severity: SeverityClass = levelname ? (severityFromWord(levelname) ?? 'unknown') : 'unknown';
  if (severity === 'unknown' && Number.isFinite(levelno)) {
    severity = PY_LEVELS.find(([min]) => levelno >= min)?.[1] ?? 'unknown';
  }
  const error: LogError = {};
  const excText = fields.get('exc_text');
  const stackInfo = fields.get('stack_info');
  if (!absent(excText)) {
    error.stack = clip(excText, STACK_MAX_CHARS);
    Object.assign(error, errorFromStack(excText));
  } else {
    const m = EXC_INFO.exec(fields.get('exc_info') ?? '');
    if (m) {
      // Named as a traceback's last line names it: without `__main__.` or `builtins.`.
      error.type = (m[1] as string).replace(/^(?:__main__|builtins)\./, '');
      error.message = unrepr(m[3] as string);
    }
    if (!absent(stackInfo)) error.stack = clip(stackInfo, STACK_MAX_CHARS);
  }
  const ctx = new ContextBuilder();
  for (const [k, v] of fields) {
    if (CONSUMED.has(k) || v === 'None') continue;
    ctx.set(k, /^-?\d{1,15}$/.test(v) ? Number(v) : v);
  }
  const event: LogEvent = {
    severity,
    message: clip(fields.get('msg') ?? '', MESSAGE_MAX_CHARS),
    context: ctx.context,
    format: 'form',
  };
  if (levelname) event.severityText = levelname;
  const name = fields.get('name');
  if (name) event.logger = name;
  const created = Number(fields.get('created'));
  const time = Number.isFinite(created) ? isoFromEpoch(created) : undefined;
  if (time) event.time = time;
  if (error.type !== undefined || error.message !== undefined || error.stack !== undefined)
    event.error = error;
  return event;
}

/** Decodes one HTTPHandler record. Throws DecodeError for a form that is not one. */
export function decodePythonLoggingForm(body: Buffer, _contentType: string): DecodeResult {
  const fields = formFields(body);
  if (!isPythonLoggingForm(fields)) {
    throw new DecodeError('form body is not a Python logging record (needs msg and levelname)', 'form');
  }
  const result = emptyResult();
  result.events.push(eventFromPythonForm(fields));
  return result;
}
