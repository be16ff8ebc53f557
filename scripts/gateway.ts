/**
 * The local API gateway: what API Gateway's HTTP API and Lambda do for
 * logsift on AWS, in one node process, faithful where a client can tell.
 *
 *   routes     serverless.yml's `httpApi` events, matched as HTTP API does:
 *              the most specific path wins (literal > {param} > {proxy+}),
 *              a method route before `*`
 *   events     payload format 2.0: lower-case headers (repeats joined by
 *              ','), `cookies`, raw and parsed query, path parameters,
 *              requestContext; a body that is not UTF-8 text arrives base64
 *              (`isBase64Encoded`), so gzip, protobuf and snappy bytes reach
 *              the handler intact
 *   handlers   loaded once and kept warm, invoked in this process with a
 *              Lambda context whose remaining time counts down from the
 *              function's timeout; a bounded number run at once, the rest wait
 *              in a queue
 *   limits     as the HTTP API quotas: body over 10 MB -> 413, headers over
 *              10 KB -> 431, a malformed or self-contradicting request -> 400,
 *              a body that stops arriving -> 408
 *
 * Every answer the gateway makes itself is in the service's error shape
 * `{"error":{"code","message"}}`. A handler that throws, answers without a
 * status, or outlives its timeout is never turned into a 2xx: 500, 502 and
 * 503 + Retry-After respectively (API Gateway answers such invocations
 * 500/502/503 too, in its own shape). Nothing internal — no stack, no path —
 * is ever in an answer.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

/** HTTP API quotas (docs: "Amazon API Gateway quotas", HTTP APIs). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const MAX_HEADER_BYTES = 10 * 1024;

export interface GatewayRoute {
  /** serverless.yml's function name. */
  name: string;
  /** Upper-case method, or '*' for any. */
  method: string;
  /** As in serverless.yml: `/logs/{logId}`, `/{proxy+}`. */
  path: string;
  /** The function's timeout in seconds. */
  timeoutSeconds: number;
}

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

export interface GatewayOptions {
  routes: GatewayRoute[];
  /** The loaded handler of each route's function, by function name. */
  handlers: Record<string, LambdaHandler>;
  /** Invocations running at once; more wait in the queue (default 32). */
  concurrency?: number;
  /** Longest a request waits for an invocation slot before a 503 (default 10 s). */
  queueTimeoutMs?: number;
  /** A body with no byte for this long is abandoned with a 408 (default 10 s). */
  bodyIdleMs?: number;
  /** Where invocation failures are reported (never to the client). */
  log?: (line: string) => void;
}

type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'param'; name: string }
  | { kind: 'greedy'; name: string };

interface CompiledRoute extends GatewayRoute {
  segments: Segment[];
}

function compile(route: GatewayRoute): CompiledRoute {
  const parts = route.path.split('/').filter((part) => part !== '');
  const segments: Segment[] = parts.map((part) => {
    const greedy = /^\{(\w+)\+\}$/.exec(part);
    if (greedy) return { kind: 'greedy', name: greedy[1]! };
    const param = /^\{(\w+)\}$/.exec(part);
    if (param) return { kind: 'param', name: param[1]! };
    return { kind: 'literal', text: part };
  });
  return { ...route, method: route.method.toUpperCase(), segments };
}

interface Match {
  route: CompiledRoute;
  params: Record<string, string>;
  /** Per segment: 2 literal, 1 parameter, 0 greedy — compared left to right. */
  rank: number[];
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function matchPath(route: CompiledRoute, parts: string[]): Match | null {
  const params: Record<string, string> = {};
  const rank: number[] = [];
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i]!;
    if (segment.kind === 'greedy') {
      if (i >= parts.length) return null;
      params[segment.name] = parts.slice(i).map(decodeSegment).join('/');
      rank.push(0);
      return { route, params, rank };
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.kind === 'literal') {
      if (part !== segment.text) return null;
      rank.push(2);
    } else {
      params[segment.name] = decodeSegment(part);
      rank.push(1);
    }
  }
  return parts.length === route.segments.length ? { route, params, rank } : null;
}

function moreSpecific(a: Match, b: Match): boolean {
  for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
    const x = a.rank[i] ?? -1;
    const y = b.rank[i] ?? -1;
    if (x !== y) return x > y;
  }
  // Same path shape: a route for this method wins over `*`.
  return a.route.method !== '*' && b.route.method === '*';
}

export function selectRoute(routes: CompiledRoute[], method: string, path: string): Match | null {
  const parts = path.split('/').filter((part) => part !== '');
  let best: Match | null = null;
  for (const route of routes) {
    if (route.method !== '*' && route.method !== method) continue;
    const match = matchPath(route, parts);
    if (match && (best === null || moreSpecific(match, best))) best = match;
  }
  return best;
}

/** Media types API Gateway passes as text; anything else (or bytes that are not UTF-8) goes base64. */
const TEXT_TYPE =
  /^(?:text\/[\w.+-]+|application\/(?:json|[\w.+-]+\+json|x-ndjson|ndjson|jsonl|javascript|xml|[\w.+-]+\+xml|x-www-form-urlencoded|yaml|x-yaml))$/;

function isTextBody(headers: Record<string, string>, body: Buffer): boolean {
  if (body.length === 0) return true;
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') return false;
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!TEXT_TYPE.test(type)) return false;
  // Only what decodes as UTF-8 and encodes back to the same bytes may travel as a string.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

export function buildEvent(
  req: IncomingMessage,
  match: Match,
  body: Buffer,
  requestId: string,
): APIGatewayProxyEventV2 {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQueryString = q < 0 ? '' : url.slice(q + 1);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    if (name === 'cookie') {
      cookies = [...(cookies ?? []), ...value.split(/;\s*/).filter((c) => c !== '')];
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  let query: Record<string, string> | undefined;
  if (rawQueryString !== '') {
    query = {};
    for (const [name, value] of new URLSearchParams(rawQueryString)) {
      query[name] = name in query ? `${query[name]},${value}` : value;
    }
  }
  const text = isTextBody(headers, body);
  const now = new Date();
  const routeKey =
    match.route.method === '*' ? `ANY ${match.route.path}` : `${match.route.method} ${match.route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    cookies,
    headers,
    queryStringParameters: query,
    pathParameters: Object.keys(match.params).length > 0 ? match.params : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers['host'] ?? '127.0.0.1',
      domainPrefix: (headers['host'] ?? '127').split('.')[0]!,
      http: {
        method: (req.method ?? 'GET').toUpperCase(),
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length === 0 ? undefined : text ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !text,
  } as APIGatewayProxyEventV2;
}

function lambdaContext(route: GatewayRoute, requestId: string, deadline: number): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: route.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${route.name}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${route.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

export interface GatewayAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export function errorAnswer(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): GatewayAnswer {
  return {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...headers,
    },
    body: Buffer.from(JSON.stringify({ error: { code, message } })),
  };
}

const retryLater = (code: string, message: string) => errorAnswer(503, code, message, { 'Retry-After': '1' });

const tooLarge = () =>
  errorAnswer(
    413,
    'payload_too_large',
    `the request body is over the API's ${MAX_BODY_BYTES} byte limit; send big logs through POST /logs/uploads (a presigned S3 upload)`,
  );

/** A Lambda answer (payload 2.0) as HTTP; null when it is not one. */
function fromLambda(result: unknown): GatewayAnswer | null {
  if (result === null || typeof result !== 'object') return null;
  const reply = result as {
    statusCode?: unknown;
    headers?: Record<string, unknown>;
    cookies?: unknown;
    body?: unknown;
    isBase64Encoded?: unknown;
  };
  if (typeof reply.statusCode !== 'number' || !Number.isInteger(reply.statusCode)) return null;
  if (reply.statusCode < 100 || reply.statusCode > 599) return null;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  const body =
    typeof reply.body === 'string'
      ? Buffer.from(reply.body, reply.isBase64Encoded === true ? 'base64' : 'utf8')
      : Buffer.alloc(0);
  const answer: GatewayAnswer = { status: reply.statusCode, headers, body };
  if (Array.isArray(reply.cookies) && reply.cookies.length > 0) {
    (answer as GatewayAnswer & { cookies?: string[] }).cookies = reply.cookies.map(String);
  }
  return answer;
}

/** A counting semaphore with a bounded wait: the invocation slots. */
class Slots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  /** Resolves true with a slot, or false when none came free within `timeoutMs`. */
  acquire(timeoutMs: number): Promise<boolean> {
    if (this.running < this.size) {
      this.running++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        this.running++;
        resolve(true);
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve(false);
      }, timeoutMs);
      this.waiting.push(grant);
    });
  }

  release(): void {
    this.running--;
    this.waiting.shift()?.();
  }
}

function send(res: ServerResponse, answer: GatewayAnswer, requestId: string, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | string[]> = { ...answer.headers };
  const cookies = (answer as GatewayAnswer & { cookies?: string[] }).cookies;
  if (cookies) headers['Set-Cookie'] = cookies;
  headers['Content-Length'] = String(answer.body.length);
  headers['apigw-requestid'] = requestId;
  if (close) headers['Connection'] = 'close';
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

/** A raw HTTP/1.1 answer on a socket the HTTP parser gave up on. */
function rawAnswer(socket: Socket, answer: GatewayAnswer, reason: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const head = [
    `HTTP/1.1 ${answer.status} ${reason}`,
    ...Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${answer.body.length}`,
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), answer.body]));
}

export function createGateway(opts: GatewayOptions): Server {
  const routes = opts.routes.map(compile);
  const slots = new Slots(opts.concurrency ?? 32);
  const queueTimeoutMs = opts.queueTimeoutMs ?? 10_000;
  const bodyIdleMs = opts.bodyIdleMs ?? 10_000;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const invoke = async (route: CompiledRoute, event: APIGatewayProxyEventV2, requestId: string) => {
    const handler = opts.handlers[route.name];
    if (!handler) return errorAnswer(500, 'internal', 'internal error');
    if (!(await slots.acquire(queueTimeoutMs))) {
      return retryLater('busy', 'the service is busy; nothing was stored, retry shortly');
    }
    const timeoutMs = route.timeoutSeconds * 1000;
    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const result = await Promise.race([
        Promise.resolve().then(() => handler(event, lambdaContext(route, requestId, deadline))),
        timedOut,
      ]);
      if (result === 'timeout') {
        log(`[${requestId}] ${route.name} timed out after ${route.timeoutSeconds} s`);
        return retryLater('timeout', 'the request took too long and may not have been stored; retry it');
      }
      const answer = fromLambda(result);
      if (answer) return answer;
      log(`[${requestId}] ${route.name} answered without a status code`);
      return errorAnswer(502, 'bad_gateway', 'the service gave no valid answer');
    } catch (error) {
      log(`[${requestId}] ${route.name} failed: ${(error as Error)?.stack ?? String(error)}`);
      return errorAnswer(500, 'internal', 'internal error');
    } finally {
      clearTimeout(timer);
      slots.release();
    }
  };

  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      // Headers that never finish: the parser gives up (clientError below).
      headersTimeout: 10_000,
      requestTimeout: 0,
      keepAliveTimeout: 5_000,
    },
    (req, res) => {
      const requestId = randomUUID();
      const declared = req.headers['content-length'];
      if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) {
        send(res, tooLarge(), requestId, true);
        req.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const idle = () =>
        setTimeout(() => {
          if (done) return;
          done = true;
          send(
            res,
            errorAnswer(
              408,
              'request_timeout',
              `no body byte arrived for ${bodyIdleMs / 1000} s; send the request again`,
            ),
            requestId,
            true,
          );
          req.destroy();
        }, bodyIdleMs);
      const timer = idle();
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          done = true;
          clearTimeout(timer);
          send(res, tooLarge(), requestId, true);
          req.destroy();
          return;
        }
        chunks.push(chunk);
        timer.refresh();
      });
      req.on('error', () => {
        done = true;
        clearTimeout(timer);
      });
      req.on('end', () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        const body = Buffer.concat(chunks, size);
        const method = (req.method ?? 'GET').toUpperCase();
        const path = (req.url ?? '/').split('?')[0]!;
        const match = selectRoute(routes, method, path);
        if (!match) {
          send(res, errorAnswer(404, 'not_found', 'no such route'), requestId);
          return;
        }
        void invoke(match.route, buildEvent(req, match, body, requestId), requestId).then((answer) =>
          send(res, answer, requestId),
        );
      });
    },
  );

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const code = error.code ?? '';
    if (code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (code === 'HPE_HEADER_OVERFLOW') {
      rawAnswer(
        socket,
        errorAnswer(431, 'headers_too_large', `the request's headers are over ${MAX_HEADER_BYTES} bytes`),
        'Request Header Fields Too Large',
      );
    } else if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      rawAnswer(
        socket,
        errorAnswer(408, 'request_timeout', 'the request did not arrive in time'),
        'Request Timeout',
      );
    } else {
      const lengths = code === 'HPE_UNEXPECTED_CONTENT_LENGTH' || code === 'HPE_INVALID_CONTENT_LENGTH';
      rawAnswer(
        socket,
        errorAnswer(
          400,
          'bad_request',
          lengths
            ? 'the request has conflicting or invalid lengths (Content-Length, Transfer-Encoding)'
            : 'the request is not valid HTTP',
        ),
        'Bad Request',
      );
    }
  });
  return server;
}
