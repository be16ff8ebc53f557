/**
 * POST /v1/logs — OpenTelemetry OTLP/HTTP logs (JSON or protobuf, optionally
 * gzip), the OTel SDKs' and the Collector's `otlphttp` exporter default. Each
 * failure record counts on its own report (a stream, DESIGN.md §2.1); the
 * answer is the spec's ExportLogsServiceResponse in the request's encoding,
 * with `partialSuccess` naming records that could not be read.
 */
import { edge } from '#lib/edge';
import { json, type Reply } from '#lib/http/respond';
import { ingestProtocol } from '#lib/protocol';
import { decodeOtlpLogs, isProtobuf } from '#lib/records/bodies/otlp-protobuf';
import { ExportLogsServiceResponse } from '#lib/records/bodies/proto';

const OTLP = {
  name: 'OTLP/HTTP',
  types: ['application/json', 'application/x-protobuf', 'application/protobuf'],
  decode: (body: { bytes: Buffer; contentType: string }) => decodeOtlpLogs(body.bytes, body.contentType),
};

export const handler = edge('ingestOtlp', async (req, app): Promise<Reply> => {
  const { body, decoded } = await ingestProtocol(req, app, OTLP);
  const partialSuccess =
    decoded.rejected > 0
      ? { rejectedLogRecords: decoded.rejected, errorMessage: decoded.errors.join('; ').slice(0, 1000) }
      : {};
  if (!isProtobuf(body.contentType)) return json(200, { partialSuccess });
  const message = ExportLogsServiceResponse.fromObject(decoded.rejected > 0 ? { partialSuccess } : {});
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/x-protobuf', 'Cache-Control': 'no-store' },
    body: Buffer.from(ExportLogsServiceResponse.encode(message).finish()).toString('base64'),
    isBase64Encoded: true,
  };
});
