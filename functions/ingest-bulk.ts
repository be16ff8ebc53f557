/**
 * POST /_bulk and /{index}/_bulk, and the same under /es (lib/es-compat.ts) —
 * the Elasticsearch bulk API as log shippers speak it (rsyslog
 * omelasticsearch, Filebeat, Logstash, Fluent Bit `es`, Vector
 * `elasticsearch`, Elastic's clients): NDJSON action/document pairs. The body is archived
 * as one log; each failure document counts on its own report. The answer is
 * bulk's own `{"took","errors","items":[…]}`, a status per item, which is what
 * those clients read to decide what to retry. Every answer, refusals
 * included, carries `X-Elastic-Product: Elasticsearch`: Elastic's JS and
 * Python 8 clients reject a 2xx without it.
 */
import { edge } from '#lib/edge';
import { withEsProduct } from '#lib/es-compat';
import type { Request } from '#lib/http/request';
import { json } from '#lib/http/respond';
import { ingestProtocol } from '#lib/protocol';
import { decodeEsBulk } from '#lib/records/bodies/es-bulk';

const indexOf = (req: Request) => req.params['index'];

const BULK = {
  name: 'the bulk API',
  types: ['application/x-ndjson', 'application/json', 'application/vnd.elasticsearch+x-ndjson'],
  decode: (body: { bytes: Buffer; contentType: string }, req: Request) => {
    const index = indexOf(req);
    return decodeEsBulk(body.bytes, body.contentType, index ? { index } : {});
  },
};

export const handler = withEsProduct(
  edge('ingestBulk', async (req, app) => {
    const started = Date.now();
    const { decoded, result } = await ingestProtocol(req, app, BULK);
    const items = decoded.items.map((item, i) => ({
      [item.action]: {
        _index: item.index ?? indexOf(req) ?? 'logsift',
        _id: item.id ?? `${result.log.logId}-${i + 1}`,
        status: item.status,
        ...(item.status < 300 ? { result: 'created', _version: 1 } : {}),
        ...(item.error ? { error: item.error } : {}),
      },
    }));
    return json(200, {
      took: Date.now() - started,
      errors: decoded.items.some((item) => item.status >= 300),
      items,
    });
  }),
);
