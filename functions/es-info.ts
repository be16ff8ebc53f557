/**
 * GET and HEAD /es — the Elasticsearch cluster root, the handshake Filebeat,
 * Logstash, Vector and Elastic's clients make before their first bulk request
 * (lib/es-compat.ts). Always JSON: only Elasticsearch clients come here.
 */
import { openEdge } from '#lib/edge-open';
import { esRootReply } from '#lib/es-compat';

export const handler = openEdge('esInfo', async (req) => esRootReply(req.method));
