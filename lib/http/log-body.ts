/**
 * The log carried by a POST /logs, in every shape log shippers and people send:
 *
 * - `multipart/form-data`, the `file` part (curl -F, browsers);
 * - a raw body: `text/plain` or `application/octet-stream`, kept byte for byte;
 * - records: `application/x-ndjson` (one JSON object a line) or `application/json`
 *   (an array of objects, one object, or JSON lines); each record's `message`,
 *   `log` or `msg` field becomes one log line, in order;
 * - any raw or record body may carry `Content-Encoding: gzip`. The inflated size
 *   is bounded by the same `maxLogBytes` as a plain body: inflating stops at the
 *   bound (a zip bomb costs at most that much memory) and answers 413;
 * - a log file that is itself gzip-compressed (`app.log.1.gz`, as logrotate
 *   leaves it) or UTF-16 with its mark (Windows PowerShell's `>`), sent as the
 *   file part or as a raw body, is read and kept as the UTF-8 text it holds,
 *   within the same bound (readFileText);
 * - what of a record is kept as JSON text nests at most MAX_JSON_DEPTH levels
 *   (lib/http/form.ts): deeper is a 400 naming the bound, never a stack overflow.
 */
import { promisify } from 'node:util';
import { constants, gunzip } from 'node:zlib';
import { asUtf8, isGzip } from '#lib/extract/text-encoding';
import { BIGGER_LOGS, badRequest, HttpError, tooLarge, unsupportedMediaType } from './errors.ts';
import { checkValueDepth, readForm } from './form.ts';
import { mediaType, type Request } from './request.ts';

const gunzipAsync = promisify(gunzip);

/** Raw bodies; `application/gzip` is a compressed log file (readFileText). */
export const RAW_TYPES = new Set([
  'text/plain',
  'application/octet-stream',
  'application/gzip',
  'application/x-gzip',
]);
const NDJSON_TYPES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl']);
const JSON_TYPE = 'application/json';
/** The fields a shipper puts the log line in: Vector/Fluentd `message`, Fluent Bit/Docker `log`, pino/zap `msg`. */
export const MESSAGE_FIELDS = ['message', 'log', 'msg'] as const;

export const ACCEPTED_TYPES = [
  'multipart/form-data',
  'text/plain',
  'application/octet-stream',
  'application/x-ndjson',
  'application/json',
  'application/x-www-form-urlencoded',
  'application/gzip',
] as const;

const unsupportedEncoding = (message: string) => new HttpError(415, 'unsupported_encoding', message);

export async function readLogBody(req: Request, maxLogBytes: number): Promise<Buffer> {
  const type = mediaType(req);
  const encoding = contentEncoding(req);
  let log: Buffer;
  if (type === 'multipart/form-data') {
    if (encoding !== 'identity') {
      throw unsupportedEncoding('a multipart form cannot be gzip-encoded; send the gzip as a raw body');
    }
    const form = await readForm(req, { maxFileBytes: maxLogBytes, maxFieldChars: 16 * 1024 });
    if (!form.file) throw badRequest('no "file" part: send the log as -F file=@app.log', 'missing_file');
    log = await readFileText(form.file.data, maxLogBytes);
  } else if (RAW_TYPES.has(type)) {
    log = await readFileText(await decodeBody(req.body, encoding, maxLogBytes), maxLogBytes);
  } else if (NDJSON_TYPES.has(type)) {
    log = linesFromNdjson(await decodeBody(req.body, encoding, maxLogBytes));
  } else if (type === JSON_TYPE) {
    log = linesFromJson(await decodeBody(req.body, encoding, maxLogBytes));
  } else if (type === '') {
    throw unsupportedMediaType(
      'send the log as multipart/form-data (-F file=@app.log), text/plain or application/x-ndjson',
    );
  } else {
    throw unsupportedMediaType(
      `unsupported content type "${type.slice(0, 100)}"; send one of ${ACCEPTED_TYPES.join(', ')}`,
    );
  }
  if (log.length === 0) throw badRequest('the log is empty', 'empty_log');
  return log;
}

function contentEncoding(req: Request): 'identity' | 'gzip' {
  const raw = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'identity') return 'identity';
  if (raw === 'gzip' || raw === 'x-gzip') return 'gzip';
  throw unsupportedEncoding(
    `unsupported Content-Encoding "${raw.slice(0, 40)}"; send the body as is or gzip-compressed`,
  );
}

/** The body as sent, inflated when gzip-encoded; never more than `maxLogBytes` bytes. */
export async function decodeBody(body: Buffer, encoding: 'identity' | 'gzip', maxLogBytes: number) {
  if (encoding === 'identity') {
    if (body.length > maxLogBytes) throw tooLarge(`log is larger than ${maxLogBytes} bytes; ${BIGGER_LOGS}`);
    return body;
  }
  return inflate(body, maxLogBytes);
}

/** gzip bytes 1f 8b, after a gateway decoded them as UTF-8: 0x8b is no UTF-8 start, so it became U+FFFD. */
const MANGLED_GZIP = Buffer.from([0x1f, 0xef, 0xbf, 0xbd]);

/**
 * A log file's bytes, or the UTF-8 text they hold: a gzip-compressed file (a
 * rotated `app.log.1.gz`) inflated, a UTF-16 one (its byte-order mark)
 * transcoded, so neither is stored as binary that no failure can be found in.
 * A gzip file cut off mid-stream (still being written) gives the text it holds
 * so far; bytes that are not gzip past the header are a 400.
 */
export async function readFileText(bytes: Buffer, maxLogBytes: number): Promise<Buffer> {
  let text = bytes;
  if (isGzip(bytes)) {
    try {
      text = await gunzipAsync(bytes, { maxOutputLength: maxLogBytes, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw tooLarge(`the gzip-compressed log inflates to more than ${maxLogBytes} bytes; ${BIGGER_LOGS}`);
      }
      throw badRequest(
        `the file starts as gzip but does not inflate (${(error as Error).message}); send it whole, or uncompressed`,
        'invalid_gzip',
      );
    }
  }
  const utf8 = asUtf8(text);
  if (utf8.length > maxLogBytes)
    throw tooLarge(`the UTF-16 log is more than ${maxLogBytes} bytes as UTF-8; ${BIGGER_LOGS}`);
  return utf8;
}

export async function inflate(body: Buffer, maxLogBytes: number): Promise<Buffer> {
  if (body.subarray(0, 4).equals(MANGLED_GZIP)) {
    throw badRequest(
      'the gzip body reached logsift decoded as UTF-8 text, so its bytes are lost: something between ' +
        'the client and logsift (a proxy or gateway) treated it as text; send it unaltered, or as ' +
        'Content-Type: application/octet-stream if that proxy only passes binary types intact',
      'invalid_gzip',
    );
  }
  try {
    // maxOutputLength makes zlib stop inflating at the bound instead of after it.
    return await gunzipAsync(body, { maxOutputLength: maxLogBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(`the log inflates to more than ${maxLogBytes} bytes; ${BIGGER_LOGS}`);
    }
    throw badRequest('the body is not valid gzip data (Content-Encoding: gzip)', 'invalid_gzip');
  }
}

/**
 * One log line from one record: its message field, else the record itself as
 * JSON. JSON.stringify recurses, so what it is given is first checked against
 * the depth bound (without recursion); a string message needs no check.
 */
function lineOf(record: unknown, where: string): string {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw badRequest(`${where} is not a JSON object`, 'invalid_ndjson');
  }
  const fields = record as Record<string, unknown>;
  for (const name of MESSAGE_FIELDS) {
    const value = fields[name];
    if (typeof value === 'string') return value.replace(/[\r\n]+$/, '');
    if (value !== undefined && value !== null) {
      checkValueDepth(value, where);
      return JSON.stringify(value);
    }
  }
  // Nothing a shipper sends is dropped: a record without a message field is kept whole.
  checkValueDepth(record, where);
  return JSON.stringify(record);
}

function joinLines(lines: string[]): Buffer {
  return Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}\n`, 'utf8');
}

/** NDJSON: one JSON object a line, blank lines ignored; a line that is not JSON is a 400 naming it. */
export function linesFromNdjson(body: Buffer): Buffer {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  const lines: string[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (row === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(row);
    } catch {
      throw badRequest(`line ${i + 1} is not JSON; NDJSON needs one JSON object per line`, 'invalid_ndjson');
    }
    lines.push(lineOf(record, `line ${i + 1}`));
  }
  return joinLines(lines);
}

/** application/json: an array of records (Fluent Bit `format json`), one record, or JSON lines. */
export function linesFromJson(body: Buffer): Buffer {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return linesFromNdjson(body);
  }
  if (Array.isArray(parsed)) return joinLines(parsed.map((r, i) => lineOf(r, `record ${i + 1}`)));
  return joinLines([lineOf(parsed, 'the body')]);
}
