/**
 * Any other method or path under /es: an Elasticsearch API logsift does not
 * serve (index templates, ILM, data streams, cluster health…). A 404 whose
 * message names the client setting that stops the call, carrying the product
 * header as every /es answer does; 405 on a path that exists with another
 * method. It changes nothing, so it is open whatever tokens are configured.
 *
 * `/es/` is the root: Logstash and Elastic's clients ask the prefix with a
 * trailing slash, and API Gateway's HTTP API is reported not to fold it into
 * the `/es` route, which would leave it to this greedy one.
 */
import { ES_PRODUCT_HEADERS, esRootReply, unsupportedEsApi } from '#lib/es-compat';
import { HttpError } from '#lib/http/errors';
import { httpHandler } from '#lib/http/handler';
import { allowedMethods } from '#lib/routes';

export const handler = httpHandler(
  async (req) => {
    if (req.path === '/es/' && (req.method === 'GET' || req.method === 'HEAD'))
      return esRootReply(req.method);
    const methods: string[] = allowedMethods(req.path);
    if (methods.length > 0 && !methods.includes(req.method)) {
      const allowed = methods.join(', ');
      throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here; use ${allowed}`, {
        Allow: allowed,
        ...ES_PRODUCT_HEADERS,
      });
    }
    const { code, message } = unsupportedEsApi(req.method, req.path.replace(/^\/es(?=\/|$)/, ''));
    throw new HttpError(404, code, message, { ...ES_PRODUCT_HEADERS });
  },
  { access: 'open', auth: { read: [], ingest: [], admin: [] } },
);
