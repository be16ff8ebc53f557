/**
 * OTLP/HTTP logs bodies as they arrive (`POST /v1/logs`): protobuf
 * (`application/x-protobuf`) or the JSON encoding, decoded to the
 * ExportLogsServiceRequest that otlp.ts reads. Apart from otlp.ts so that what
 * reads only the JSON encoding (the extractor, on a line of the Collector's
 * `file` exporter; the CLI) does not load protobufjs and build the schema.
 */
import { DecodeError, type DecodeResult } from '../model.ts';
import { otlpRequestEvents } from './otlp.ts';
import { ExportLogsServiceRequest, TO_OBJECT } from './proto.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isProtobuf(contentType: string): boolean {
  return /^application\/(?:x-)?protobuf\b/i.test(contentType.trim());
}

function decodeRequest(body: Buffer, contentType: string): { request: Obj; binary: boolean } {
  if (isProtobuf(contentType)) {
    try {
      const msg = ExportLogsServiceRequest.decode(body);
      return { request: ExportLogsServiceRequest.toObject(msg, TO_OBJECT) as Obj, binary: true };
    } catch (e) {
      // protobufjs recurses per nesting level: a hostile depth ends here as a RangeError.
      throw new DecodeError(`OTLP protobuf body could not be decoded: ${(e as Error).message}`, 'otlp');
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new DecodeError(`OTLP JSON body is not valid JSON: ${(e as Error).message}`, 'otlp');
  }
  if (!isObj(parsed))
    throw new DecodeError('OTLP JSON body must be an ExportLogsServiceRequest object', 'otlp');
  return { request: parsed, binary: false };
}

/** Decodes an ExportLogsServiceRequest body (already decompressed). Throws DecodeError when unreadable. */
export function decodeOtlpLogs(body: Buffer, contentType: string): DecodeResult {
  const { request, binary } = decodeRequest(body, contentType);
  return otlpRequestEvents(request, binary);
}
