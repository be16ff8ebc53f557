/**
 * Every answer logsift gives is built here: the security headers each kind of
 * body needs, and the one mapping from any error to an answer.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  Busy,
  Conflict,
  DomainError,
  Invalid,
  NotFound,
  TooLarge,
  Unavailable,
  Unprocessable,
} from '#lib/errors';
import { count, log, type Observer } from '#lib/observe';
import { CONTENT_SECURITY_POLICY, renderError } from '#lib/render/index';
import { HttpError } from './errors.ts';

export type Reply = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
};

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    statusCode,
    headers: { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function html(statusCode: number, body: string, headers: Record<string, string> = {}): Reply {
  return {
    statusCode,
    headers: {
      ...BASE_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
      ...headers,
    },
    body,
  };
}

/** Plain text that can never be run as a page, whatever bytes it holds. */
export function text(statusCode: number, body: string | Buffer, headers: Record<string, string> = {}): Reply {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return {
    statusCode,
    headers: {
      ...BASE_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      ...headers,
    },
    // base64 so that NUL bytes and invalid UTF-8 come back exactly as they were sent
    body: bytes.toString('base64'),
    isBase64Encoded: true,
  };
}

export function redirect(location: string, statusCode = 303): Reply {
  return { statusCode, headers: { ...BASE_HEADERS, Location: location }, body: '' };
}

export interface ErrorContext {
  /** Answer as HTML (a browser) rather than JSON. */
  html: boolean;
  exposeErrors: boolean;
  /** The request's log lines and metrics (lib/observe requestObserver); the process's without one. */
  observer?: Observer;
}

/** The process's own lines and metrics, for an error answered outside a request's handler. */
const processObserver: Observer = { ...log, count: (name, value) => count(name, value) };

/** Each domain error's status; the first class an error is an instance of wins. */
const DOMAIN_STATUSES: ReadonlyArray<
  readonly [abstract new (...args: never[]) => DomainError, number, Record<string, string>]
> = [
  [Invalid, 400, {}],
  [NotFound, 404, {}],
  [Conflict, 409, {}],
  [Busy, 409, { 'Retry-After': '1' }],
  [TooLarge, 413, {}],
  [Unprocessable, 422, {}],
  [Unavailable, 503, { 'Retry-After': '1' }],
];

/** An error as log fields: name, message and stack (for the logs only, never an answer). */
function describe(error: unknown): unknown {
  return error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error;
}

export function toErrorResponse(error: unknown, ctx: ErrorContext): Reply {
  const say = ctx.observer ?? processObserver;
  let status = 500;
  let code = 'internal';
  let message = 'internal error';
  let headers: Record<string, string> = {};
  const domain =
    error instanceof DomainError ? DOMAIN_STATUSES.find(([kind]) => error instanceof kind) : null;
  if (error instanceof HttpError) {
    status = error.status;
    code = error.code;
    message = error.message;
    headers = error.headers;
  } else if (error instanceof Unavailable) {
    status = 503;
    code = 'unavailable';
    message = 'storage is unavailable; nothing was stored, retry later';
    headers = { 'Retry-After': '1' };
    say.count('StorageFailures');
    say.error('storage failed', { error: error.message, cause: describe(error.cause) });
  } else if (error instanceof DomainError && domain) {
    [, status, headers] = domain;
    code = error.code;
    message = error.message;
  } else {
    say.error('unhandled error', { error: describe(error) });
    if (ctx.exposeErrors && error instanceof Error) message = `internal error: ${error.message}`;
  }
  if (ctx.html) return html(status, renderError(status, code, message), headers);
  return json(status, { error: { code, message } }, headers);
}
