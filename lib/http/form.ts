/**
 * Request bodies that carry fields and at most one file: multipart/form-data
 * (parsed with busboy under explicit limits), url-encoded forms and JSON
 * objects. Every way a body can be wrong maps to a clear 4xx here.
 */
import Busboy from 'busboy';
import { badRequest, type HttpError, tooLarge, unsupportedMediaType } from './errors.ts';
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
  /** Largest field value in bytes; longer is a 400 naming the field. */
  maxFieldBytes: number;
  /** Name of the one file part accepted. */
  fileField?: string;
}

const MAX_FIELDS = 20;

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
    if (Buffer.byteLength(field) > limits.maxFieldBytes)
      throw badRequest(`field "${name}" is too long`, 'field_too_long');
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
        fieldSize: limits.maxFieldBytes,
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
      if (info.valueTruncated) fail(badRequest(`field "${name}" is too long`, 'field_too_long'));
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(tooLarge(`file is larger than ${limits.maxFileBytes} bytes`)));
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
