/**
 * Splunk HTTP Event Collector (`POST /services/collector/event`, also
 * `/services/collector`): one or more event objects written back to back,
 * with or without whitespace between them (`{"event":…}{"event":…}`), as
 * Vector, Fluent Bit, Fluentd, the OTel Collector and the Splunk logging
 * libraries send them. Not wired to a route yet: a decoder ready should the
 * route be added.
 *
 * `event` is the record: a string is read as a line (parseLine), an object as a
 * structured record (json.ts); `time` (epoch seconds, fractions allowed) and
 * `host` fill their slots; `source`, `sourcetype`, `index` and the indexed
 * `fields` become context.
 */
import { ContextBuilder } from '../context.ts';
import { eventFromObject } from '../json.ts';
import { parseLine } from '../line.ts';
import {
  DecodeError,
  type DecodeResult,
  emptyResult,
  isoFromEpoch,
  type LogEvent,
  pushError,
} from '../model.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The top-level JSON objects of a body that concatenates them, as source text.
 * Only brace depth and string state are tracked (a counter, not a recursion);
 * each object's own syntax is left to JSON.parse.
 */
export function* concatenatedObjects(text: string): Generator<string> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c !== 123) throw new DecodeError(`expected an event object at offset ${i}`, 'splunk-hec');
    let depth = 0;
    let inString = false;
    let j = i;
    for (; j < n; j++) {
      const ch = text.charCodeAt(j);
      if (inString) {
        if (ch === 92) j++;
        else if (ch === 34) inString = false;
      } else if (ch === 34) inString = true;
      else if (ch === 123) depth++;
      else if (ch === 125 && --depth === 0) break;
    }
    if (j >= n) throw new DecodeError(`event object at offset ${i} is not closed`, 'splunk-hec');
    yield text.slice(i, j + 1);
    i = j + 1;
  }
}

function hecEvent(o: Obj): LogEvent | string {
  const ev = o.event;
  let base: LogEvent;
  if (typeof ev === 'string') {
    if (ev.trim() === '') return 'Event field cannot be blank';
    base = parseLine(ev);
  } else if (isObj(ev)) base = eventFromObject(ev, { parseInner: parseLine });
  else return 'Event field is required';
  const out: LogEvent = { ...base, format: 'splunk-hec' };
  const t = typeof o.time === 'string' ? Number(o.time) : o.time;
  const time = typeof t === 'number' ? isoFromEpoch(t) : undefined;
  if (time && !base.time) out.time = time;
  if (typeof o.host === 'string' && o.host && !base.host) out.host = o.host;
  const ctx = new ContextBuilder();
  for (const [k, v] of Object.entries(base.context)) ctx.set(k, v);
  for (const k of ['source', 'sourcetype', 'index']) if (typeof o[k] === 'string') ctx.set(k, o[k] as string);
  if (isObj(o.fields)) ctx.add('', o.fields);
  out.context = ctx.context;
  return out;
}

/** Decodes a HEC event body. Throws DecodeError when the body is not a sequence of JSON objects. */
export function decodeSplunkHec(body: Buffer, _contentType: string): DecodeResult {
  const result = emptyResult();
  let k = 0;
  for (const src of concatenatedObjects(body.toString('utf8'))) {
    k++;
    let o: unknown;
    try {
      o = JSON.parse(src);
    } catch (e) {
      throw new DecodeError(
        `Invalid data format: event ${k} is not JSON (${(e as Error).message})`,
        'splunk-hec',
      );
    }
    const ev = hecEvent(o as Obj);
    if (typeof ev === 'string') pushError(result, `event ${k}: ${ev}`);
    else result.events.push(ev);
  }
  return result;
}
