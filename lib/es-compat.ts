/**
 * What an Elasticsearch client needs to hear before it sends a bulk request,
 * under the `/es` prefix (logsift's `GET /` is its report list, DESIGN.md §2):
 *
 *   GET/HEAD /es      the cluster root. Filebeat, Logstash and Vector read
 *                     `version.number` to pick their dialect; Logstash and the
 *                     Python 7.x client refuse a server of 7.14 or later whose
 *                     answer lacks `X-Elastic-Product: Elasticsearch`; the JS
 *                     and Python 8 clients check that header on every 2xx.
 *   GET /es/_license  Logstash's output marks a node dead unless its license
 *                     `status` is `active`. Nothing here is licensed or
 *                     restricted, so the answer says so and names logsift as
 *                     issuer rather than inventing an Elastic license.
 *
 * Everything else a client may call at start-up (index templates, ILM
 * policies, data streams, ingest pipelines, cluster health, node sniffing)
 * logsift does not keep: `unsupportedEsApi` says so, naming the setting that
 * stops the client asking, and never answers 2xx for something not stored.
 */

import { json, type Reply } from './http/respond.ts';

/** The bulk API dialect logsift speaks: 8.x (no `_type`; `create` for data streams). */
export const ES_COMPAT_VERSION = '8.17.0';

/** On every answer under /es and of the bulk routes. */
export const ES_PRODUCT_HEADERS: Readonly<Record<string, string>> = { 'X-Elastic-Product': 'Elasticsearch' };

/** `GET /` of an Elasticsearch node, as logsift can truthfully fill it. */
export function esRootInfo() {
  return {
    name: 'logsift',
    cluster_name: 'logsift',
    cluster_uuid: 'logsift',
    version: {
      number: ES_COMPAT_VERSION,
      // Logstash treats `serverless` differently and the Python 7.x client
      // wants `default` below 7.14; this is what a self-managed node reports.
      build_flavor: 'default',
      build_type: 'logsift',
      build_hash: 'none',
      build_date: '1970-01-01T00:00:00.000Z',
      build_snapshot: false,
      lucene_version: 'none',
      minimum_wire_compatibility_version: '7.17.0',
      minimum_index_compatibility_version: '7.0.0',
    },
    tagline: 'You Know, for Search',
  };
}

export function esLicense() {
  return {
    license: {
      status: 'active',
      uid: 'logsift',
      type: 'basic',
      issue_date: '1970-01-01T00:00:00.000Z',
      issue_date_in_millis: 0,
      max_nodes: 1,
      max_resource_units: null,
      issued_to: 'logsift',
      issuer: 'logsift',
      start_date_in_millis: -1,
    },
  };
}

/** The APIs a shipper may call at start-up that logsift does not serve, and how to stop it asking. */
const UNSUPPORTED: ReadonlyArray<{ prefix: string; what: string; settings: string }> = [
  {
    prefix: '_index_template',
    what: 'index templates',
    settings:
      'Filebeat `setup.template.enabled: false`; Logstash `manage_template => false`; Vector and Fluent Bit never ask',
  },
  {
    prefix: '_template',
    what: 'index templates',
    settings: 'Filebeat `setup.template.enabled: false`; Logstash `manage_template => false`',
  },
  {
    prefix: '_component_template',
    what: 'component templates',
    settings: 'Filebeat `setup.template.enabled: false`; Logstash `manage_template => false`',
  },
  {
    prefix: '_ilm',
    what: 'ILM policies',
    settings: 'Filebeat `setup.ilm.enabled: false`; Logstash `ilm_enabled => false`',
  },
  {
    prefix: '_data_stream',
    what: 'data streams (documents sent to any index or data stream name are taken as they are)',
    settings: 'Filebeat `setup.template.enabled: false`; Logstash `data_stream => "false"`',
  },
  {
    prefix: '_xpack',
    what: 'X-Pack features',
    settings: 'Filebeat `setup.ilm.enabled: false`; Logstash `ilm_enabled => false`',
  },
  {
    prefix: '_ingest',
    what: 'ingest pipelines',
    settings: "leave the output's `pipeline` unset and Filebeat modules' pipelines unloaded",
  },
  { prefix: '_cluster', what: 'cluster APIs', settings: 'Vector `healthcheck.enabled: false`' },
  { prefix: '_nodes', what: 'node sniffing', settings: 'Logstash `sniffing => false` (its default)' },
];

/** The error for an Elasticsearch API under /es that logsift does not serve (`path` without the prefix). */
export function unsupportedEsApi(method: string, path: string): { code: string; message: string } {
  const first = path.split('/').find((segment) => segment !== '') ?? '';
  const known = UNSUPPORTED.find((entry) => entry.prefix === first);
  const asked = `${method} /es${path.slice(0, 200)}`;
  if (known) {
    return {
      code: 'es_api_not_supported',
      message: `${asked}: logsift keeps no ${known.what}; it takes the bulk API only (POST /es/_bulk). Turn the call off: ${known.settings}.`,
    };
  }
  return {
    code: 'es_api_not_supported',
    message: `${asked}: logsift speaks only the Elasticsearch bulk API (POST /es/_bulk, /es/{index}/_bulk) and the handshake (GET /es, GET /es/_license)`,
  };
}

/**
 * The root's answer: JSON to GET, the same headers and no body to HEAD
 * (Logstash's health check).
 */
export function esRootReply(method: string): Reply {
  const reply = json(200, esRootInfo(), ES_PRODUCT_HEADERS);
  return method === 'HEAD' ? { ...reply, body: '' } : reply;
}

/** A Lambda handler whose every answer — errors and refusals included — carries the product header. */
export function withEsProduct<E, C, R extends { headers?: Record<string, string | number | boolean> }>(
  handler: (event: E, context?: C) => Promise<R>,
): (event: E, context?: C) => Promise<R> {
  return async (event, context) => {
    const reply = await handler(event, context);
    return { ...reply, headers: { ...reply.headers, ...ES_PRODUCT_HEADERS } };
  };
}
