/**
 * Grafana Loki push (`POST /loki/api/v1/push`) -> one LogEvent per entry.
 *
 * Two encodings: JSON (`{"streams":[{"stream":{labels},"values":[["<ns>","line",{metadata}]]}]}`,
 * and the older `{"labels":"{…}","entries":[{"ts","line"}]}` form), and
 * `application/x-protobuf`: a snappy block-compressed (snappy.ts) `logproto.PushRequest`
 * (Promtail, Alloy, pino-loki), whose labels are one Prometheus-style string.
 *
 * Each line is read with parseLine; the stream's labels and the entry's
 * structured metadata become context. The line's own level wins; else a
 * `level`/`detected_level`/`severity` label names it; else the line's keyword
 * guess stands. `service_name`/`service`/`app`/`job` name the service.
 */
import { ContextBuilder } from '../context.ts';
import { parseLine } from '../line.ts';
import {
  DecodeError,
  type DecodeResult,
  emptyResult,
  isoFromEpoch,
  isoFromNanos,
  type LogEvent,
  pushError,
  severityFromWord,
} from '../model.ts';
import { isProtobuf } from './otlp-protobuf.ts';
import { PushRequest, TO_OBJECT } from './proto.ts';
import { snappyUncompress } from './snappy.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Largest decompressed protobuf body accepted: far above one Lambda request, bounded all the same. */
export const LOKI_MAX_UNCOMPRESSED = 64 * 1024 * 1024;

const LEVEL_LABELS = ['level', 'detected_level', 'severity', 'lvl', 'loglevel'];
const SERVICE_LABELS = ['service_name', 'service', 'app', 'application', 'job'];
const ENV_LABELS = ['env', 'environment', 'deployment_environment'];
const HOST_LABELS = ['host', 'hostname', 'host_name', 'node_name', 'nodename'];

/** A Prometheus label set `{a="b", c="d\"e"}` -> pairs; undefined when malformed. */
export function parseLabels(text: string): Array<[string, string]> | undefined {
  const s = text.trim();
  if (!s.startsWith('{') || !s.endsWith('}')) return undefined;
  const out: Array<[string, string]> = [];
  let i = 1;
  const end = s.length - 1;
  while (i < end) {
    while (i < end && (s[i] === ' ' || s[i] === ',')) i++;
    if (i >= end) break;
    const eq = s.indexOf('=', i);
    if (eq < 0 || s[eq + 1] !== '"') return undefined;
    const name = s.slice(i, eq).trim();
    if (!/^[A-Za-z_][\w.]*$/.test(name)) return undefined;
    let j = eq + 2;
    let value = '';
    let closed = false;
    while (j < end + 1) {
      const ch = s[j];
      if (ch === '\\' && j + 1 < s.length) {
        const nx = s[j + 1];
        value += nx === 'n' ? '\n' : nx === 't' ? '\t' : (nx as string);
        j += 2;
        continue;
      }
      if (ch === '"') {
        closed = true;
        break;
      }
      value += ch;
      j++;
    }
    if (!closed) return undefined;
    out.push([name, value]);
    i = j + 1;
  }
  return out;
}

interface Entry {
  time: string | undefined;
  line: string;
  metadata: Array<[string, string]>;
}

function entryEvent(labels: Array<[string, string]>, entry: Entry): LogEvent {
  const ev = parseLine(entry.line);
  const label = new Map(labels);
  for (const [k, v] of entry.metadata) label.set(k, v);
  const used = new Set<string>();
  const pick = (keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = label.get(k);
      if (v !== undefined && v !== '') {
        used.add(k);
        return v;
      }
    }
    return undefined;
  };
  const out: LogEvent = { ...ev, format: 'loki' };
  if (ev.severityText === undefined) {
    for (const k of LEVEL_LABELS) {
      const v = label.get(k);
      const sev = v !== undefined ? severityFromWord(v) : undefined;
      if (v !== undefined && sev && sev !== 'unknown') {
        used.add(k);
        out.severity = sev;
        out.severityText = v;
        break;
      }
    }
  }
  const service = ev.service ?? pick(SERVICE_LABELS);
  if (service) out.service = service;
  const environment = ev.environment ?? pick(ENV_LABELS);
  if (environment) out.environment = environment;
  const host = ev.host ?? pick(HOST_LABELS);
  if (host) out.host = host;
  const time = entry.time ?? ev.time;
  if (time) out.time = time;
  const ctx = new ContextBuilder();
  for (const [k, v] of Object.entries(ev.context)) ctx.set(k, v);
  for (const [k, v] of label) if (!used.has(k)) ctx.set(k, v);
  out.context = ctx.context;
  return out;
}

function stringPairs(v: unknown): Array<[string, string]> {
  if (!isObj(v)) return [];
  const out: Array<[string, string]> = [];
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out.push([k, x]);
  return out;
}

function decodeJson(body: Buffer, result: DecodeResult): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new DecodeError(`Loki push body is not valid JSON: ${(e as Error).message}`, 'loki');
  }
  if (!isObj(parsed) || !Array.isArray(parsed.streams)) {
    throw new DecodeError('Loki push body must be {"streams":[…]}', 'loki');
  }
  for (const stream of parsed.streams) {
    if (!isObj(stream)) {
      pushError(result, 'a stream is not an object');
      continue;
    }
    let labels: Array<[string, string]> | undefined;
    if (isObj(stream.stream)) labels = stringPairs(stream.stream);
    else if (typeof stream.labels === 'string') labels = parseLabels(stream.labels);
    else labels = [];
    if (!labels) {
      pushError(result, `a stream's labels are malformed: ${String(stream.labels)}`);
      continue;
    }
    const values = Array.isArray(stream.values) ? stream.values : [];
    for (const v of values) {
      if (
        !Array.isArray(v) ||
        typeof v[1] !== 'string' ||
        (typeof v[0] !== 'string' && typeof v[0] !== 'number')
      ) {
        pushError(result, 'a value is not ["<unix epoch ns>", "<line>"]');
        continue;
      }
      result.events.push(
        entryEvent(labels, { time: isoFromNanos(String(v[0])), line: v[1], metadata: stringPairs(v[2]) }),
      );
    }
    // The legacy form, still accepted by Loki.
    const entries = Array.isArray(stream.entries) ? stream.entries : [];
    for (const e of entries) {
      if (!isObj(e) || typeof e.line !== 'string') {
        pushError(result, 'an entry has no line');
        continue;
      }
      const ts = typeof e.ts === 'string' ? e.ts : typeof e.timestamp === 'string' ? e.timestamp : undefined;
      const ms = ts ? Date.parse(ts) : Number.NaN;
      result.events.push(
        entryEvent(labels, {
          time: Number.isNaN(ms) ? undefined : new Date(ms).toISOString(),
          line: e.line,
          metadata: [],
        }),
      );
    }
  }
}

function decodeProto(body: Buffer, maxBytes: number, result: DecodeResult): void {
  let raw: Uint8Array;
  try {
    raw = snappyUncompress(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), maxBytes);
  } catch (e) {
    throw new DecodeError(`Loki protobuf body is not a snappy block: ${(e as Error).message}`, 'loki');
  }
  let req: Obj;
  try {
    req = PushRequest.toObject(PushRequest.decode(raw), TO_OBJECT) as Obj;
  } catch (e) {
    throw new DecodeError(`Loki protobuf body is not a PushRequest: ${(e as Error).message}`, 'loki');
  }
  for (const stream of Array.isArray(req.streams) ? req.streams : []) {
    const s = stream as Obj;
    const labels = parseLabels(typeof s.labels === 'string' ? s.labels : '{}');
    if (!labels) {
      pushError(result, `a stream's labels are malformed: ${String(s.labels)}`);
      continue;
    }
    for (const entry of Array.isArray(s.entries) ? s.entries : []) {
      const e = entry as Obj;
      const ts = isObj(e.timestamp) ? e.timestamp : {};
      const seconds = Number(ts.seconds ?? 0);
      const nanos = Number(ts.nanos ?? 0);
      const metadata: Array<[string, string]> = [];
      for (const p of Array.isArray(e.structuredMetadata) ? e.structuredMetadata : []) {
        const pair = p as Obj;
        if (typeof pair.name === 'string')
          metadata.push([pair.name, typeof pair.value === 'string' ? pair.value : '']);
      }
      result.events.push(
        entryEvent(labels, {
          time: seconds > 0 ? isoFromEpoch(seconds * 1e3 + nanos / 1e6) : undefined,
          line: typeof e.line === 'string' ? e.line : '',
          metadata,
        }),
      );
    }
  }
}

/** Decodes a Loki push body (JSON already decompressed; protobuf still snappy-compressed). */
export function decodeLokiPush(
  body: Buffer,
  contentType: string,
  opts: { maxUncompressedBytes?: number } = {},
): DecodeResult {
  const result = emptyResult();
  if (isProtobuf(contentType)) decodeProto(body, opts.maxUncompressedBytes ?? LOKI_MAX_UNCOMPRESSED, result);
  else decodeJson(body, result);
  return result;
}
