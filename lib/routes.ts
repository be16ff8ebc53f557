/**
 * Every HTTP route, declared once. serverless.yml's `functions`
 * (test/unit/routes.test.ts checks them equal), the 405 `Allow` answers
 * (functions/not-found.ts), the OpenAPI paths (lib/openapi.ts), the links the
 * service renders and the tests' route lookup all come from this table.
 *
 * Pure data and small helpers: schemas are named here, not imported, so a
 * function bundle that only needs its route's access level loads no zod.
 */
import type { ZodType } from 'zod';
import type * as Contracts from './contracts/index.ts';

/** Who may call a route: `open` always; the others as lib/http/auth describes. */
export type Access = 'open' | 'read' | 'ingest' | 'admin';
export type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'DELETE';
/** `Idempotency-Key` answers are stored per scope (lib/service/idempotency). */
export type IdempotencyScope = 'logs' | 'issues';

/** The name of a schema exported by lib/contracts. */
export type SchemaName = {
  [K in keyof typeof Contracts]: (typeof Contracts)[K] extends ZodType ? K : never;
}[keyof typeof Contracts];

/** Shared error answers (lib/openapi.ts describes each with the error shape). */
export type ErrorAnswer =
  | 'BadRequest'
  | 'NotFound'
  | 'Conflict'
  | 'TooLarge'
  | 'UnsupportedMediaType'
  | 'Unprocessable'
  | 'IdempotencyConflict'
  | 'IdempotencyKeyReused'
  | 'Unavailable';

export type AnswerHeader = 'Location' | 'Link' | 'Idempotent-Replayed';

export interface Answer {
  description: string;
  /** The JSON body's schema. */
  json?: SchemaName;
  /** Also answers an HTML page (browsers) / plain text / protobuf (to a protobuf request). */
  html?: true;
  text?: true;
  protobuf?: true;
  headers?: readonly AnswerHeader[];
  example?: unknown;
}

export interface RouteSpec {
  /** The serverless function name. */
  name: string;
  method: Method;
  /** The API Gateway path template, `{name}` for a parameter. */
  path: string;
  /** serverless.yml's `handler`. */
  handler: string;
  access: Access;
  idempotency?: IdempotencyScope;
  /** OpenAPI operationId where it differs from `name`. */
  operationId?: string;
  tag: 'logs' | 'reports' | 'issues' | 'meta' | 'alerts';
  summary: string;
  description?: string;
  request?: {
    params?: SchemaName;
    query?: readonly SchemaName[];
    headers?: SchemaName;
    body?: { content: Record<string, { schema: SchemaName; example?: unknown }> };
  };
  answers: Partial<Record<number, Answer | ErrorAnswer>>;
}

/** A browser form's body, taken as urlencoded, multipart or JSON alike; the example sets one field. */
function formBody(schema: SchemaName, field: string, value: string) {
  return {
    content: {
      'application/x-www-form-urlencoded': { schema, example: `${field}=${value}` },
      'multipart/form-data': { schema },
      'application/json': { schema, example: { [field]: value } },
    },
  } satisfies NonNullable<RouteSpec['request']>['body'];
}

const STATUS_BODY = formBody('StatusForm', 'new_status', 'closed');

/** The Elasticsearch bulk routes (`/_bulk`, `/{index}/_bulk`) take and answer the same. */
const BULK_BODY = { content: { 'application/x-ndjson': { schema: 'NdjsonBody' } } } satisfies NonNullable<
  RouteSpec['request']
>['body'];
const BULK_ANSWERS = {
  200: { description: 'A status per item, as bulk clients read it.', json: 'BulkResponse' },
  400: 'BadRequest',
  413: 'TooLarge',
  415: 'UnsupportedMediaType',
  503: 'Unavailable',
} satisfies RouteSpec['answers'];

const browserPost = (description: string): Answer => ({
  description: `${description} (a browser's form post: \`Accept\` lists text/html before JSON).`,
  headers: ['Location'],
});

/** In serverless.yml's order; the catch-all is not a route of its own (see NOT_FOUND). */
export const ROUTES = [
  {
    name: 'listReports',
    method: 'GET',
    path: '/',
    handler: 'functions/list-reports.handler',
    access: 'read',
    tag: 'reports',
    summary: 'List reports',
    request: { query: ['ReportListQuery', 'FormatQuery'] },
    answers: {
      200: { description: 'One page of reports.', json: 'ReportPage', html: true, headers: ['Link'] },
      400: 'BadRequest',
      503: 'Unavailable',
    },
  },
  {
    name: 'ingestLog',
    method: 'POST',
    path: '/logs',
    handler: 'functions/ingest-log.handler',
    access: 'ingest',
    idempotency: 'logs',
    tag: 'logs',
    summary: 'Ingest one log',
    description:
      "Archives the body exactly as it arrived (inflated when gzip-encoded) and reads it in one of two units (DESIGN.md §2.1). A document — multipart `file`, a raw text/plain or octet-stream body, curl's default url-encoded type — counts one occurrence of the report of its failure scenario (201 when new, 200 when known). A stream — NDJSON or JSON records, a Python `logging.handlers.HTTPHandler` form, or any raw body with `?unit=event` — counts each failure event on its own report and always answers 200 with `StreamIngest`. `?unit=document` forces the first reading. A log matching a Closed issue reopens it as regressed. `Content-Encoding: gzip` is accepted on raw and record bodies; the inflated size is bounded like a plain body (413). A log file that is itself gzip-compressed (a rotated `app.log.1.gz`, as the `file` part, a raw body or `application/gzip`) is read and archived as the text it holds, within the same bound; one that does not inflate is a 400 `invalid_gzip`. A UTF-16 log with its byte-order mark (Windows PowerShell's `>`) is read and archived as its UTF-8 text.",
    request: {
      query: ['UnitQuery'],
      headers: 'IngestHeaders',
      body: {
        content: {
          'multipart/form-data': { schema: 'LogForm' },
          'text/plain': { schema: 'TextBody' },
          'application/octet-stream': { schema: 'BinaryBody' },
          'application/gzip': { schema: 'BinaryBody' },
          'application/x-ndjson': {
            schema: 'NdjsonBody',
            example: '{"message":"ERROR connection refused"}\n',
          },
          'application/json': { schema: 'RecordsBody' },
          'application/x-www-form-urlencoded': { schema: 'PythonLogForm' },
        },
      },
    },
    answers: {
      201: {
        description: 'Archived; its failure is a new report.',
        json: 'Ingest',
        headers: ['Location', 'Idempotent-Replayed'],
        example: {
          logId: '000000042',
          reportId: '000000042',
          issueId: '000007',
          type: 'E',
          new: true,
          occurrences: 1,
        },
      },
      200: {
        description:
          'A document: archived, a known report counted (or no failure: `reportId` null). A stream: archived, each failure event counted on its report.',
        json: 'IngestOrStream',
        headers: ['Location', 'Idempotent-Replayed'],
      },
      202: {
        description:
          'COUNT_MODE=async, a document: archived and its record written; its count reaches the report within seconds.',
        json: 'Accepted',
        headers: ['Location', 'Idempotent-Replayed'],
      },
      303: browserPost('To the report page (or the log, when it had no failure)'),
      400: 'BadRequest',
      409: 'IdempotencyConflict',
      413: 'TooLarge',
      415: 'UnsupportedMediaType',
      422: 'IdempotencyKeyReused',
      503: 'Unavailable',
    },
  },
  {
    name: 'listLogs',
    method: 'GET',
    path: '/logs',
    handler: 'functions/list-logs.handler',
    access: 'open',
    tag: 'logs',
    summary: 'Redirect to the report list',
    request: { query: ['FormatQuery'] },
    answers: {
      302: { description: 'To `/` (`/?format=json` when JSON was asked for).', headers: ['Location'] },
    },
  },
  {
    name: 'getLog',
    method: 'GET',
    path: '/logs/{logId}',
    handler: 'functions/get-log.handler',
    access: 'read',
    tag: 'logs',
    summary: 'One archived log',
    description:
      'The original bytes as `text/plain` (or with `?format=text`); its record as JSON on request; an HTML page with links to its report and issue for browsers.',
    request: { params: 'LogIdPath', query: ['FormatQuery'] },
    answers: {
      200: { description: 'The log.', text: true, json: 'Log', html: true },
      307: {
        description:
          'A log above the API answer limit (MAX_LOG_BYTES): a short-lived presigned URL serving the same bytes.',
        headers: ['Location'],
      },
      400: 'BadRequest',
      404: 'NotFound',
      503: 'Unavailable',
    },
  },
  {
    name: 'getLogDatetime',
    method: 'GET',
    path: '/logs/{logId}/datetime',
    handler: 'functions/get-log-datetime.handler',
    access: 'read',
    tag: 'logs',
    summary: "First occurrence of the log's report",
    request: { params: 'LogIdPath', query: ['FormatQuery'] },
    answers: {
      200: {
        description: 'ISO-8601 UTC date-time, as text (one line) or JSON.',
        text: true,
        json: 'LogDatetime',
      },
      400: 'BadRequest',
      404: 'NotFound',
      503: 'Unavailable',
    },
  },
  {
    name: 'getExtract',
    operationId: 'getReport',
    method: 'GET',
    path: '/logs/extracted/{reportId}',
    handler: 'functions/get-extract.handler',
    access: 'read',
    tag: 'reports',
    summary: 'One report: its extract, signature and counts',
    description: 'The extract as text by default; the report as JSON on request; a page for browsers.',
    request: { params: 'ReportIdPath', query: ['FormatQuery'] },
    answers: {
      200: { description: 'The report.', text: true, json: 'Report', html: true },
      400: 'BadRequest',
      404: 'NotFound',
      503: 'Unavailable',
    },
  },
  {
    name: 'listIssues',
    method: 'GET',
    path: '/issues',
    handler: 'functions/list-issues.handler',
    access: 'read',
    tag: 'issues',
    summary: 'List issues (ghosts excluded)',
    request: { query: ['IssueListQuery', 'FormatQuery'] },
    answers: {
      200: {
        description: 'One page of issues, in filing order.',
        json: 'IssuePage',
        html: true,
        headers: ['Link'],
      },
      400: 'BadRequest',
      503: 'Unavailable',
    },
  },
  {
    name: 'createIssue',
    method: 'POST',
    path: '/issues',
    handler: 'functions/create-issue.handler',
    access: 'admin',
    idempotency: 'issues',
    tag: 'issues',
    summary: 'File a bug',
    description:
      "With a log: the log is ingested and its report's issue opened (a ghost is upgraded; a bug for an already open issue adds its summary beside the first). With `reportId`: the same, without sending the log again.",
    request: {
      headers: 'IdempotencyHeaders',
      body: {
        content: {
          'multipart/form-data': { schema: 'IssueForm' },
          'application/x-www-form-urlencoded': { schema: 'IssueForm' },
          'application/json': {
            schema: 'IssueForm',
            example: { reportId: '000000042', summary: 'Crashes on save' },
          },
        },
      },
    },
    answers: {
      201: {
        description: 'The issue, opened or given the summary.',
        json: 'Issue',
        headers: ['Location', 'Idempotent-Replayed'],
      },
      303: browserPost('To the issue page'),
      400: 'BadRequest',
      404: 'NotFound',
      409: 'Conflict',
      413: 'TooLarge',
      415: 'UnsupportedMediaType',
      422: 'Unprocessable',
      503: 'Unavailable',
    },
  },
  {
    name: 'newIssueForm',
    method: 'GET',
    path: '/issues/new',
    handler: 'functions/new-issue-form.handler',
    access: 'open',
    tag: 'issues',
    summary: 'The form to file a bug (HTML)',
    request: { query: ['NewIssueQuery'] },
    answers: { 200: { description: 'The form.', html: true }, 400: 'BadRequest' },
  },
  {
    name: 'getIssue',
    method: 'GET',
    path: '/issues/{issueId}',
    handler: 'functions/get-issue.handler',
    access: 'read',
    tag: 'issues',
    summary: 'One issue (ghosts too), with its history',
    request: { params: 'IssueIdPath', query: ['FormatQuery'] },
    answers: {
      200: { description: 'The issue.', json: 'Issue', html: true },
      400: 'BadRequest',
      404: 'NotFound',
      503: 'Unavailable',
    },
  },
  {
    name: 'patchIssue',
    method: 'PATCH',
    path: '/issues/{issueId}',
    handler: 'functions/patch-issue.handler',
    access: 'admin',
    tag: 'issues',
    summary: 'Close or reopen an issue',
    request: { params: 'IssueIdPath', body: STATUS_BODY },
    answers: {
      200: { description: 'The issue after the change.', json: 'Issue' },
      400: 'BadRequest',
      404: 'NotFound',
      409: 'Conflict',
      413: 'TooLarge',
      415: 'UnsupportedMediaType',
      503: 'Unavailable',
    },
  },
  {
    name: 'postIssueStatus',
    method: 'POST',
    path: '/issues/{issueId}/status',
    handler: 'functions/patch-issue.handler',
    access: 'admin',
    tag: 'issues',
    summary: 'Close or reopen an issue from an HTML form',
    description:
      'PATCH for browsers without script: redirects back to the issue, or answers JSON on request.',
    request: { params: 'IssueIdPath', query: ['FormatQuery'], body: STATUS_BODY },
    answers: {
      200: { description: 'The issue after the change (JSON was asked for).', json: 'Issue' },
      303: browserPost('Back to the issue page'),
      400: 'BadRequest',
      404: 'NotFound',
      409: 'Conflict',
      413: 'TooLarge',
      415: 'UnsupportedMediaType',
      503: 'Unavailable',
    },
  },
  {
    name: 'deleteIssue',
    method: 'DELETE',
    path: '/issues/{issueId}',
    handler: 'functions/delete-issue.handler',
    access: 'admin',
    tag: 'issues',
    summary: 'Delete an issue and its report (the archived logs stay unless `?logs=delete`)',
    description:
      "With `?logs=delete`, the report's logs go first (a document's log, or a stream's log whose first report it is): each one's record, and its bytes where no other log shares them; `logs` in the answer says how many. A failure midway leaves the report in place, so the same request can be repeated.",
    request: { params: 'IssueIdPath', query: ['DeleteIssueQuery'] },
    answers: {
      200: { description: 'Deleted.', json: 'Deleted' },
      400: 'BadRequest',
      404: 'NotFound',
      503: 'Unavailable',
    },
  },
  {
    name: 'openApi',
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/openapi.json',
    handler: 'functions/openapi.handler',
    access: 'open',
    tag: 'meta',
    summary: 'This description',
    answers: { 200: { description: 'The OpenAPI 3.1 document.', json: 'OpenApiBody' } },
  },
  {
    name: 'createUpload',
    method: 'POST',
    path: '/logs/uploads',
    handler: 'functions/create-upload.handler',
    access: 'ingest',
    tag: 'logs',
    summary: 'Start a presigned upload (logs of any size)',
    description:
      'Reserves a log id and answers a presigned S3 PUT URL. PUT the log there, then POST `completeUrl` (or wait: on AWS the S3 event processes it) and read `statusUrl`.',
    answers: {
      201: { description: 'The upload slot.', json: 'Upload', headers: ['Location'] },
      503: 'Unavailable',
    },
  },
  {
    name: 'getUpload',
    method: 'GET',
    path: '/logs/uploads/{logId}',
    handler: 'functions/get-upload.handler',
    access: 'read',
    tag: 'logs',
    summary: 'The state of an upload',
    request: { params: 'LogIdPath' },
    answers: {
      200: { description: 'Processed: the POST /logs answer.', json: 'Ingest' },
      202: { description: 'Waiting for the bytes, or being processed.', json: 'UploadWaiting' },
      400: 'BadRequest',
      404: 'NotFound',
      413: 'TooLarge',
      503: 'Unavailable',
    },
  },
  {
    name: 'completeUpload',
    method: 'POST',
    path: '/logs/uploads/{logId}/complete',
    handler: 'functions/complete-upload.handler',
    access: 'ingest',
    tag: 'logs',
    summary: 'Process an uploaded log now',
    description: 'Answers as POST /logs would; called again, the same answer.',
    request: { params: 'LogIdPath' },
    answers: {
      200: { description: 'A known report was counted.', json: 'Ingest' },
      201: { description: 'A new report.', json: 'Ingest' },
      202: { description: 'Another processor is working on it.', json: 'UploadWaiting' },
      400: 'BadRequest',
      404: 'NotFound',
      409: 'Conflict',
      413: 'TooLarge',
      503: 'Unavailable',
    },
  },
  {
    name: 'ingestOtlp',
    method: 'POST',
    path: '/v1/logs',
    handler: 'functions/ingest-otlp.handler',
    access: 'ingest',
    tag: 'logs',
    operationId: 'otlpExportLogs',
    summary: 'OpenTelemetry OTLP/HTTP logs',
    description:
      "The OTel SDKs' and the Collector's `otlphttp` logs exporter: an ExportLogsServiceRequest, JSON or protobuf, optionally gzip. Archived as one log; each failure record (severity WARN or worse, or an `exception.stacktrace`) counts on its own report. Answers the spec's ExportLogsServiceResponse in the request's encoding; 503 + Retry-After is retryable.",
    request: {
      body: {
        content: {
          'application/json': { schema: 'OtlpJsonBody' },
          'application/x-protobuf': { schema: 'BinaryBody' },
        },
      },
    },
    answers: {
      200: {
        description: 'Accepted (records that could not be read are named in partialSuccess).',
        json: 'OtlpExportResponse',
        protobuf: true,
      },
      400: 'BadRequest',
      413: 'TooLarge',
      415: 'UnsupportedMediaType',
      503: 'Unavailable',
    },
  },
  {
    name: 'ingestBulk',
    method: 'POST',
    path: '/_bulk',
    handler: 'functions/ingest-bulk.handler',
    access: 'ingest',
    tag: 'logs',
    summary: 'Elasticsearch bulk API',
    description:
      'NDJSON action/document pairs as rsyslog omelasticsearch, Filebeat, Logstash, Fluent Bit `es` and Vector send them. Archived as one log; each failure document counts on its own report. `update` and `delete` items are refused per item (logs are append-only).',
    request: { body: BULK_BODY },
    answers: BULK_ANSWERS,
  },
  {
    name: 'ingestBulkIndex',
    method: 'POST',
    path: '/{index}/_bulk',
    handler: 'functions/ingest-bulk.handler',
    access: 'ingest',
    tag: 'logs',
    operationId: 'ingestBulkToIndex',
    summary: 'Elasticsearch bulk API, to one index',
    description: 'As POST /_bulk, the index named in the path being the default `_index` of its items.',
    request: { params: 'IndexPath', body: BULK_BODY },
    answers: BULK_ANSWERS,
  },
  {
    name: 'ingestLoki',
    method: 'POST',
    path: '/loki/api/v1/push',
    handler: 'functions/ingest-loki.handler',
    access: 'ingest',
    tag: 'logs',
    summary: 'Grafana Loki push API',
    description:
      'JSON, or snappy-compressed protobuf (`application/x-protobuf`) as Promtail, Alloy and pino-loki send it. Archived as one log; each failure line counts on its own report; labels are context, never part of the grouping.',
    request: {
      body: {
        content: {
          'application/json': { schema: 'LokiPushJson' },
          'application/x-protobuf': { schema: 'BinaryBody' },
        },
      },
    },
    answers: {
      204: { description: 'Accepted.' },
      400: 'BadRequest',
      413: 'TooLarge',
      415: 'UnsupportedMediaType',
      503: 'Unavailable',
    },
  },
  {
    name: 'deleteLog',
    method: 'DELETE',
    path: '/logs/{logId}',
    handler: 'functions/delete-log.handler',
    access: 'admin',
    tag: 'logs',
    summary: 'Delete one log (its record, and its bytes unless other logs share them)',
    description:
      'Deletion on request (README, Data). The report it counted on keeps its counts; the log reads as 404 from now on. The bytes are content-addressed: when other logs sent the same bytes, they stay for those (`blob: kept`).',
    request: { params: 'LogIdPath' },
    answers: {
      200: {
        description: 'Deleted; what was removed.',
        json: 'LogDeletion',
        example: { logId: '000000042', record: 'deleted', blob: 'kept', sharedWith: 2 },
      },
      400: 'BadRequest',
      404: 'NotFound',
      503: 'Unavailable',
    },
  },
  // The Elasticsearch-compatible root (lib/es-compat.ts): shippers are pointed at `/es`.
  {
    name: 'esInfo',
    method: 'GET',
    path: '/es',
    handler: 'functions/es-info.handler',
    access: 'open',
    tag: 'meta',
    summary: 'Elasticsearch cluster root (the handshake of Elasticsearch clients)',
    description:
      "What Filebeat, Logstash, Vector and Elastic's clients ask before their first bulk request: `version.number` and the `X-Elastic-Product: Elasticsearch` header. Point them at `/es`; logsift's own `GET /` stays the report list.",
    answers: { 200: { description: 'The cluster root.', json: 'EsInfo' } },
  },
  {
    name: 'esInfoHead',
    operationId: 'esInfoHead',
    method: 'HEAD',
    path: '/es',
    handler: 'functions/es-info.handler',
    access: 'open',
    tag: 'meta',
    summary: "Elasticsearch cluster root, headers only (Logstash's health check)",
    answers: { 200: { description: 'Up.' } },
  },
  {
    name: 'esLicense',
    method: 'GET',
    path: '/es/_license',
    handler: 'functions/es-license.handler',
    access: 'open',
    tag: 'meta',
    summary: 'Elasticsearch license (Logstash reads it before sending)',
    description: 'Active and unrestricted, issued by logsift: nothing here is licensed by Elastic.',
    answers: { 200: { description: 'The license.', json: 'EsLicense' } },
  },
  {
    name: 'esBulk',
    method: 'POST',
    path: '/es/_bulk',
    handler: 'functions/ingest-bulk.handler',
    access: 'ingest',
    tag: 'logs',
    summary: 'Elasticsearch bulk API under the Elasticsearch-compatible root',
    description: 'As POST /_bulk, for clients pointed at `/es`.',
    request: { body: BULK_BODY },
    answers: BULK_ANSWERS,
  },
  {
    name: 'esBulkIndex',
    method: 'POST',
    path: '/es/{index}/_bulk',
    handler: 'functions/ingest-bulk.handler',
    access: 'ingest',
    tag: 'logs',
    operationId: 'esBulkToIndex',
    summary: 'Elasticsearch bulk API to one index, under the Elasticsearch-compatible root',
    description: 'As POST /{index}/_bulk, for clients pointed at `/es`.',
    request: { params: 'IndexPath', body: BULK_BODY },
    answers: BULK_ANSWERS,
  },
  {
    name: 'mergeReport',
    method: 'POST',
    path: '/logs/extracted/{reportId}/merge',
    handler: 'functions/merge-report.handler',
    access: 'admin',
    tag: 'reports',
    summary: 'Merge a report into another',
    description:
      "From now on the report's failures count on `into`, which takes its occurrences too; the merged report leaves the lists and its page points to the kept one. Only a report whose issue is a ghost can be merged (409 otherwise: merge the other way round). Repeating it answers the same. A browser's form post is redirected to the kept report.",
    request: {
      params: 'ReportIdPath',
      query: ['FormatQuery'],
      body: formBody('MergeForm', 'into', '000000042'),
    },
    answers: {
      200: { description: 'Merged: both reports.', json: 'Merge' },
      303: browserPost('To the kept report'),
      400: 'BadRequest',
      404: 'NotFound',
      409: 'Conflict',
      413: 'TooLarge',
      415: 'UnsupportedMediaType',
      503: 'Unavailable',
    },
  },
  {
    name: 'unmergeReport',
    method: 'POST',
    path: '/logs/extracted/{reportId}/unmerge',
    handler: 'functions/unmerge-report.handler',
    access: 'admin',
    tag: 'reports',
    summary: 'Undo a merge',
    description:
      'The merged report counts its own failures again, from the count it had when merged; the kept report gives those back (what it counted of them while merged stays on it). A report merged nowhere is answered as it is.',
    request: { params: 'ReportIdPath', query: ['FormatQuery'] },
    answers: {
      200: { description: 'Unmerged: the report, and the one it was merged into.', json: 'Merge' },
      303: browserPost('To the report'),
      400: 'BadRequest',
      404: 'NotFound',
      409: 'Conflict',
      503: 'Unavailable',
    },
  },
  // Alerts (lib/alerts; README, Alerts): the deliveries, and a mute per issue.
  {
    name: 'listAlerts',
    method: 'GET',
    path: '/alerts',
    handler: 'functions/list-alerts.handler',
    access: 'read',
    tag: 'alerts',
    summary: 'Recent alert deliveries and their status',
    description:
      "The latest 100 deliveries, newest first (with `issueId`, that issue's, and whether it is muted). Destinations are named, never shown as URLs.",
    request: { query: ['AlertListQuery', 'FormatQuery'] },
    answers: {
      200: { description: 'The deliveries.', json: 'AlertList', html: true },
      400: 'BadRequest',
      404: 'NotFound',
      503: 'Unavailable',
    },
  },
  {
    name: 'muteIssue',
    method: 'POST',
    path: '/issues/{issueId}/mute',
    handler: 'functions/mute-issue.handler',
    access: 'admin',
    tag: 'alerts',
    summary: "Mute or unmute an issue's alerts",
    description:
      'While muted, alerts raised for the issue are recorded as `muted` and not sent. A browser form post is answered with a redirect to the issue.',
    request: {
      params: 'IssueIdPath',
      body: formBody('MuteForm', 'muted', 'true'),
    },
    answers: {
      200: { description: 'The mute as it now stands.', json: 'MuteAnswer' },
      303: browserPost('Back to the issue'),
      400: 'BadRequest',
      404: 'NotFound',
      413: 'TooLarge',
      415: 'UnsupportedMediaType',
      503: 'Unavailable',
    },
  },
] as const satisfies readonly RouteSpec[];

export type RouteName = (typeof ROUTES)[number]['name'];

/**
 * serverless.yml's catch-all: every other method and path, answered 404 or
 * 405 — `/` too, which `{proxy+}` (one segment at least) does not match.
 */
export const NOT_FOUND = [
  { name: 'notFound', method: '*', path: '/{proxy+}', handler: 'functions/not-found.handler' },
  { name: 'notFound', method: '*', path: '/', handler: 'functions/not-found.handler' },
  // Elasticsearch APIs logsift does not serve: 404 naming the client setting that stops the call.
  { name: 'esNotSupported', method: '*', path: '/es/{proxy+}', handler: 'functions/es-unsupported.handler' },
] as const;

const BY_NAME = new Map<string, RouteSpec>(ROUTES.map((r) => [r.name, r]));

/** The spec of a route by its function name (the edge factory reads access and idempotency here). */
export function route(name: RouteName): RouteSpec {
  const spec = BY_NAME.get(name);
  if (!spec) throw new Error(`no route named ${name}`);
  return spec;
}

const METHOD_ORDER: readonly Method[] = ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'];

const segments = (path: string): string[] => path.split('/').slice(1);
const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

/** The path parameters of `path` under `template`, or null when it does not match. */
export function matchPath(template: string, path: string): Record<string, string> | null {
  const want = segments(template);
  // A trailing slash names the same resource ('/issues/' is '/issues').
  const bare = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const got = segments(bare);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (isParam(w)) {
      if (g === '') return null;
      params[w.slice(1, -1)] = g;
    } else if (w !== g) return null;
  }
  return params;
}

/**
 * The path template serving `path`, as API Gateway picks it: of the templates
 * that match, the one with a literal segment where the others have a parameter,
 * compared from the left (`/issues/new` before `/issues/{issueId}`).
 */
export function templateFor(path: string): string | null {
  const matching = [...new Set(ROUTES.map((r) => r.path as string))].filter((t) => matchPath(t, path));
  matching.sort((a, b) => {
    const sa = segments(a);
    const sb = segments(b);
    for (let i = 0; i < sa.length; i++) {
      const diff = Number(isParam(sa[i]!)) - Number(isParam(sb[i]!));
      if (diff !== 0) return diff;
    }
    return 0;
  });
  return matching[0] ?? null;
}

/** The methods the path answers, in a stable order (an `Allow` header's); [] for an unknown path. */
export function allowedMethods(path: string): Method[] {
  const template = templateFor(path);
  if (template === null) return [];
  const methods = new Set<Method>(ROUTES.filter((r) => r.path === template).map((r) => r.method));
  return METHOD_ORDER.filter((m) => methods.has(m));
}

/** The route serving `method path`, with its path parameters; null when none does. */
export function matchRoute(
  method: string,
  path: string,
): { route: RouteSpec; params: Record<string, string> } | null {
  const template = templateFor(path);
  const spec = ROUTES.find((r) => r.path === template && r.method === method.toUpperCase());
  if (!spec || template === null) return null;
  return { route: spec, params: matchPath(template, path) ?? {} };
}

/** `template` with each `{name}` replaced by its URL-encoded value. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${template} needs ${name}`);
    return encodeURIComponent(value);
  });
}

const pathOf = (name: RouteName): string => route(name).path;

/** Links to logsift's own resources, built from the table's templates. */
export const paths = {
  reports: () => pathOf('listReports'),
  issues: () => pathOf('listIssues'),
  log: (logId: string) => fillPath(pathOf('getLog'), { logId }),
  logDatetime: (logId: string) => fillPath(pathOf('getLogDatetime'), { logId }),
  report: (reportId: string) => fillPath(pathOf('getExtract'), { reportId }),
  issue: (issueId: string) => fillPath(pathOf('getIssue'), { issueId }),
  issueStatus: (issueId: string) => fillPath(pathOf('postIssueStatus'), { issueId }),
  reportMerge: (reportId: string) => fillPath(pathOf('mergeReport'), { reportId }),
  reportUnmerge: (reportId: string) => fillPath(pathOf('unmergeReport'), { reportId }),
  newIssue: (reportId?: string) =>
    reportId === undefined
      ? pathOf('newIssueForm')
      : `${pathOf('newIssueForm')}?reportId=${encodeURIComponent(reportId)}`,
  upload: (logId: string) => fillPath(pathOf('getUpload'), { logId }),
  uploadComplete: (logId: string) => fillPath(pathOf('completeUpload'), { logId }),
  alerts: () => pathOf('listAlerts'),
  issueMute: (issueId: string) => fillPath(pathOf('muteIssue'), { issueId }),
} as const;
