/**
 * POST /_bulk and /{index}/_bulk — the Elasticsearch bulk API as log shippers
 * speak it (rsyslog omelasticsearch, Filebeat, Logstash, Fluent Bit `es`,
 * Vector `elasticsearch`): NDJSON action/document pairs. The body is archived
 * as one log; each failure document counts on its own report. The answer is
 * bulk's own `{"took","errors","items":[…]}`, a status per item, which is what
 * those clients read to decide what to retry.
 */
import { createHash } from 'node:crypto';
import { edge } from '#lib/edge';
import { readProtocolBody, undecodable } from '#lib/http/intake';
import { json } from '#lib/http/respond';
import { count } from '#lib/observe';
import { decodeEsBulk } from '#lib/records/bodies/es-bulk';
import { ingestRecords } from '#lib/service/events';

const TYPES = ['application/x-ndjson', 'application/json', 'application/vnd.elasticsearch+x-ndjson'] as const;

export const handler = edge('ingestBulk', async (req, { config, stores }) => {
  const started = Date.now();
  const body = await readProtocolBody(req, config.maxLogBytes, TYPES, 'the bulk API');
  const index = req.params['index'];
  let decoded: ReturnType<typeof decodeEsBulk>;
  try {
    decoded = decodeEsBulk(body.bytes, body.contentType, index ? { index } : {});
  } catch (error) {
    undecodable(error);
  }
  const sha256 = createHash('sha256').update(body.bytes).digest('hex');
  const result = await ingestRecords(stores, { ...body, sha256 }, decoded.events, new Date());
  count('LogsIngested');
  const created = result.reports.filter((r) => r.isNew).length;
  if (created > 0) count('ReportsCreated', created);
  const items = decoded.items.map((item, i) => ({
    [item.action]: {
      _index: item.index ?? index ?? 'logsift',
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
});
