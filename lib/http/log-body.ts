/**
 * The log carried by a POST: the `file` part of a multipart form (what curl -F
 * and browsers send), or the raw body itself (log shippers).
 */
import { badRequest, tooLarge, unsupportedMediaType } from './errors.ts';
import { readForm } from './form.ts';
import { mediaType, type Request } from './request.ts';

const RAW_TYPES = new Set(['text/plain', 'application/octet-stream']);

export async function readLogBody(req: Request, maxLogBytes: number): Promise<Buffer> {
  const type = mediaType(req);
  let log: Buffer;
  if (type === 'multipart/form-data') {
    const form = await readForm(req, { maxFileBytes: maxLogBytes, maxFieldBytes: 16 * 1024 });
    if (!form.file) throw badRequest('no "file" part: send the log as -F file=@app.log', 'missing_file');
    log = form.file.data;
  } else if (RAW_TYPES.has(type)) {
    if (req.body.length > maxLogBytes) throw tooLarge(`log is larger than ${maxLogBytes} bytes`);
    log = req.body;
  } else if (type === '') {
    throw unsupportedMediaType('send the log as multipart/form-data (-F file=@app.log) or a text/plain body');
  } else {
    throw unsupportedMediaType(`unsupported content type "${type}"; send multipart/form-data or text/plain`);
  }
  if (log.length === 0) throw badRequest('the log is empty', 'empty_log');
  return log;
}
