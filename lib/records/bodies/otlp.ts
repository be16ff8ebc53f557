/**
 * OTLP/HTTP logs (`POST /v1/logs`): an ExportLogsServiceRequest, as protobuf
 * (`application/x-protobuf`) or its JSON encoding (`application/json`), already
 * decompressed -> one LogEvent per LogRecord.
 *
 * The JSON encoding's rules (OTLP spec, "JSON Protobuf Encoding"): field names
 * lowerCamelCase (the proto names are accepted too, as protobuf JSON parsers
 * do), 64-bit integers as decimal strings or numbers, trace and span ids as hex
 * (not base64), enums as integers (names accepted).
 *
 * Record mapping: severityNumber 1-24 gives the class (severityText when the
 * number is unset, else the body's own line when neither is); a string body is
 * the message, a kvlist or array body is rendered as JSON; the `exception.*`
 * attributes are the error; the resource's `service.name`,
 * `deployment.environment(.name)` and `host.name` are promoted; the scope name is
 * the logger; every other attribute is context, resource attributes under
 * `resource.`.
 */
import { ContextBuilder, renderJson, scalarOf } from '../context.ts';
import { parseLine } from '../line.ts';
import {
  clip,
  DecodeError,
  type DecodeResult,
  emptyResult,
  isoFromNanos,
  type LogError,
  type LogEvent,
  MESSAGE_MAX_CHARS,
  pushError,
  STACK_MAX_CHARS,
  severityFromOtelNumber,
  severityFromWord,
} from '../model.ts';
import { errorFromStack, splitStackFromMessage } from '../stack-text.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function field(o: Obj, camel: string, snake: string): unknown {
  return o[camel] !== undefined ? o[camel] : o[snake];
}

function list(o: Obj, camel: string, snake: string): unknown[] {
  const v = field(o, camel, snake);
  return Array.isArray(v) ? v : [];
}

/** Nodes an AnyValue conversion may visit: bounds the work a hostile body can ask for. */
const MAX_NODES = 4096;

/**
 * AnyValue -> plain JS value (kvlist as object, array as array), walked with an
 * explicit stack; beyond MAX_NODES nodes the rest is left out.
 */
export function anyValueToJs(value: unknown): unknown {
  const holder: { v: unknown } = { v: undefined };
  const stack: Array<[unknown, (x: unknown) => void]> = [[value, (x) => (holder.v = x)]];
  let nodes = 0;
  while (stack.length > 0) {
    const [av, set] = stack.pop() as [unknown, (x: unknown) => void];
    if (++nodes > MAX_NODES || !isObj(av)) continue;
    const s = field(av, 'stringValue', 'string_value');
    if (typeof s === 'string') {
      set(s);
      continue;
    }
    const b = field(av, 'boolValue', 'bool_value');
    if (typeof b === 'boolean') {
      set(b);
      continue;
    }
    const i = field(av, 'intValue', 'int_value');
    if (typeof i === 'string' || typeof i === 'number') {
      const n = Number(i);
      set(Number.isSafeInteger(n) ? n : String(i));
      continue;
    }
    const d = field(av, 'doubleValue', 'double_value');
    if (typeof d === 'number' || typeof d === 'string') {
      set(Number(d));
      continue;
    }
    // Bytes stay base64, as both encodings carry them.
    const bytes = field(av, 'bytesValue', 'bytes_value');
    if (typeof bytes === 'string') {
      set(bytes);
      continue;
    }
    const arr = field(av, 'arrayValue', 'array_value');
    if (isObj(arr)) {
      const out: unknown[] = [];
      set(out);
      const values = Array.isArray(arr.values) ? arr.values : [];
      for (let k = 0; k < values.length && k < MAX_NODES; k++) {
        out.push(undefined);
        stack.push([values[k], (x) => (out[k] = x)]);
      }
      continue;
    }
    const kv = field(av, 'kvlistValue', 'kvlist_value');
    if (isObj(kv)) {
      const out: Obj = Object.create(null);
      set(out);
      const values = Array.isArray(kv.values) ? kv.values : [];
      for (let k = 0; k < values.length && k < MAX_NODES; k++) {
        const pair = values[k];
        if (isObj(pair) && typeof pair.key === 'string') {
          const key = pair.key;
          stack.push([pair.value, (x) => (out[key] = x)]);
        }
      }
    }
  }
  return holder.v;
}

/** KeyValue[] -> [key, value] pairs. */
function attributes(kvs: unknown[]): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const kv of kvs) {
    if (isObj(kv) && typeof kv.key === 'string') out.push([kv.key, anyValueToJs(kv.value)]);
  }
  return out;
}

function hexId(v: unknown, binary: boolean): string | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  if (!binary) return clip(v.toLowerCase(), 64);
  const hex = Buffer.from(v, 'base64').toString('hex');
  return /^0*$/.test(hex) ? undefined : hex;
}

function nanosIso(v: unknown): string | undefined {
  if (typeof v === 'number')
    return Number.isFinite(v) && v > 0 ? isoFromNanos(BigInt(Math.trunc(v)).toString()) : undefined;
  return typeof v === 'string' ? isoFromNanos(v) : undefined;
}

function severityNumberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (/^\d+$/.test(v)) return Number(v);
    const names = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
    const m = /^SEVERITY_NUMBER_([A-Z]+?)([2-4]?)$/.exec(v);
    const idx = m ? names.indexOf(m[1] as string) : -1;
    if (m && idx >= 0) return idx * 4 + 1 + (m[2] ? Number(m[2]) - 1 : 0);
  }
  return undefined;
}

interface ResourceInfo {
  service?: string;
  environment?: string;
  host?: string;
  rest: Array<[string, unknown]>;
}

function resourceInfo(resource: unknown): ResourceInfo {
  const info: ResourceInfo = { rest: [] };
  if (!isObj(resource)) return info;
  for (const [k, v] of attributes(list(resource, 'attributes', 'attributes'))) {
    if (k === 'service.name' && typeof v === 'string') info.service = v;
    else if (
      (k === 'deployment.environment.name' || (k === 'deployment.environment' && !info.environment)) &&
      typeof v === 'string'
    )
      info.environment = v;
    else if (k === 'host.name' && typeof v === 'string') info.host = v;
    else info.rest.push([k, v]);
  }
  return info;
}

function recordEvent(rec: Obj, res: ResourceInfo, scopeName: string | undefined, binary: boolean): LogEvent {
  const attrs = attributes(list(rec, 'attributes', 'attributes'));
  const body = anyValueToJs(rec.body);
  const sevNum = severityNumberOf(field(rec, 'severityNumber', 'severity_number'));
  const sevText = field(rec, 'severityText', 'severity_text');
  let severity = sevNum !== undefined ? severityFromOtelNumber(sevNum) : undefined;
  let severityText = typeof sevText === 'string' && sevText !== '' ? sevText : undefined;
  if (!severity && severityText) severity = severityFromWord(severityText);

  let message = '';
  let fromLine: LogEvent | undefined;
  if (typeof body === 'string') {
    // A body without any severity is a raw line (the Collector's filelog receiver): read it as one.
    if (!severity) fromLine = parseLine(body);
    else message = body;
  } else if (body !== undefined) message = renderJson(body, MESSAGE_MAX_CHARS);

  const error: LogError = {};
  let logger = scopeName;
  const ctx = new ContextBuilder();
  for (const [k, v] of attrs) {
    if (k === 'exception.type' && typeof v === 'string') error.type = v;
    else if (k === 'exception.message' && typeof v === 'string') error.message = v;
    else if (k === 'exception.stacktrace' && typeof v === 'string') error.stack = clip(v, STACK_MAX_CHARS);
    else if ((k === 'log.logger' || k === 'logger.name') && typeof v === 'string') logger = v;
    else {
      const s = scalarOf(v);
      if (s !== undefined) ctx.set(k, s);
      else ctx.add(k, v);
    }
  }
  const traceId = hexId(field(rec, 'traceId', 'trace_id'), binary);
  if (traceId) ctx.set('trace_id', traceId);
  const spanId = hexId(field(rec, 'spanId', 'span_id'), binary);
  if (spanId) ctx.set('span_id', spanId);
  const eventName = field(rec, 'eventName', 'event_name');
  if (typeof eventName === 'string' && eventName) ctx.set('event.name', eventName);
  if (fromLine) for (const [k, v] of Object.entries(fromLine.context)) ctx.set(k, v);
  for (const [k, v] of res.rest) {
    const s = scalarOf(v);
    if (s !== undefined) ctx.set(`resource.${k}`, s);
    else ctx.add(`resource.${k}`, v);
  }

  if (fromLine) {
    message = fromLine.message;
    severity = fromLine.severity;
    severityText = fromLine.severityText;
    if (fromLine.logger) logger = fromLine.logger;
    if (fromLine.error && !error.type && !error.message && !error.stack) Object.assign(error, fromLine.error);
  }
  if (!error.stack && message.includes('\n')) {
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
  if (!message && error.message) message = error.message;

  const event: LogEvent = {
    severity: severity ?? 'unknown',
    message: clip(message, MESSAGE_MAX_CHARS),
    context: ctx.context,
    format: 'otlp',
  };
  if (severityText !== undefined) event.severityText = severityText;
  const time =
    nanosIso(field(rec, 'timeUnixNano', 'time_unix_nano')) ??
    nanosIso(field(rec, 'observedTimeUnixNano', 'observed_time_unix_nano')) ??
    fromLine?.time;
  if (time) event.time = time;
  if (logger) event.logger = logger;
  if (error.type !== undefined || error.message !== undefined || error.stack !== undefined)
    event.error = error;
  const service = res.service ?? fromLine?.service;
  if (service) event.service = service;
  const environment = res.environment ?? fromLine?.environment;
  if (environment) event.environment = environment;
  const host = res.host ?? fromLine?.host;
  if (host) event.host = host;
  return event;
}

/**
 * True for an object that is an ExportLogsServiceRequest in OTLP's JSON
 * encoding: what the Collector's `file` exporter writes a line of, and what
 * an OTLP/HTTP JSON body holds.
 */
export function isOtlpLogsRequest(v: unknown): v is Record<string, unknown> {
  return isObj(v) && Array.isArray(field(v, 'resourceLogs', 'resource_logs'));
}

/** The records of a decoded ExportLogsServiceRequest (JSON encoding unless `binary`). */
export function otlpRequestEvents(request: Record<string, unknown>, binary = false): DecodeResult {
  const rls = field(request, 'resourceLogs', 'resource_logs');
  if (rls !== undefined && !Array.isArray(rls))
    throw new DecodeError('resourceLogs must be an array', 'otlp');
  const result = emptyResult();
  for (const rl of (rls as unknown[] | undefined) ?? []) {
    if (!isObj(rl)) {
      pushError(result, 'a resourceLogs entry is not an object');
      continue;
    }
    const res = resourceInfo(rl.resource);
    for (const sl of list(rl, 'scopeLogs', 'scope_logs')) {
      if (!isObj(sl)) {
        pushError(result, 'a scopeLogs entry is not an object');
        continue;
      }
      const scope = sl.scope;
      const scopeName = isObj(scope) && typeof scope.name === 'string' && scope.name ? scope.name : undefined;
      for (const rec of list(sl, 'logRecords', 'log_records')) {
        if (!isObj(rec)) {
          pushError(result, 'a logRecords entry is not an object');
          continue;
        }
        result.events.push(recordEvent(rec, res, scopeName, binary));
      }
    }
  }
  return result;
}
