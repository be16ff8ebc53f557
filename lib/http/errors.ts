/**
 * One error type carries its HTTP status; `toErrorResponse` (lib/http/respond)
 * turns any error into an answer. Anything that is not an HttpError is a bug or
 * an outage and never reaches the client with its details.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, code = 'bad_request') => new HttpError(400, code, message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const tooLarge = (message: string) => new HttpError(413, 'payload_too_large', message);
/** What every 413 for a log tells the client to do instead. */
export const BIGGER_LOGS = 'send bigger logs through POST /logs/uploads (a presigned S3 upload)';
export const unsupportedMediaType = (message: string) =>
  new HttpError(415, 'unsupported_media_type', message);
export const unprocessable = (message: string, code = 'unprocessable') => new HttpError(422, code, message);

/** Storage unreachable or failing: the request changed nothing durable and may be retried. */
export const unavailable = (message = 'storage is unavailable; nothing was stored, retry later') =>
  new HttpError(503, 'unavailable', message, { 'Retry-After': '1' });
