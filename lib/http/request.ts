/**
 * The HTTP edge's view of an API Gateway HTTP API (payload 2.0) event: headers
 * looked up case-insensitively, the body as bytes, content negotiation.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  params: Record<string, string>;
  body: Buffer;
  /** The client asked for JSON (`Accept: application/json` or `?format=json`). */
  wantsJson: boolean;
  /** The client is a browser that prefers HTML (`Accept` lists text/html before JSON). */
  prefersHtml: boolean;
  /** The route as the table names it (`POST /logs`), which metrics are dimensioned by. */
  route?: string;
}

export function decodeEvent(event: APIGatewayProxyEventV2): Request {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined) query[name] = value;
  }
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
    if (value !== undefined) params[name] = value;
  }
  const raw = event.body ?? '';
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  const accept = (headers['accept'] ?? '').toLowerCase();
  const format = (query['format'] ?? '').toLowerCase();
  const jsonAt = accept.indexOf('application/json');
  const htmlAt = accept.indexOf('text/html');
  const wantsJson =
    format === 'json' || (format !== 'html' && jsonAt >= 0 && (htmlAt < 0 || jsonAt < htmlAt));
  return {
    method: (event.requestContext?.http?.method ?? 'GET').toUpperCase(),
    path: event.rawPath ?? event.requestContext?.http?.path ?? '/',
    headers,
    query,
    params,
    body,
    wantsJson,
    prefersHtml: !wantsJson && (format === 'html' || (htmlAt >= 0 && (jsonAt < 0 || htmlAt < jsonAt))),
    route: event.routeKey ?? '-',
  };
}

/** The media type of the body, lower-cased, without parameters ('' when absent). */
export function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}
