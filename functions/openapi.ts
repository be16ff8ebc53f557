/** GET /openapi.json — the OpenAPI 3.1 description of every route (lib/openapi.ts). */
import { httpHandler } from '#lib/http/handler';
import { json } from '#lib/http/respond';
import { OPENAPI } from '#lib/openapi';

export const handler = httpHandler(async () =>
  json(200, OPENAPI, { 'Cache-Control': 'public, max-age=300' }),
);
