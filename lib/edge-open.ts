/**
 * The edge factory for the routes that read no storage and check no token
 * (the log-list redirect, the bug form, the OpenAPI document): the same as
 * lib/edge.ts without the composition root, so their bundles carry no AWS SDK
 * and start in a fraction of the time. A route the table gives an access level
 * cannot be built here: it needs the tokens, which only lib/edge.ts knows.
 */
import type { AuthTokens } from './config.ts';
import { httpHandler, type Route } from './http/handler.ts';
import { type RouteName, route } from './routes.ts';

const NO_TOKENS: AuthTokens = { read: [], ingest: [], admin: [] };

export function openEdge(name: RouteName, logic: Route) {
  const spec = route(name);
  if (spec.access !== 'open' || spec.idempotency) {
    throw new Error(`logsift: route ${name} needs access ${spec.access}; build it with edge() (lib/edge.ts)`);
  }
  return httpHandler(logic, { access: 'open', auth: NO_TOKENS });
}
