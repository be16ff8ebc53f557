/**
 * Request bodies that carry fields and at most one file: multipart/form-data
 * (parsed with busboy under explicit limits), url-encoded forms and JSON
 * objects. Every way a body can be wrong maps to a clear 4xx here. Field
 * limits count characters (code points) on every content type alike, so a
 * value a JSON body may carry, a multipart form may carry too.
 */
import Busboy from 'busboy';
import { BIGGER_LOGS, badRequest, type HttpError, tooLarge, unsupportedMediaType } from './errors.ts';
import { mediaType, type Request } from './request.ts';

export interface UploadedFile {
  field: string;
  filename: string;
  data: Buffer;
}

export interface Form {
  fields: Record<string, string>;
  file: UploadedFile | null;
}

export interface FormLimits {
  /** Largest file accepted; larger is a 413. */
  maxFileBytes: number;
  /** Longest field value in characters (code points); longer is a 400 naming the field. */
  maxFieldChars: number;
  /** Name of the one file part accepted. */
  fileField?: string;
}

const MAX_FIELDS = 20;
/** The most UTF-8 bytes one character takes: busboy's byte limit that admits maxFieldChars characters. */
const MAX_CHAR_BYTES = 4;

const tooLong = (name: string) => badRequest(`field "${name}" is too long`, 'field_too_long');
const longerThan = (value: string, chars: number) => value.length > chars && [...value].length > chars;

export async function readForm(req: Request, limits: FormLimits): Promise<Form> {
  const type = mediaType(req);
  if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
    return parseWithBusboy(req, limits);
  }
  if (type === 'application/json') return parseJsonForm(req.body, limits);
  if (type === '') throw unsupportedMediaType('send a multipart/form-data, url-encoded or JSON body');
  throw unsupportedMediaType(
    `unsupported content type "${type}"; send multipart/form-data, url-encoded or JSON`,
  );
}

/** Deepest JSON nesting accepted: far beyond any logger's record, far below what overflows a stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses a parsed JSON value nested deeper than MAX_JSON_DEPTH, walked with an
 * explicit stack so that no depth can overflow the check itself. JSON.parse
 * takes any depth; what recurses is JSON.stringify, so this runs before it.
 */
export function checkValueDepth(value: unknown, where = 'the body'): void {
  if (value === null || typeof value !== 'object') return;
  const stack: Array<[object, number]> = [[value, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > MAX_JSON_DEPTH) {
      throw badRequest(`${where} nests JSON deeper than ${MAX_JSON_DEPTH} levels`, 'json_too_deep');
    }
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
}

function parseJsonForm(body: Buffer, limits: FormLimits): Form {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('body is not valid JSON', 'invalid_json');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('JSON body must be an object of string fields', 'invalid_json');
  }
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(value)) {
    if (typeof field !== 'string') throw badRequest(`field "${name}" must be a string`, 'invalid_json');
    if (longerThan(field, limits.maxFieldChars)) throw tooLong(name);
    fields[name] = field;
  }
  return { fields, file: null };
}

function parseWithBusboy(req: Request, limits: FormLimits): Promise<Form> {
  const fileField = limits.fileField ?? 'file';
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      limits: {
        fileSize: limits.maxFileBytes,
        // busboy counts bytes, and marks a value that reaches its limit truncated: one byte more
        fieldSize: limits.maxFieldChars * MAX_CHAR_BYTES + 1,
        fields: MAX_FIELDS,
        files: 1,
        parts: MAX_FIELDS + 1,
      },
    });
  } catch (error) {
    throw badRequest(`malformed form body: ${(error as Error).message}`, 'malformed_body');
  }

  return new Promise<Form>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: UploadedFile | null = null;
    let failure: HttpError | null = null;
    const fail = (error: HttpError) => {
      failure ??= error;
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated || longerThan(value, limits.maxFieldChars)) fail(tooLong(name));
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A form cut off inside its file part fails the part's stream too (busboy's
      // "Unexpected end of form"): unheard, that error would end the process.
      stream.on('error', (error: Error) =>
        fail(badRequest(`malformed form body: ${error.message}`, 'malformed_body')),
      );
      stream.on('limit', () =>
        fail(tooLarge(`file is larger than ${limits.maxFileBytes} bytes; ${BIGGER_LOGS}`)),
      );
      stream.on('close', () => {
        const data = Buffer.concat(chunks);
        // A browser sends the file input even when nothing was chosen: no name, no bytes.
        if (data.length === 0 && !info.filename) return;
        if (name !== fileField)
          fail(badRequest(`unexpected file part "${name}"; send the log as "${fileField}"`));
        else file = { field: name, filename: info.filename ?? '', data };
      });
    });
    parser.on('filesLimit', () => fail(badRequest('send exactly one file')));
    parser.on('fieldsLimit', () => fail(badRequest('too many fields')));
    parser.on('partsLimit', () => fail(badRequest('too many parts')));
    parser.on('error', (error: Error) =>
      reject(badRequest(`malformed form body: ${error.message}`, 'malformed_body')),
    );
    parser.on('close', () => {
      if (failure) reject(failure);
      else resolve({ fields, file });
    });
    parser.end(req.body);
  });
}

/**
 * A body as the list of what it carries, for comparing two requests
 * (Idempotency-Key): a multipart body's parts in order — each part's name,
 * file name, media type and bytes — rather than its bytes, whose boundary is
 * random per send; any other body as it is. A body busboy cannot read is taken
 * as it is too (the route refuses it anyway).
 */
export async function canonicalParts(req: Request): Promise<Buffer[]> {
  if (mediaType(req) !== 'multipart/form-data') return [req.body];
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({ headers: { 'content-type': req.headers['content-type'] ?? '' } });
  } catch {
    return [req.body];
  }
  return new Promise<Buffer[]>((resolve) => {
    const parts: Array<Promise<Buffer[]>> = [];
    const tag = (kind: string, name: string, filename: string, type: string, data: Buffer) => [
      Buffer.from(kind),
      Buffer.from(name, 'utf8'),
      Buffer.from(filename, 'utf8'),
      Buffer.from(type),
      data,
    ];
    parser.on('field', (name, value, info) => {
      parts.push(Promise.resolve(tag('field', name, '', info.mimeType, Buffer.from(value, 'utf8'))));
    });
    parser.on('file', (name, stream, info) => {
      parts.push(
        new Promise((done) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          // a part cut off (the parser's own error answers for the whole body)
          stream.on('error', () => {});
          stream.on('close', () =>
            done(tag('file', name, info.filename ?? '', info.mimeType, Buffer.concat(chunks))),
          );
        }),
      );
    });
    parser.on('error', () => resolve([req.body]));
    parser.on('close', () => {
      Promise.all(parts).then((all) => resolve(all.flat()));
    });
    parser.end(req.body);
  });
}
