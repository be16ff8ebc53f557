/**
 * Wraps a route's logic as a Lambda handler: decode the event, run, and map
 * any error to an answer. AWS turns a thrown error into a bare 500, and a
 * Lambda killed at its timeout into a bare 503 without a retry hint, so
 * nothing may escape this function and it answers 503 + Retry-After itself
 * when the invocation is about to run out of time (lib/http/deadline.ts).
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { AuthTokens } from '#lib/config';
import { callerOf, idempotent, parseIdempotencyKey, requestHash } from '#lib/service/idempotency';
import type { IdempotencyStore } from '#lib/store/ports';
import { type Access, bearerToken, makeAuthorizer } from './auth.ts';
import { beforeDeadline } from './deadline.ts';
import { canonicalParts } from './form.ts';
import { decodeEvent, type Request } from './request.ts';
import { type Reply, toErrorResponse } from './respond.ts';

export type Route = (req: Request) => Promise<Reply>;

export interface HandlerOptions {
  exposeErrors?: boolean;
  /** Checked before the route runs, against `auth` (lib/http/auth); absent = open. */
  access?: Access;
  auth?: AuthTokens;
  /** Honour `Idempotency-Key` (lib/service/idempotency), keys scoped by route. */
  idempotency?: { scope: string; store: IdempotencyStore };
}

export function httpHandler(route: Route, options: HandlerOptions = {}) {
  const authorizer = options.access && options.auth ? makeAuthorizer(options.auth) : null;
  return async (event: APIGatewayProxyEventV2, context?: Context): Promise<Reply> => {
    let req: Request | undefined;
    const fail = (error: unknown) =>
      toErrorResponse(error, {
        html: req?.prefersHtml ?? false,
        exposeErrors: options.exposeErrors ?? false,
        requestId: context?.awsRequestId,
      });
    const remaining = context?.getRemainingTimeInMillis?.bind(context);
    try {
      return await beforeDeadline(run, remaining);
    } catch (error) {
      return fail(error);
    }

    async function run(): Promise<Reply> {
      req = decodeEvent(event);
      if (authorizer && options.access) authorizer.check(req, options.access);
      const rawKey = req.headers['idempotency-key'];
      if (options.idempotency && rawKey !== undefined) {
        const key = parseIdempotencyKey(rawKey);
        const current = req;
        const parts = await canonicalParts(req);
        const hash = requestHash(req.method, req.path, req.headers['content-type'] ?? '', parts);
        const answer = await idempotent(
          options.idempotency.store,
          options.idempotency.scope,
          callerOf(bearerToken(req)),
          key,
          hash,
          new Date(),
          async () => {
            const reply = await route(current).catch(fail);
            return { ...reply, body: reply.body ?? '', isBase64Encoded: reply.isBase64Encoded ?? false };
          },
        );
        return answer;
      }
      return await route(req);
    }
  };
}
