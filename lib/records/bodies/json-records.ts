/**
 * Bodies of JSON records: NDJSON (one record a line), a JSON array of records,
 * or a single JSON object -> one LogEvent per record, each read with the same
 * structured-logger mapping as a JSON line (json.ts). A string element is read
 * as a line of its own; an OTLP export request in its JSON encoding (a line of
 * the Collector's `file` exporter) is read as the records it holds.
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

function add(result: DecodeResult, v: unknown, where: string): void {
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
