/**
 * Bodies of JSON records: NDJSON (one record a line), a JSON array of records,
 * or a single JSON object -> one LogEvent per record, each read with the same
 * structured-logger mapping as a JSON line (json.ts). A string element is read
 * as a line of its own; an OTLP export request in its JSON encoding (a line of
 * the Collector's `file` exporter) and an envelope of log events (CloudWatch
 * Logs' subscription payload, an `aws logs` answer) are read as the records they hold.
 *
 * NDJSON tolerates bad lines (each is rejected on its own); a body that claims
 * to be one JSON document (`[` first) and does not parse is unreadable.
 */
import { eventFromObject } from '../json.ts';
import { parseLine } from '../line.ts';
import { DecodeError, type DecodeResult, emptyResult, type LogEvent, pushError } from '../model.ts';
import { isOtlpLogsRequest, otlpRequestEvents } from './otlp.ts';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function recordEvent(v: unknown): LogEvent | undefined {
  if (isObj(v)) return eventFromObject(v, { parseInner: parseLine });
  if (typeof v === 'string') return parseLine(v);
  return undefined;
}

/**
 * The events of an envelope that carries a log's events: CloudWatch Logs'
 * subscription payload (`logEvents`), the answer of `aws logs
 * filter-log-events` / `get-log-events` (`events`, its first key) and an
 * Elasticsearch or OpenSearch search's (`hits.hits`, `took` its first key); null for a record.
 */
export function envelopeEvents(v: Record<string, unknown>): unknown[] | null {
  if (Array.isArray(v.logEvents)) return v.logEvents;
  const first = Object.keys(v)[0];
  if (first === 'events' && Array.isArray(v.events)) return v.events;
  // An Elasticsearch or OpenSearch search's answer: its hits, each a record (lib/records/json.ts searchHitSource).
  const hits = first === 'took' && isObj(v.hits) ? (v.hits as Record<string, unknown>).hits : undefined;
  return Array.isArray(hits) ? hits : null;
}

function add(result: DecodeResult, v: unknown, where: string): void {
  const events = isObj(v) ? envelopeEvents(v) : null;
  if (events === null) addRecord(result, v, where);
  // One level: an envelope's event is a record, whatever it holds.
  else for (let k = 0; k < events.length; k++) addRecord(result, events[k], `${where}, event ${k}`);
}

function addRecord(result: DecodeResult, v: unknown, where: string): void {
  if (isOtlpLogsRequest(v)) {
    // A line of the OpenTelemetry Collector's `file` exporter: a whole export request of records.
    const request = otlpRequestEvents(v);
    result.events.push(...request.events);
    for (const error of request.errors) pushError(result, `${where}: ${error}`);
    result.rejected += request.rejected - request.errors.length;
    return;
  }
  const e = recordEvent(v);
  if (e) result.events.push(e);
  else pushError(result, `${where}: a record must be a JSON object`);
}

export function decodeJsonRecords(body: Buffer, _contentType: string): DecodeResult {
  const text = body.toString('utf8');
  const result = emptyResult();
  let i = 0;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  if (text[i] === '[') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new DecodeError(`JSON array body is not valid JSON: ${(e as Error).message}`, 'json');
    }
    const arr = parsed as unknown[];
    for (let k = 0; k < arr.length; k++) add(result, arr[k], `element ${k}`);
    return result;
  }
  // One object, possibly pretty-printed over several lines, before trying it as NDJSON.
  if (text[i] === '{') {
    try {
      const one: unknown = JSON.parse(text);
      add(result, one, 'body');
      return result;
    } catch {
      // Several records: NDJSON.
    }
  }
  let start = 0;
  let n = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    n++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      pushError(result, `line ${n}: not valid JSON`);
      continue;
    }
    add(result, v, `line ${n}`);
  }
  return result;
}
