/**
 * The steps every log shipper's protocol route shares (OTLP, Elasticsearch
 * bulk, Loki push): read the body (one of the protocol's media types, gzip
 * inflated, within MAX_LOG_BYTES), decode it into records (an unreadable body
 * is a 400 and stores nothing), archive it as one log and count each failure
 * record on its report (lib/service/events.ts), then the metrics. Each route
 * then answers in its protocol's own shape.
 */
import { createHash } from 'node:crypto';
import type { App } from './app.ts';
import { type ProtocolBody, readProtocolBody, undecodable } from './http/intake.ts';
import type { Request } from './http/request.ts';
import { countIngested } from './observe.ts';
import type { DecodeResult } from './records/model.ts';
import { type EventsResult, ingestRecords } from './service/events.ts';

export interface Protocol<D extends DecodeResult> {
  /** For messages: "OTLP/HTTP", "the bulk API". */
  name: string;
  types: readonly string[];
  decode(body: ProtocolBody, req: Request): D;
}

export async function ingestProtocol<D extends DecodeResult>(
  req: Request,
  { config, stores }: App,
  protocol: Protocol<D>,
): Promise<{ body: ProtocolBody; decoded: D; result: EventsResult }> {
  const body = await readProtocolBody(req, config.maxLogBytes, protocol.types, protocol.name);
  let decoded: D;
  try {
    decoded = protocol.decode(body, req);
  } catch (error) {
    undecodable(error);
  }
  const sha256 = createHash('sha256').update(body.bytes).digest('hex');
  const result = await ingestRecords(stores, { ...body, sha256 }, decoded.events, new Date());
  countIngested(result.reports, req.route);
  return { body, decoded, result };
}
