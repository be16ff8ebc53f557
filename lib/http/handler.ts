/**
 * Wraps a route's logic as a Lambda handler: decode the event, check access,
 * run, and map any error to an answer. AWS turns a thrown error into a bare
 * 500, and a Lambda killed at its timeout into a bare 503 without a retry
 * hint, so nothing may escape this function and it answers 503 + Retry-After
 * itself when the invocation is about to run out of time (lib/http/deadline.ts).
 * Routes are built with lib/edge.ts, which reads access and idempotency from
 * the route table; this module knows neither the table nor the services.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { AuthTokens } from '#lib/config';
import { requestObserver } from '#lib/observe';
import { type Access, makeAuthorizer } from './auth.ts';
import { beforeDeadline } from './deadline.ts';
import { decodeEvent, type Request } from './request.ts';
import { type Reply, toErrorResponse } from './respond.ts';

export type Route = (req: Request) => Promise<Reply>;

/** An answer as an idempotency record keeps it: body always a string. */
export interface StoredReply {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

/**
 * Runs `work` at most once per caller and `Idempotency-Key` (`rawKey`, as
 * sent); a retry gets the first answer. Built from lib/service/idempotency by
 * lib/edge.ts.
 */
export type IdempotencyGuard = (
  req: Request,
  rawKey: string,
  work: () => Promise<StoredReply>,
) => Promise<StoredReply>;

export interface HandlerOptions {
  exposeErrors?: boolean;
  /** Checked before the route runs, against `auth` (lib/http/auth); 'open' checks nothing. */
  access: Access | 'open';
  auth: AuthTokens;
  /** Honour `Idempotency-Key` on this route. */
  idempotency?: IdempotencyGuard;
}

export function httpHandler(route: Route, options: HandlerOptions) {
  const authorizer = options.access === 'open' ? null : makeAuthorizer(options.auth);
  const access = options.access;
  return async (event: APIGatewayProxyEventV2, context?: Context): Promise<Reply> => {
    let req: Request | undefined;
    const observer = requestObserver({
      requestId: context?.awsRequestId ?? event.requestContext?.requestId ?? '-',
      route: event.routeKey ?? '-',
      function: context?.functionName,
    });
    const fail = (error: unknown) =>
      toErrorResponse(error, {
        html: req?.prefersHtml ?? false,
        exposeErrors: options.exposeErrors ?? false,
        observer,
      });
    const remaining = context?.getRemainingTimeInMillis?.bind(context);
    const started = Date.now();
    let reply: Reply;
    try {
      reply = await beforeDeadline(run, remaining);
    } catch (error) {
      reply = fail(error);
    }
    if (reply.statusCode >= 500) observer.count('ServerErrors');
    observer.info('answered', { status: reply.statusCode, ms: Date.now() - started });
    return reply;

    async function run(): Promise<Reply> {
      req = decodeEvent(event);
      if (authorizer && access !== 'open') authorizer.check(req, access);
      const rawKey = req.headers['idempotency-key'];
      if (options.idempotency && rawKey !== undefined) {
        const current = req;
        return options.idempotency(current, rawKey, async () => {
          const reply = await route(current).catch(fail);
          return { ...reply, body: reply.body ?? '', isBase64Encoded: reply.isBase64Encoded ?? false };
        });
      }
      return await route(req);
    }
  };
}
