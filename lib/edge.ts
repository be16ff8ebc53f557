/**
 * The edge factory: a function file names its route and gives its logic; the
 * access level and idempotency scope come from the route table (lib/routes),
 * the adapters from the composition root (lib/app), and lib/http wraps it all
 * as a Lambda handler. Refuses, at cold start, to build a mutating route left
 * `open` while bearer tokens are configured: such a route would be the one
 * way around them.
 *
 *   export const handler = edge('ingestLog', async (req, { config, stores }) => …);
 */
import type { App } from './app.ts';
import { getApp } from './app.ts';
import { bearerToken } from './http/auth.ts';
import { canonicalParts } from './http/form.ts';
import { httpHandler, type IdempotencyGuard } from './http/handler.ts';
import type { Request } from './http/request.ts';
import type { Reply } from './http/respond.ts';
import { type RouteName, type RouteSpec, route } from './routes.ts';
import { callerOf, idempotent, parseIdempotencyKey, requestHash } from './service/idempotency.ts';
import type { IdempotencyStore } from './store/ports.ts';

export type RouteLogic = (req: Request, app: App) => Promise<Reply>;

function guardFor(scope: string, store: IdempotencyStore): IdempotencyGuard {
  return async (req, rawKey, work) => {
    const key = parseIdempotencyKey(rawKey);
    const parts = await canonicalParts(req);
    const hash = requestHash(req.method, req.path, req.headers['content-type'] ?? '', parts);
    return idempotent(store, scope, callerOf(bearerToken(req)), key, hash, new Date(), work);
  };
}

/** Methods that change nothing, so may be open whatever tokens are configured. */
const SAFE = new Set(['GET', 'HEAD']);

const tokensConfigured = (app: App) => {
  const { read, ingest, admin } = app.config.auth;
  return read.length + ingest.length + admin.length > 0;
};

/** A handler for `spec` over `app` (tests hand in their own spec and app). */
export function edgeFor(spec: RouteSpec, app: App, logic: RouteLogic) {
  if (spec.access === 'open' && !SAFE.has(spec.method) && tokensConfigured(app)) {
    throw new Error(
      `logsift: route ${spec.name} (${spec.method} ${spec.path}) changes data but is open while bearer tokens are configured; give it an access level in lib/routes.ts`,
    );
  }
  return httpHandler((req) => logic(req, app), {
    exposeErrors: app.config.exposeErrors,
    auth: app.config.auth,
    access: spec.access,
    idempotency: spec.idempotency ? guardFor(spec.idempotency, app.stores.idempotency) : undefined,
  });
}

export function edge(name: RouteName, logic: RouteLogic) {
  return edgeFor(route(name), getApp(), logic);
}
