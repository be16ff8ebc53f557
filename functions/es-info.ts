/**
 * GET and HEAD /es — the Elasticsearch cluster root, the handshake Filebeat,
 * Logstash, Vector and Elastic's clients make before their first bulk request
 * (lib/es-compat.ts). Always JSON: only Elasticsearch clients come here.
 */
import { openEdge } from '#lib/edge-open';
import { ES_PRODUCT_HEADERS, esRootInfo } from '#lib/es-compat';
import { json } from '#lib/http/respond';

export const handler = openEdge('esInfo', async (req) => {
  const reply = json(200, esRootInfo(), ES_PRODUCT_HEADERS);
  // Logstash's health check is a HEAD: the same headers, no body.
  return req.method === 'HEAD' ? { ...reply, body: '' } : reply;
});
