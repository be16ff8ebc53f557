/**
 * How a `POST /logs` body is read: its unit (DESIGN.md §2.1) and its records.
 *
 *   document  a person's or CI's log of one run: multipart `file`, a raw
 *             text/plain or octet-stream body, or curl's default
 *             `application/x-www-form-urlencoded` for `--data-binary @app.log`
 *             — one report for the run's failure scenario
 *   event     a shipper's stream, each failure event on its own report:
 *             NDJSON / JSON records, a Python `logging.handlers.HTTPHandler`
 *             form (one record), or any raw body sent with `?unit=event`
 *
 * `?unit=document` forces the original reading of any body. Whatever the
 * unit, the bytes kept are the body exactly as it arrived (inflated when it
 * came gzip-encoded): records are derived from them, never stored instead.
 */

import { decodePythonLoggingForm, formFields, isPythonLoggingForm } from '#lib/records/bodies/form';
import { decodeJsonRecords } from '#lib/records/bodies/json-records';
import { DecodeError, type LogEvent } from '#lib/records/model';
import { badRequest, HttpError } from './errors.ts';
import { MAX_JSON_DEPTH } from './form.ts';
import { decodeBody, RAW_TYPES, readFileText, readLogBody } from './log-body.ts';
import { mediaType, type Request } from './request.ts';

export type Unit = 'document' | 'event';

export type Intake =
  | { unit: 'document'; bytes: Buffer; contentType: string; contentEncoding?: string }
  | {
      unit: 'event';
      bytes: Buffer;
      contentType: string;
      contentEncoding?: string;
      /** The records, or null for a raw body read as text entries. */
      records: LogEvent[] | null;
    };

const RECORD_TYPES = new Set([
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/json',
]);
const FORM_TYPE = 'application/x-www-form-urlencoded';

function askedUnit(req: Request): Unit | undefined {
  const unit = req.query['unit'];
  if (unit === undefined || unit === '') return undefined;
  if (unit === 'document' || unit === 'event') return unit;
  throw badRequest('"unit" must be document or event', 'invalid_query');
}

function encodingOf(req: Request): 'identity' | 'gzip' {
  const raw = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'identity') return 'identity';
  if (raw === 'gzip' || raw === 'x-gzip') return 'gzip';
  throw new HttpError(
    415,
    'unsupported_encoding',
    `unsupported Content-Encoding "${raw.slice(0, 40)}"; send the body as is or gzip-compressed`,
  );
}

/**
 * The first place a JSON text nests deeper than MAX_JSON_DEPTH, by a scan of
 * its brackets outside strings (linear, no parse), or -1. The decoders would
 * keep such a record bounded anyway; the contract is a 400 naming the bound.
 */
function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** Records of an NDJSON/JSON body; a line that is not a JSON object is a 400 naming it (nothing stored). */
function records(bytes: Buffer, type: string): LogEvent[] {
  const text = bytes.toString('utf8');
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    const line = text.slice(0, deep).split('\n').length;
    throw badRequest(`line ${line} nests JSON deeper than ${MAX_JSON_DEPTH} levels`, 'json_too_deep');
  }
  let decoded: ReturnType<typeof decodeJsonRecords>;
  try {
    decoded = decodeJsonRecords(bytes, type);
  } catch (error) {
    if (error instanceof DecodeError) throw badRequest(error.message, 'invalid_json');
    throw error;
  }
  if (decoded.rejected > 0) {
    throw badRequest(
      `${decoded.errors[0] ?? 'a record is not JSON'}; NDJSON needs one JSON object per line`,
      'invalid_ndjson',
    );
  }
  return decoded.events;
}

export async function readIntake(req: Request, maxLogBytes: number): Promise<Intake> {
  const asked = askedUnit(req);
  const type = mediaType(req);
  const contentType = req.headers['content-type'] ?? '';
  if (!(RECORD_TYPES.has(type) || RAW_TYPES.has(type) || type === FORM_TYPE)) {
    // multipart: its `file` part; no or another type: readLogBody refuses it in its words (415).
    const bytes = await readLogBody(req, maxLogBytes);
    return asked === 'event'
      ? { unit: 'event', bytes, contentType, records: null }
      : { unit: 'document', bytes, contentType };
  }
  const encoding = encodingOf(req);
  const decoded = await decodeBody(req.body, encoding, maxLogBytes);
  // A gzip-compressed or UTF-16 log file sent as it is (curl --data-binary @app.log.1.gz): its text.
  const bytes = RECORD_TYPES.has(type) ? decoded : await readFileText(decoded, maxLogBytes);
  if (bytes.length === 0) throw badRequest('the log is empty', 'empty_log');
  const contentEncoding = encoding === 'gzip' ? 'gzip' : undefined;
  const kept = { bytes, contentType, ...(contentEncoding ? { contentEncoding } : {}) };
  if (asked === 'document') return { unit: 'document', ...kept };
  if (RECORD_TYPES.has(type)) return { unit: 'event', ...kept, records: records(bytes, type) };
  if (type === FORM_TYPE) {
    if (isPythonLoggingForm(formFields(bytes))) {
      return { unit: 'event', ...kept, records: decodePythonLoggingForm(bytes, type).events };
    }
    // curl's default type for `--data-binary @app.log`: the raw text it is.
    return asked === 'event' ? { unit: 'event', ...kept, records: null } : { unit: 'document', ...kept };
  }
  return asked === 'event' ? { unit: 'event', ...kept, records: null } : { unit: 'document', ...kept };
}

export interface ProtocolBody {
  bytes: Buffer;
  contentType: string;
  contentEncoding?: string;
}

/**
 * The body of a protocol route (OTLP, Elasticsearch bulk, Loki push): one of
 * `types`, inflated when gzip-encoded, within `maxLogBytes`; anything else a 415.
 */
export async function readProtocolBody(
  req: Request,
  maxLogBytes: number,
  types: readonly string[],
  protocol: string,
): Promise<ProtocolBody> {
  const type = mediaType(req);
  if (!types.includes(type)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `${protocol} takes ${types.join(' or ')}${type ? `, not "${type.slice(0, 100)}"` : ''}`,
    );
  }
  const encoding = encodingOf(req);
  const bytes = await decodeBody(req.body, encoding, maxLogBytes);
  return {
    bytes,
    contentType: req.headers['content-type'] ?? type,
    ...(encoding === 'gzip' ? { contentEncoding: 'gzip' } : {}),
  };
}

/** A body the protocol's decoder could not read: a 400 (nothing stored). */
export function undecodable(error: unknown): never {
  if (error instanceof DecodeError) throw badRequest(error.message, 'invalid_body');
  throw error;
}
