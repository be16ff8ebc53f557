/** Any other method or path: 405 on a known path, else 404 — in the asker's format. */
import { HttpError, notFound } from '#lib/http/errors';
import { httpHandler } from '#lib/http/handler';

// Mirrors serverless.yml's routes; the more specific paths first.
const ROUTES: Array<[RegExp, string]> = [
  [/^\/$/, 'GET'],
  [/^\/openapi\.json$/, 'GET'],
  [/^\/logs\/uploads\/?$/, 'POST'],
  [/^\/logs\/uploads\/[^/]+\/complete\/?$/, 'POST'],
  [/^\/logs\/uploads\/[^/]+\/?$/, 'GET'],
  [/^\/logs\/?$/, 'GET, POST'],
  [/^\/logs\/extracted\/[^/]+\/?$/, 'GET'],
  [/^\/logs\/[^/]+\/datetime\/?$/, 'GET'],
  [/^\/logs\/[^/]+\/?$/, 'GET'],
  [/^\/issues\/?$/, 'GET, POST'],
  [/^\/issues\/new\/?$/, 'GET'],
  [/^\/issues\/[^/]+\/status\/?$/, 'POST'],
  [/^\/issues\/[^/]+\/?$/, 'GET, PATCH, DELETE'],
];

export const handler = httpHandler(async (req) => {
  const allowed = ROUTES.find(([pattern]) => pattern.test(req.path))?.[1];
  if (allowed && !allowed.split(', ').includes(req.method)) {
    throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here; use ${allowed}`, {
      Allow: allowed,
    });
  }
  throw notFound(`no route ${req.method} ${req.path.slice(0, 200)}`);
});
