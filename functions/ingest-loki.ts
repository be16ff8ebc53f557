/**
 * POST /loki/api/v1/push — Grafana Loki's push API (JSON, or snappy-compressed
 * protobuf as Promtail, Alloy and pino-loki send it), 204 on success. The body
 * is archived as one log; each failure line counts on its own report.
 */
import { edge } from '#lib/edge';
import type { Reply } from '#lib/http/respond';
import { ingestProtocol } from '#lib/protocol';
import { decodeLokiPush } from '#lib/records/bodies/loki';

const LOKI = {
  name: 'the Loki push API',
  types: ['application/json', 'application/x-protobuf'],
  decode: (body: { bytes: Buffer; contentType: string }) => decodeLokiPush(body.bytes, body.contentType),
};

export const handler = edge('ingestLoki', async (req, app): Promise<Reply> => {
  await ingestProtocol(req, app, LOKI);
  return { statusCode: 204, headers: { 'Cache-Control': 'no-store' }, body: '' };
});
