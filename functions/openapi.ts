/** GET /openapi.json — the OpenAPI 3.1 description of every route (lib/openapi.ts). */
import { openEdge } from '#lib/edge-open';
import { json } from '#lib/http/respond';
import { OPENAPI } from '#lib/openapi';

export const handler = openEdge('openApi', async () =>
  json(200, OPENAPI, { 'Cache-Control': 'public, max-age=300' }),
);
