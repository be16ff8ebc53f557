/** GET /es/_license — what Logstash's Elasticsearch output reads before it sends (lib/es-compat.ts). */
import { openEdge } from '#lib/edge-open';
import { ES_PRODUCT_HEADERS, esLicense } from '#lib/es-compat';
import { json } from '#lib/http/respond';

export const handler = openEdge('esLicense', async () => json(200, esLicense(), ES_PRODUCT_HEADERS));
