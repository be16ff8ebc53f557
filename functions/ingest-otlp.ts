/**
 * POST /v1/logs — OpenTelemetry OTLP/HTTP logs (JSON or protobuf, optionally
 * gzip), the OTel SDKs' and the Collector's `otlphttp` exporter default. Each
 * failure record counts on its own report (a stream, DESIGN.md §2.1); the
 * answer is the spec's ExportLogsServiceResponse in the request's encoding,
 * with `partialSuccess` naming records that could not be read.
 */
import { createHash } from 'node:crypto';
import { edge } from '#lib/edge';
import { readProtocolBody, undecodable } from '#lib/http/intake';
import type { Reply } from '#lib/http/respond';
import { json } from '#lib/http/respond';
import { count } from '#lib/observe';
import { decodeOtlpLogs, isProtobuf } from '#lib/records/bodies/otlp';
import { ExportLogsServiceResponse } from '#lib/records/bodies/proto';
import { ingestRecords } from '#lib/service/events';

const TYPES = ['application/json', 'application/x-protobuf', 'application/protobuf'] as const;

export const handler = edge('ingestOtlp', async (req, { config, stores }): Promise<Reply> => {
  const body = await readProtocolBody(req, config.maxLogBytes, TYPES, 'OTLP/HTTP');
  let decoded: ReturnType<typeof decodeOtlpLogs>;
  try {
    decoded = decodeOtlpLogs(body.bytes, body.contentType);
  } catch (error) {
    undecodable(error);
  }
  const sha256 = createHash('sha256').update(body.bytes).digest('hex');
  const result = await ingestRecords(stores, { ...body, sha256 }, decoded.events, new Date());
  count('LogsIngested');
  const created = result.reports.filter((r) => r.isNew).length;
  if (created > 0) count('ReportsCreated', created);
  const partialSuccess =
    decoded.rejected > 0
      ? { rejectedLogRecords: decoded.rejected, errorMessage: decoded.errors.join('; ').slice(0, 1000) }
      : {};
  if (isProtobuf(body.contentType)) {
    const message = ExportLogsServiceResponse.fromObject(decoded.rejected > 0 ? { partialSuccess } : {});
    const bytes = Buffer.from(ExportLogsServiceResponse.encode(message).finish());
    return {
      statusCode: 200,
      headers: { 'Content-Type': 'application/x-protobuf', 'Cache-Control': 'no-store' },
      body: bytes.toString('base64'),
      isBase64Encoded: true,
    };
  }
  return json(200, { partialSuccess });
});
