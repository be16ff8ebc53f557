/** The Elasticsearch handshake answers under /es (lib/es-compat.ts builds them). */
import { z } from 'zod';

export const EsInfo = z
  .strictObject({
    name: z.string(),
    cluster_name: z.string(),
    cluster_uuid: z.string(),
    version: z.strictObject({
      number: z.string().regex(/^\d+\.\d+\.\d+$/),
      build_flavor: z.literal('default'),
      build_type: z.string(),
      build_hash: z.string(),
      build_date: z.string(),
      build_snapshot: z.boolean(),
      lucene_version: z.string(),
      minimum_wire_compatibility_version: z.string(),
      minimum_index_compatibility_version: z.string(),
    }),
    tagline: z.literal('You Know, for Search'),
  })
  .meta({
    id: 'EsInfo',
    description:
      "An Elasticsearch node's root answer: `version.number` is the bulk dialect logsift speaks; the `X-Elastic-Product: Elasticsearch` header comes with it.",
  });

export const EsLicense = z
  .strictObject({
    license: z.strictObject({
      status: z.literal('active'),
      uid: z.string(),
      type: z.string(),
      issue_date: z.string(),
      issue_date_in_millis: z.number().int(),
      max_nodes: z.number().int(),
      max_resource_units: z.null(),
      issued_to: z.string(),
      issuer: z.string(),
      start_date_in_millis: z.number().int(),
    }),
  })
  .meta({ id: 'EsLicense' });
