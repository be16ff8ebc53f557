/**
 * One JSON object as the common structured loggers write it -> a LogEvent.
 *
 * Field names are looked up both nested and dotted (`{"log":{"level":…}}` and
 * `{"log.level":…}` are the same ECS field). Every field read into the record's
 * own slots is left out of its context, the rest is flattened into it.
 *
 * Conventions read: pino/bunyan (numeric level, `err`, `msg`, `hostname`),
 * winston (`level`, `message`, `stack`), zap (`ts`, `caller`, `msg`,
 * `stacktrace`, `error`), logrus (`level`, `msg`, `error`), structlog (`event`,
 * `exception`), python-json-logger (`exc_info`), ECS (`log.level`, `log.logger`,
 * `error.*`, `service.name`, `host.name`), AWS Lambda (`errorType`,
 * `errorMessage`, `stackTrace[]`, also inside `message`), GCP (`severity`,
 * `textPayload`, `stack_trace`, `serviceContext`), Serilog CLEF (`@t @l @m @mt @x`),
 * journald JSON (`MESSAGE`, `PRIORITY`, `SYSLOG_IDENTIFIER`, `_HOSTNAME`),
 * rsyslog's StdJSONFmt (`fromhost`, `priority`, `timereported`), Docker
 * json-file / Fluent Bit (`log`), OTel-shaped records (`severityText`,
 * `severityNumber`, `body`, `attributes`, `resource`).
 */
import { ContextBuilder, renderJson } from './context.ts';
import {
  clip,
  isoFromEpoch,
  isoFromText,
  type LogError,
  type LogEvent,
  MESSAGE_MAX_CHARS,
  pathTemplate,
  type SeverityClass,
  STACK_MAX_CHARS,
  severityFromNumber,
  severityFromOtelNumber,
  severityFromWord,
  syslogSeverity,
} from './model.ts';
import { errorFromStack, splitStackFromMessage } from './stack-text.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a dotted path, whether the writer nested it or wrote the dots into the key. */
export function lookup(obj: Obj, path: string): unknown {
  if (Object.hasOwn(obj, path)) return obj[path];
  let cur: Obj = obj;
  let rest = path;
  for (;;) {
    const dot = rest.indexOf('.');
    if (dot < 0) return undefined;
    const next = cur[rest.slice(0, dot)];
    if (!isObj(next)) return undefined;
    cur = next;
    rest = rest.slice(dot + 1);
    if (Object.hasOwn(cur, rest)) return cur[rest];
  }
}

const MESSAGE_KEYS = [
  'msg',
  'message',
  '@m',
  'event',
  'body',
  'log',
  'MESSAGE',
  'textPayload',
  '@message',
  'short_message',
  'Message',
  // Heroku's router states the failure in `desc`.
  'desc',
  // Rust tracing's JSON (`fields.message`), a Cloud Logging sink's LogEntry
  // (`jsonPayload.message`), a Kubernetes events.k8s.io/v1 Event (`note`).
  'fields.message',
  'jsonPayload.message',
  'note',
];
/** Fields that carry a raw line as a shipper read it, which may itself be a structured line. */
const RAW_LINE_KEYS = new Set(['log', 'message', 'MESSAGE', '@message', 'textPayload', 'body']);
type LevelKind = 'word' | 'otel' | 'syslog' | 'status';
const LEVEL_KEYS: Array<[string, LevelKind]> = [
  ['level', 'word'],
  ['log.level', 'word'],
  ['severity', 'word'],
  ['levelname', 'word'],
  ['severityText', 'word'],
  ['severity_text', 'word'],
  ['loglevel', 'word'],
  ['lvl', 'word'],
  ['@l', 'word'],
  ['@level', 'word'],
  ['level_name', 'word'],
  // .NET's AddJsonConsole: `"LogLevel":"Error"`.
  ['LogLevel', 'word'],
  ['severityNumber', 'otel'],
  ['severity_number', 'otel'],
  ['PRIORITY', 'syslog'],
  ['priority', 'word'],
  ['syslog.severity', 'word'],
  // Heroku's logfmt level.
  ['at', 'word'],
  // Datadog's reserved attribute for the level (its pipelines' and log-injecting
  // libraries' JSON); read last, and only as a level's name: a status is often a state.
  ['status', 'status'],
];
/** The level names Datadog's `status` takes (`ok` is its info), nothing shorter. */
const STATUS_LEVELS = new Map<string, SeverityClass>([
  ['emergency', 'fatal'],
  ['alert', 'fatal'],
  ['critical', 'fatal'],
  ['fatal', 'fatal'],
  ['error', 'error'],
  ['warning', 'warning'],
  ['warn', 'warning'],
  ['notice', 'info'],
  ['info', 'info'],
  ['ok', 'info'],
  ['debug', 'debug'],
  ['trace', 'debug'],
]);
const LEVEL_KEY_NAMES = LEVEL_KEYS.map(([k]) => k);
const LEVEL_KIND = new Map(LEVEL_KEYS);
const TIME_KEYS = [
  'time',
  'timestamp',
  'ts',
  '@timestamp',
  '@t',
  'timeUnixNano',
  'time_unix_nano',
  'datetime',
  'timereported',
  '__REALTIME_TIMESTAMP',
  'date',
  // MongoDB's extended JSON date.
  't.$date',
];
const LOGGER_KEYS = [
  'logger',
  'log.logger',
  // Datadog's standard attribute.
  'logger.name',
  'logger_name',
  'loggerName',
  'name',
  'component',
  'category',
  'tag',
  'programname',
  'syslogtag',
  'SYSLOG_IDENTIFIER',
  'module',
  // .NET's AddJsonConsole, Rust tracing.
  'Category',
  'target',
];
const SERVICE_KEYS = [
  'service.name',
  'service',
  'service_name',
  'serviceName',
  'serviceContext.service',
  'resource.service.name',
  'app',
  'application',
];
const ENV_KEYS = [
  'deployment.environment.name',
  'deployment.environment',
  'service.environment',
  'environment',
  'env',
  'resource.deployment.environment.name',
  'resource.deployment.environment',
];
const HOST_KEYS = [
  'host.name',
  'host.hostname',
  'hostname',
  'host',
  'fromhost',
  '_HOSTNAME',
  'resource.host.name',
];
/** Objects holding an error: pino/bunyan `err`, ECS `error`, OTel `exception`, log4j2 JsonLayout `thrown`. */
const ERROR_OBJECT_KEYS = ['err', 'error', 'exception', 'exc', 'thrown'];
/** MongoDB states a failed operation's error document among the statement's attributes. */
const MONGO_ERROR_KEYS = [...ERROR_OBJECT_KEYS, 'attr.error', 'attr.reason'];

/** GELF 1.1 (Graylog): `version`, `host`, `short_message`, additional fields prefixed `_`. */
function isGelfRecord(obj: Obj): boolean {
  return typeof obj.short_message === 'string' && typeof obj.version === 'string';
}
/** What names the code in a GELF record: the 1.0 `facility` its senders still set, the appenders' logger fields. */
const GELF_LOGGER_KEYS = ['_logger', '_logger_name', '_loggerName', 'facility'];

/**
 * MongoDB's structured log (4.4+): `{"t":{"$date":…},"s":"E","c":"NETWORK","id":…,"ctx":…,"msg":…,"attr":{…}}`.
 * Its severity `s` (F, E, W, I, D1-D5) and component `c` have names too short
 * to be read from any record, so they are read from records of this shape only.
 */
function isMongoRecord(obj: Obj): boolean {
  const t = obj.t;
  return isObj(t) && '$date' in t && typeof obj.s === 'string' && typeof obj.c === 'string' && 'msg' in obj;
}
const STACK_KEYS = [
  'stack',
  'stacktrace',
  'stack_trace',
  'stackTrace',
  'exception',
  'exc_info',
  'exc_text',
  '@x',
  'error.stack_trace',
  'error.stack',
  'exception.stacktrace',
  'attributes.exception.stacktrace',
  'backtrace',
  // .NET's AddJsonConsole: the exception's ToString(), type, message and frames.
  'Exception',
];
const ERROR_TYPE_KEYS = [
  'errorType',
  'error.type',
  'exception.type',
  'attributes.exception.type',
  'error.kind',
];
const ERROR_MESSAGE_KEYS = [
  'errorMessage',
  'error.message',
  'exception.message',
  'attributes.exception.message',
  // Rust tracing's JSON: an error recorded as a field (`error = %e`).
  'fields.error',
];

/**
 * An HTTP request's record (an access log written as JSON or logfmt: lograge,
 * Traefik, Caddy, pino-http, ECS's `http.*`, GCP's `httpRequest`, nginx's
 * `log_format … escape=json`): its method, path and answered status.
 */
const STATUS_KEYS = [
  'status',
  'status_code',
  'statusCode',
  'http.response.status_code',
  'http.status_code',
  'res.statusCode',
  'response.status',
  'response.status_code',
  'httpRequest.status',
  'DownstreamStatus',
  'http_status',
  'elb_status_code',
];
const METHOD_KEYS = [
  'method',
  'http.request.method',
  'http.method',
  'req.method',
  'request.method',
  'httpRequest.requestMethod',
  'RequestMethod',
  'http_method',
  'request_method',
];
const PATH_KEYS = [
  'path',
  'url.path',
  'url.original',
  'http.target',
  'http.url',
  'req.url',
  'request.uri',
  'request.path',
  'httpRequest.requestUrl',
  'RequestPath',
  'request_uri',
  'uri',
  'url',
];
const HTTP_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'CONNECT',
  'TRACE',
]);
/** nginx's `$request` as a JSON field: `GET /api/orders/8812 HTTP/1.1`. */
const REQUEST_LINE = /^([A-Z]{3,10}) (\S{1,2048}) HTTP\/\d(?:\.\d)?$/;

interface HttpRequest {
  method: string;
  path: string;
  status: number;
}

function statusOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

function methodOf(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = v.toUpperCase();
  return HTTP_METHODS.has(m) ? m : undefined;
}

/** A request's path as a template: a full URL's scheme and host left out. */
function requestPath(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > 2048) return undefined;
  const path = v.replace(/^[a-z][a-z\d+.-]{0,15}:\/\/[^/?#]*/i, '') || '/';
  return path.startsWith('/') || path === '*' ? path : undefined;
}

function httpRequestOf(r: Reader): HttpRequest | undefined {
  const status = r.find(STATUS_KEYS, statusOf);
  if (!status) return undefined;
  const method = r.find(METHOD_KEYS, methodOf);
  const path = method ? r.find(PATH_KEYS, requestPath) : undefined;
  if (method && path) return { method: method[0], path: path[0], status: status[0] };
  const line = r.find(
    ['request'],
    (v) => (typeof v === 'string' ? REQUEST_LINE.exec(v) : undefined) ?? undefined,
  );
  const [, m, p] = line?.[0] ?? [];
  const linePath = requestPath(p);
  return m && HTTP_METHODS.has(m) && linePath ? { method: m, path: linePath, status: status[0] } : undefined;
}

/** A candidate path's first segment: a path whose head the record lacks cannot be in it. */
const HEADS = new Map<string, string>();
function headOf(path: string): string {
  let h = HEADS.get(path);
  if (h === undefined) {
    const dot = path.indexOf('.');
    h = dot < 0 ? path : path.slice(0, dot);
    HEADS.set(path, h);
  }
  return h;
}

class Reader {
  readonly used = new Set<string>();
  private readonly present: Set<string>;
  constructor(readonly obj: Obj) {
    this.present = new Set(Object.keys(obj));
  }

  /** The first of `keys` holding a value accepted by `accept`; its path is marked used. */
  first<T>(
    keys: readonly string[],
    accept: (v: unknown, key: string) => T | undefined,
  ): [T, string] | undefined {
    const found = this.find(keys, accept);
    if (found) this.used.add(found[1]);
    return found;
  }

  /** The same, the path left unmarked: read here, and kept in the context too. */
  find<T>(
    keys: readonly string[],
    accept: (v: unknown, key: string) => T | undefined,
  ): [T, string] | undefined {
    for (const k of keys) {
      // Most candidates are absent: two set lookups settle them without walking the record.
      if (!this.present.has(k) && !this.present.has(headOf(k))) continue;
      if (this.used.has(k)) continue;
      const v = lookup(this.obj, k);
      if (v === undefined || v === null) continue;
      const got = accept(v, k);
      if (got !== undefined) return [got, k];
    }
    return undefined;
  }
}

const nonEmptyString = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

function stackText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  // AWS Lambda writes the stack as an array of lines (Python's lines may hold several).
  if (Array.isArray(v) && v.length > 0 && v.every((l) => typeof l === 'string')) {
    return (v as string[]).map((l) => l.replace(/\n$/, '')).join('\n');
  }
  if (Array.isArray(v) && v.length > 0 && isObj(v[0])) return jvmFrames(v);
  return undefined;
}

/** Frames kept of a stack written as objects: as many as a stack block keeps. */
const OBJECT_FRAMES_MAX = 64;

/**
 * A JVM stack written as frame objects — log4j2's JsonLayout `extendedStackTrace`
 * (`class`, `method`, `file`, `line`), Jackson's Throwable (`className`,
 * `methodName`, `fileName`, `lineNumber`) — as the text the JVM prints.
 */
function jvmFrames(frames: unknown[]): string | undefined {
  const lines: string[] = [];
  for (const f of frames.slice(0, OBJECT_FRAMES_MAX)) {
    if (!isObj(f)) continue;
    const cls = f.class ?? f.className;
    const method = f.method ?? f.methodName;
    if (typeof cls !== 'string' || typeof method !== 'string') continue;
    const file = f.file ?? f.fileName;
    const line = f.line ?? f.lineNumber;
    const at =
      typeof file === 'string' ? (typeof line === 'number' ? `${file}:${line}` : file) : 'Unknown Source';
    lines.push(`\tat ${cls}.${method}(${at})`);
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function levelOf(v: unknown, kind: LevelKind): [SeverityClass, string] | undefined {
  if (kind === 'status') {
    const sev = typeof v === 'string' ? STATUS_LEVELS.get(v.trim().toLowerCase()) : undefined;
    return sev ? [sev, v as string] : undefined;
  }
  if (typeof v === 'number') {
    const sev =
      kind === 'otel'
        ? severityFromOtelNumber(v)
        : kind === 'syslog'
          ? Number.isInteger(v) && v >= 0 && v <= 7
            ? syslogSeverity(v)
            : undefined
          : severityFromNumber(v);
    return sev ? [sev, String(v)] : undefined;
  }
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (/^\d{1,3}$/.test(t)) return levelOf(Number(t), kind);
  const sev = severityFromWord(t);
  return sev ? [sev, v] : undefined;
}

function timeOf(v: unknown): string | undefined {
  if (typeof v === 'number') return isoFromEpoch(v);
  // Digit strings (journald's microseconds) are epochs read by magnitude, like numbers.
  if (typeof v === 'string') return isoFromText(v);
  // GCP and protobuf JSON: {"seconds": …, "nanos": …}
  if (isObj(v) && (typeof v.seconds === 'number' || typeof v.seconds === 'string')) {
    const s = Number(v.seconds);
    const n = Number(v.nanos ?? 0);
    if (Number.isFinite(s) && Number.isFinite(n)) return isoFromEpoch(s * 1e3 + n / 1e6);
  }
  return undefined;
}

function loggerOf(v: unknown, key: string): string | undefined {
  const s = nonEmptyString(v);
  if (s === undefined) return undefined;
  // A syslog tag carries its pid and colon: `app[123]:`.
  if (key === 'syslogtag') return s.replace(/\[\d*\]?:?\s*$|:\s*$/, '') || undefined;
  return clip(s, 256);
}

/** An error object's type, message and stack (pino, bunyan, ECS, OTel, Lambda shapes). */
function errorFromObject(e: Obj): [LogError, string[]] {
  const used: string[] = [];
  const take = (keys: string[], as: (v: unknown) => string | undefined): string | undefined => {
    for (const k of keys) {
      const got = as(e[k]);
      if (got !== undefined) {
        used.push(k);
        return got;
      }
    }
    return undefined;
  };
  const err: LogError = {};
  // MongoDB's error documents name theirs `codeName` and `errmsg`.
  const type = take(
    ['type', 'name', 'errorType', 'class', 'kind', 'exception_class', 'codeName'],
    nonEmptyString,
  );
  const message = take(['message', 'msg', 'errorMessage', 'reason', 'errmsg'], (v) =>
    typeof v === 'string' ? v : undefined,
  );
  const stack = take(
    ['stack', 'stack_trace', 'stacktrace', 'stackTrace', 'extendedStackTrace', 'backtrace', 'trace'],
    stackText,
  );
  if (type !== undefined) err.type = type;
  if (message !== undefined) err.message = message;
  const chain = stack !== undefined && isObj(e.cause) ? causeChain(e.cause) : '';
  if (stack !== undefined) err.stack = clip(chain === '' ? stack : `${stack}\n${chain}`, STACK_MAX_CHARS);
  if (chain !== '') used.push('cause');
  return [err, used];
}

/** Causes followed of a thrown object, as deep as a JVM prints them before it elides. */
const CAUSES_MAX = 8;

/**
 * A thrown object's `cause` objects (log4j2 JsonLayout, Jackson's Throwable)
 * as the JVM prints them: `Caused by: type: message` and its frames, each cause in turn.
 */
function causeChain(first: Obj): string {
  const parts: string[] = [];
  let cause: unknown = first;
  for (let depth = 0; depth < CAUSES_MAX && isObj(cause); depth++) {
    const c = cause as Obj;
    const name = nonEmptyString(c.name) ?? nonEmptyString(c.className) ?? 'Throwable';
    const message = typeof c.message === 'string' ? `: ${c.message}` : '';
    parts.push(`Caused by: ${name}${message}`);
    const frames = stackText(c.extendedStackTrace ?? c.stackTrace);
    if (frames !== undefined) parts.push(frames);
    cause = c.cause;
  }
  return parts.join('\n');
}

function hasError(e: LogError): boolean {
  return e.type !== undefined || e.message !== undefined || e.stack !== undefined;
}

export interface JsonRecordOptions {
  format?: string;
  /** Reads a raw-line field (`log`, `message`) as a line of its own; absent to stop at one level. */
  parseInner?: (line: string) => LogEvent;
}

/**
 * The record an Elasticsearch or OpenSearch search hit holds (`{"_index":…,
 * "_id":…,"_source":{…}}`, as `hits.hits` of a search's answer lists them,
 * and `elasticdump` or a Kibana export writes them a line each); undefined for
 * any other object.
 */
export function searchHitSource(obj: Obj): Obj | undefined {
  const source = obj._source;
  return isObj(source) && (typeof obj._index === 'string' || typeof obj._id === 'string')
    ? source
    : undefined;
}

/**
 * The line a `logcli query --output=jsonl` record carries (`{"labels":{…},
 * "line":"…","timestamp":"…"}`, labels left out with `--no-labels`): the
 * application's line, which Loki stored as it was sent. Undefined for any
 * other object.
 */
export function logcliLine(obj: Obj): string | undefined {
  if (typeof obj.line !== 'string' || typeof obj.timestamp !== 'string') return undefined;
  for (const key of Object.keys(obj))
    if (key !== 'line' && key !== 'timestamp' && key !== 'labels') return undefined;
  return obj.labels === undefined || isObj(obj.labels) ? obj.line : undefined;
}

/** One structured-logger JSON object as a LogEvent. Never throws. */
export function eventFromObject(obj: Obj, opts: JsonRecordOptions = {}): LogEvent {
  const hit = searchHitSource(obj);
  if (hit !== undefined) return eventFromObject(hit, opts);
  const r = new Reader(obj);
  const format = opts.format ?? 'json';
  const error: LogError = {};

  let message = '';
  let messageKey: string | undefined;
  // Only these two hold a message as an object; ECS `log` and `event` objects are metadata.
  const msg = r.first(MESSAGE_KEYS, (v, k) =>
    typeof v === 'string' || (isObj(v) && (k === 'message' || k === 'body')) ? v : undefined,
  );
  if (msg) {
    const [v, key] = msg;
    messageKey = key;
    // Shippers keep the line's edges: rsyslog's leading space, Docker's trailing newline.
    if (typeof v === 'string') message = v.trim();
    else if (isObj(v as unknown)) {
      const o = v as Obj;
      // Lambda's JSON log format puts an uncaught error object in `message`.
      if (typeof o.errorType === 'string' || typeof o.errorMessage === 'string') {
        const [e] = errorFromObject(o);
        Object.assign(error, e);
        message = e.message ?? '';
      } else message = renderJson(o, MESSAGE_MAX_CHARS);
    }
  }

  const mongo = isMongoRecord(obj);
  const level =
    (mongo ? r.first(['s'], (v) => levelOf(v, 'word')) : undefined) ??
    r.first(LEVEL_KEY_NAMES, (v, k) => levelOf(v, LEVEL_KIND.get(k) ?? 'word'));

  for (const key of mongo ? MONGO_ERROR_KEYS : ERROR_OBJECT_KEYS) {
    const v = lookup(obj, key);
    if (isObj(v)) {
      const [e, used] = errorFromObject(v);
      if (!hasError(e)) continue;
      for (const k of used) r.used.add(`${key}.${k}`);
      if (e.type && !error.type) error.type = e.type;
      if (e.message !== undefined && error.message === undefined) error.message = e.message;
      if (e.stack && !error.stack) error.stack = e.stack;
    } else if (typeof v === 'string' && key !== 'exception' && v.trim() !== '' && !v.includes('\n')) {
      // logrus WithError, zap zap.Error, slog "err": the error's text.
      if (error.message === undefined) error.message = v;
      r.used.add(key);
    }
  }
  const type = r.first(ERROR_TYPE_KEYS, nonEmptyString);
  if (type && !error.type) error.type = type[0];
  const emsg = r.first(ERROR_MESSAGE_KEYS, (v) => (typeof v === 'string' ? v : undefined));
  if (emsg && error.message === undefined) error.message = emsg[0];
  if (!error.stack) {
    const st = r.first(STACK_KEYS, (v) => (v === 'None' ? undefined : stackText(v)));
    if (st) error.stack = clip(st[0], STACK_MAX_CHARS);
  }
  const gelf = isGelfRecord(obj);
  if (gelf && !error.stack) {
    // GELF's full_message is the long form of short_message: a stack when its lines are frames.
    const full = r.first(['full_message'], (v) =>
      typeof v === 'string' ? splitStackFromMessage(v)?.stack : undefined,
    );
    if (full) error.stack = clip(full[0], STACK_MAX_CHARS);
  }
  if (!message && error.message !== undefined) message = error.message;
  if (!message) {
    const tpl = r.first(['@mt'], nonEmptyString);
    if (tpl) message = tpl[0];
  }
  if (message.includes('\n') && !error.stack) {
    const split = splitStackFromMessage(message);
    if (split) {
      message = split.message;
      error.stack = clip(split.stack, STACK_MAX_CHARS);
    }
  }
  if (error.stack && (!error.type || error.message === undefined)) {
    const head = errorFromStack(error.stack);
    if (head.type && !error.type) error.type = head.type;
    if (head.message !== undefined && error.message === undefined) error.message = head.message;
  }

  const time = r.first(TIME_KEYS, (v) => timeOf(v));
  const logger =
    (mongo ? r.first(['c'], loggerOf) : undefined) ??
    r.first(LOGGER_KEYS, loggerOf) ??
    (gelf ? r.first(GELF_LOGGER_KEYS, loggerOf) : undefined);
  const service = r.first(SERVICE_KEYS, nonEmptyString);
  const environment = r.first(ENV_KEYS, nonEmptyString);
  const host = r.first(HOST_KEYS, nonEmptyString);

  const ctx = new ContextBuilder();
  for (const k of Object.keys(obj)) {
    if (!r.used.has(k)) addSkipping(ctx, k, obj[k], r.used);
  }

  let event: LogEvent = {
    severity: level ? level[0][0] : 'unknown',
    message: clip(message, MESSAGE_MAX_CHARS),
    context: ctx.context,
    format,
  };
  if (level) event.severityText = level[0][1];
  else if (obj.kind === 'Event' && (obj.type === 'Warning' || obj.type === 'Normal')) {
    // A Kubernetes Event (`kubectl get events -o json`, event exporters): its
    // `type` is the level, its `reason` (BackOff, FailedScheduling) what happened.
    event.severity = obj.type === 'Warning' ? 'warning' : 'info';
    event.severityText = obj.type;
    if (!logger && typeof obj.reason === 'string') event.logger = obj.reason;
  }
  const trace = level ? undefined : workersTrace(obj);
  if (trace) {
    // A Cloudflare Workers trace event (`wrangler tail --format json`, a Tail Worker's or
    // Logpush's events): its outcome is the level (`exception`, `exceededCpu`, `canceled`),
    // its first exception the error; an `ok` one fails by what it logged at error.
    event.severity = trace.severity;
    event.severityText = trace.outcome;
    if (trace.error && !hasError(error)) Object.assign(error, trace.error);
    if (!event.message) event.message = clip(trace.message, MESSAGE_MAX_CHARS);
  }
  // A request the server answered with a 5xx failed, whatever level its access log
  // writes (lograge and Traefik write every request at info): named by its request
  // line, as a text access line is. A record at a failure level names its failure
  // itself (Heroku's router: `desc="Request timeout"`), an error it carries too;
  // Caddy's access logger says only `handled request`, at error for a 5xx.
  const quiet = event.severity === 'info' || event.severity === 'debug' || event.severity === 'unknown';
  const request =
    hasError(error) || !(quiet || logger?.[0].startsWith('http.log.access')) ? undefined : httpRequestOf(r);
  if (request && request.status >= 500) {
    const named = `${request.method} ${pathTemplate(request.path)} HTTP ${request.status}`;
    event.message = clip(message === '' ? named : `${message}: ${named}`, MESSAGE_MAX_CHARS);
    if (quiet) {
      event.severity = 'error';
      event.severityText = String(request.status);
    }
  }
  if (event.context.caller === undefined) {
    const source = sourceLocationOf(obj);
    if (source) event.context.caller = source;
  }
  if (time) event.time = time[0];
  if (logger) event.logger = logger[0];
  if (hasError(error)) event.error = error;
  if (service) event.service = service[0];
  if (environment) event.environment = environment[0];
  if (host) event.host = host[0];

  const trimmed = message.trim();
  const structuredInside = trimmed.startsWith('{') && trimmed.endsWith('}');
  if (opts.parseInner && messageKey && RAW_LINE_KEYS.has(messageKey) && (!level || structuredInside)) {
    event = mergeInner(event, opts.parseInner(message));
  }
  return event;
}

/** Levels of a Workers trace event's `logs` (console.error, console.warn). */
const WORKERS_LOG_LEVELS = new Map<string, SeverityClass>([
  ['error', 'error'],
  ['warn', 'warning'],
]);

function workersTrace(
  obj: Obj,
): { outcome: string; severity: SeverityClass; message: string; error?: LogError } | undefined {
  const { outcome, exceptions, logs } = obj;
  if (
    typeof outcome !== 'string' ||
    !Array.isArray(exceptions) ||
    !('scriptName' in obj || 'eventTimestamp' in obj)
  )
    return undefined;
  const thrown = exceptions.find(isObj);
  if (thrown) {
    const error: LogError = {};
    if (typeof thrown.name === 'string') error.type = thrown.name;
    if (typeof thrown.message === 'string') error.message = thrown.message;
    const message = [error.type, error.message].filter((part) => part !== undefined).join(': ') || outcome;
    return { outcome, severity: 'error', message, error };
  }
  if (outcome !== 'ok') return { outcome, severity: 'error', message: outcome };
  for (const want of ['error', 'warn']) {
    const logged = Array.isArray(logs) ? logs.find((l) => isObj(l) && l.level === want) : undefined;
    if (isObj(logged)) {
      const parts = Array.isArray(logged.message) ? logged.message : [logged.message];
      const message = parts.map((p) => (typeof p === 'string' ? p : (JSON.stringify(p) ?? ''))).join(' ');
      return { outcome, severity: WORKERS_LOG_LEVELS.get(want) ?? 'error', message };
    }
  }
  return { outcome, severity: 'info', message: outcome };
}

/** The source objects of the loggers that state where a record was logged from, with a `file` and `line`. */
const SOURCE_KEYS = ['logging.googleapis.com/sourceLocation', 'sourceLocation', 'src', 'source'];

/**
 * Where in the code a record was logged, as `file:line`, from the fields the
 * loggers that do not write zap's `caller` state it in: Cloud Logging's
 * `sourceLocation`, bunyan's `src`, log4j2 JsonLayout's `source`,
 * python-json-logger's and structlog's `pathname`/`filename` and `lineno`,
 * ECS's `log.origin.file`.
 */
function sourceLocationOf(obj: Obj): string | undefined {
  const at = (file: unknown, line: unknown): string | undefined =>
    typeof file === 'string' &&
    file !== '' &&
    file.length <= 512 &&
    (typeof line === 'number' || (typeof line === 'string' && /^\d{1,7}$/.test(line)))
      ? `${file}:${line}`
      : undefined;
  for (const key of SOURCE_KEYS) {
    const o = obj[key];
    if (isObj(o)) {
      const found = at(o.file ?? o.fileName, o.line ?? o.lineNumber);
      if (found) return found;
    }
  }
  const python = at(obj.pathname ?? obj.filename, obj.lineno);
  if (python) return python;
  const origin = (obj.log as Obj | undefined)?.origin;
  const file = isObj(origin) ? (origin as Obj).file : undefined;
  if (isObj(file)) return at((file as Obj).name, (file as Obj).line);
  return at(obj['log.origin.file.name'], obj['log.origin.file.line']);
}

/** Flattens `value` under `key`, leaving out the paths the record already read. */
function addSkipping(ctx: ContextBuilder, key: string, value: unknown, used: Set<string>): void {
  let prefixUsed = false;
  for (const u of used) {
    if (u.startsWith(`${key}.`)) {
      prefixUsed = true;
      break;
    }
  }
  if (!prefixUsed || !isObj(value)) {
    ctx.add(key, value);
    return;
  }
  // Only objects some of whose fields were read need the slower walk.
  const stack: Array<[string, unknown]> = [[key, value]];
  while (stack.length > 0 && !ctx.full) {
    const [k, v] = stack.pop() as [string, unknown];
    if (used.has(k)) continue;
    let inner = false;
    if (isObj(v)) {
      for (const u of used) {
        if (u.startsWith(`${k}.`)) {
          inner = true;
          break;
        }
      }
    }
    if (!inner) {
      ctx.add(k, v);
      continue;
    }
    const keys = Object.keys(v as Obj);
    for (let i = keys.length - 1; i >= 0; i--) {
      const sub = keys[i] as string;
      stack.push([`${k}.${sub}`, (v as Obj)[sub]]);
    }
  }
}

/**
 * A raw line read out of a transport record (a Docker `log`, an ES document's
 * `message`): the line's own fields describe the event, the transport's are context.
 */
export function mergeInner(outer: LogEvent, inner: LogEvent): LogEvent {
  const ctx = new ContextBuilder();
  for (const [k, v] of Object.entries(inner.context)) ctx.set(k, v);
  for (const [k, v] of Object.entries(outer.context)) if (!(k in ctx.context)) ctx.set(k, v);
  const merged: LogEvent = {
    severity: outer.severity,
    message: inner.message,
    context: ctx.context,
    format: outer.format,
  };
  // A level the line itself wrote beats the transport's; the transport's beats a keyword guess.
  if (inner.severityText !== undefined || outer.severity === 'unknown') {
    merged.severity = inner.severity;
    if (inner.severityText !== undefined) merged.severityText = inner.severityText;
  } else if (outer.severityText !== undefined) merged.severityText = outer.severityText;
  const time = inner.time ?? outer.time;
  if (time) merged.time = time;
  const logger = inner.logger ?? outer.logger;
  if (logger) merged.logger = logger;
  const error = inner.error ?? outer.error;
  if (error) merged.error = error;
  const service = inner.service ?? outer.service;
  if (service) merged.service = service;
  const environment = inner.environment ?? outer.environment;
  if (environment) merged.environment = environment;
  const host = inner.host ?? outer.host;
  if (host) merged.host = host;
  return merged;
}
