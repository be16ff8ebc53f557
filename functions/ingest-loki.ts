/**
 * POST /loki/api/v1/push — Grafana Loki's push API (JSON, or snappy-compressed
 * protobuf as Promtail, Alloy and pino-loki send it), 204 on success. The body
 * is archived as one log; each failure line counts on its own report.
 */
import { createHash } from 'node:crypto';
import { edge } from '#lib/edge';
import { readProtocolBody, undecodable } from '#lib/http/intake';
import type { Reply } from '#lib/http/respond';
import { count } from '#lib/observe';
import { decodeLokiPush } from '#lib/records/bodies/loki';
import { ingestRecords } from '#lib/service/events';

const TYPES = ['application/json', 'application/x-protobuf'] as const;

export const handler = edge('ingestLoki', async (req, { config, stores }): Promise<Reply> => {
  const body = await readProtocolBody(req, config.maxLogBytes, TYPES, 'the Loki push API');
  let decoded: ReturnType<typeof decodeLokiPush>;
  try {
    decoded = decodeLokiPush(body.bytes, body.contentType);
  } catch (error) {
    undecodable(error);
  }
  const sha256 = createHash('sha256').update(body.bytes).digest('hex');
  await ingestRecords(stores, { ...body, sha256 }, decoded.events, new Date());
  count('LogsIngested');
  return { statusCode: 204, headers: { 'Cache-Control': 'no-store' }, body: '' };
});
