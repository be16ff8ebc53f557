/**
 * The record layer: every request body and every log line decoded into LogEvents
 * (model.ts has the contract). Pure: no I/O, no AWS.
 *
 * - parseLine(line)                         one line of any format
 * - eventFromObject(obj, opts)              one structured-logger JSON object
 * - decodeContentEncoding(body, enc, max)   gzip / deflate / br, bounded
 * - decodeOtlpLogs(body, type)              POST /v1/logs
 * - decodeLokiPush(body, type)              POST /loki/api/v1/push
 * - decodeEsBulk(body, type, {index})       POST /_bulk, /{index}/_bulk (per-item results)
 * - decodePythonLoggingForm(body, type)     Python HTTPHandler; isPythonLoggingForm(formFields(body)) tells it from raw text
 * - decodeJsonRecords(body, type)           NDJSON, a JSON array, or one JSON object of records
 * - decodeSplunkHec(body, type)             Splunk HEC events (no route yet)
 */

export { BodyTooLargeError, decodeContentEncoding, UnsupportedEncodingError } from './bodies/encoding.ts';
export {
  type BulkAction,
  type BulkAnswerItem,
  type BulkItem,
  type BulkResult,
  bulkAnswer,
  decodeEsBulk,
} from './bodies/es-bulk.ts';
export {
  decodePythonLoggingForm,
  eventFromPythonForm,
  formFields,
  isPythonLoggingForm,
} from './bodies/form.ts';
export { decodeJsonRecords } from './bodies/json-records.ts';
export { decodeLokiPush, LOKI_MAX_UNCOMPRESSED } from './bodies/loki.ts';
export { decodeOtlpLogs, isProtobuf } from './bodies/otlp-protobuf.ts';
export { ExportLogsServiceResponse } from './bodies/proto.ts';
export { decodeSplunkHec } from './bodies/splunk-hec.ts';
export { eventFromObject } from './json.ts';
export { parseLine, severityFromText } from './line.ts';
export * from './model.ts';
