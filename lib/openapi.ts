/**
 * The OpenAPI 3.1 description of logsift's HTTP interface, served at
 * GET /openapi.json. test/integration/openapi.test.ts keeps it true: every route
 * in serverless.yml must be described here, and real answers from the running
 * stack must match these schemas (status, media type and JSON shape).
 *
 * Response objects set `additionalProperties: false`, so a field added to an
 * answer without being described here fails that test.
 */

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** The JSON Schema subset this document uses (and the test's checker implements). */
export interface Schema {
  $ref?: string;
  type?: JsonType | JsonType[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: (string | number | boolean | null)[];
  const?: string | number | boolean;
  pattern?: string;
  format?: 'date-time' | 'date' | 'binary' | 'uri-reference';
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  oneOf?: Schema[];
  examples?: unknown[];
}

export interface MediaType {
  schema: Schema;
  example?: unknown;
}

export interface Header {
  description: string;
  schema: Schema;
}

export interface Response {
  description: string;
  headers?: Record<string, Header | { $ref: string }>;
  content?: Record<string, MediaType>;
}

export type ResponseOrRef = Response | { $ref: string };

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description: string;
  schema: Schema;
}

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, ResponseOrRef>;
  /** `[{}]` = open whatever the configuration (no token is ever checked). */
  security?: Record<string, string[]>[];
}

export type Method = 'get' | 'post' | 'patch' | 'delete';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers: { url: string; description: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, Response>;
    headers: Record<string, Header>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
  };
  /** The catch-all route (`ANY /{proxy+}`): no operation of its own, only these answers. */
  'x-fallback': { description: string; responses: Record<string, ResponseOrRef> };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const res = (name: string) => ({ $ref: `#/components/responses/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });

const LOG_ID = '^[0-9]{9}$';
const ISSUE_ID = '^[0-9]{6}$';
const isoTime = (description: string): Schema => ({ type: 'string', format: 'date-time', description });
const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] });

const json = (schema: Schema, example?: unknown): Record<string, MediaType> => ({
  'application/json': example === undefined ? { schema } : { schema, example },
});
const TEXT = { 'text/plain': { schema: { type: 'string' } as Schema } };
const HTML = { 'text/html': { schema: { type: 'string' } as Schema } };

/** JSON on request (`Accept: application/json` or `?format=json`), HTML for browsers. */
const negotiated = (description: string, schema: Schema): Response => ({
  description,
  content: { ...json(schema), ...HTML },
});

const seeOther = (description: string): Response => ({
  description: `${description} (a browser's form post: \`Accept\` lists text/html before JSON).`,
  headers: { Location: { $ref: '#/components/headers/Location' } },
});

const STATUS_BODY: Schema = {
  type: 'object',
  description:
    '`new_status` (or `status`): `open` or `closed`, case-insensitive. Ghosts cannot change status: file a bug first.',
  properties: {
    new_status: { type: 'string', enum: ['open', 'closed', 'Open', 'Closed'] },
    status: { type: 'string', enum: ['open', 'closed', 'Open', 'Closed'] },
  },
};

const STATUS_CONTENT: Record<string, MediaType> = {
  'application/x-www-form-urlencoded': { schema: STATUS_BODY, example: 'new_status=closed' },
  'multipart/form-data': { schema: STATUS_BODY },
  'application/json': { schema: STATUS_BODY, example: { new_status: 'closed' } },
};

const ISSUE_BODY: Schema = {
  type: 'object',
  description: 'Either `file` or `reportId` (not both), always with `summary`.',
  required: ['summary'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'The log that shows the failure.' },
    reportId: { type: 'string', pattern: LOG_ID, description: 'A known report (`report_id` also works).' },
    summary: { type: 'string', maxLength: 2000, description: 'What went wrong; kept with the issue.' },
  },
};

const LIST_PARAMS = ['limit', 'cursor', 'type', 'q', 'format'].map(param);

/** 401 without a token, 403 with one of the wrong role: only when tokens are configured. */
const AUTH = { '401': res('Unauthorized'), '403': res('Forbidden') };
const OPEN = [{}];
/** Present (`true`) when the answer is the stored one of an earlier request with the same Idempotency-Key. */
const REPLAYED = { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } };

export const OPENAPI: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'logsift',
    version: '0.1.0',
    description: [
      'Archives every log, extracts its failure lines, groups them into reports by normalised fingerprint, and tracks bugs (issues) against them.',
      '',
      'Every route answers JSON when asked (`Accept: application/json` or `?format=json`) and HTML to browsers. Times are ISO-8601 UTC, fields camelCase, ids zero-padded decimal (logs and reports 9 digits, issues 6).',
      '',
      'Lists are paged with an opaque cursor: the answer carries `nextCursor` and a `Link: <...>; rel="next"` header until the last page.',
      '',
      'Errors are `{"error":{"code","message"}}` with a 4xx status for bad input and 503 (with `Retry-After`) when storage is unavailable; never a stack trace.',
    ].join('\n'),
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/', description: 'this server' }],
  // Open, or a bearer token: which one depends on the deployment's configuration.
  security: [{}, { bearer: [] }],
  tags: [
    { name: 'logs', description: 'The archive of every log received, and ingestion.' },
    { name: 'reports', description: 'Unique failures extracted from logs.' },
    { name: 'issues', description: 'Bug tickets, one per report.' },
    { name: 'meta', description: 'This description.' },
  ],
  paths: {
    '/': {
      get: {
        operationId: 'listReports',
        summary: 'List reports',
        tags: ['reports'],
        parameters: [param('sort'), param('order'), ...LIST_PARAMS],
        responses: {
          ...AUTH,
          '200': {
            description: 'One page of reports.',
            headers: { Link: { $ref: '#/components/headers/Link' } },
            content: { ...json(ref('ReportPage')), ...HTML },
          },
          '400': res('BadRequest'),
          '503': res('Unavailable'),
        },
      },
    },
    '/logs': {
      get: {
        operationId: 'listLogs',
        security: OPEN,
        summary: 'Redirect to the report list',
        tags: ['logs'],
        parameters: [param('format')],
        responses: {
          '302': {
            description: 'To `/` (`/?format=json` when JSON was asked for).',
            headers: { Location: { $ref: '#/components/headers/Location' } },
          },
        },
      },
      post: {
        operationId: 'ingestLog',
        summary: 'Ingest one log',
        description:
          'Archives the log, extracts its failure lines and counts an occurrence of their report (created on first sight). A log matching a Closed issue reopens it as regressed. NDJSON and JSON records give one log line per record, from its `message`, `log` or `msg` field (a record with none is kept whole as JSON). `Content-Encoding: gzip` is accepted on raw and record bodies; the inflated size is bounded like a plain body (413). Through serverless-offline, send gzip bodies as `application/octet-stream`: it decodes every other non-multipart type as UTF-8.',
        tags: ['logs'],
        parameters: [
          param('idempotencyKey'),
          {
            name: 'Content-Encoding',
            in: 'header',
            description: 'gzip (or x-gzip) for a compressed raw or record body.',
            schema: { type: 'string', enum: ['gzip', 'x-gzip', 'identity'] },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: { file: { type: 'string', format: 'binary' } },
              },
            },
            'text/plain': { schema: { type: 'string' } },
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            'application/x-ndjson': {
              schema: { type: 'string', description: 'One JSON object per line.' },
              example: '{"message":"ERROR connection refused"}\n',
            },
            'application/json': {
              schema: { oneOf: [{ type: 'array', items: ref('LogRecordIn') }, ref('LogRecordIn')] },
            },
          },
        },
        responses: {
          ...AUTH,
          '201': {
            description: 'Archived; its failure is a new report.',
            headers: { Location: { $ref: '#/components/headers/Location' }, ...REPLAYED },
            content: json(ref('Ingest'), {
              logId: '000000042',
              reportId: '000000042',
              issueId: '000007',
              type: 'E',
              new: true,
              occurrences: 1,
            }),
          },
          '200': {
            description: 'Archived; a known report was counted (or the log had no failure: `reportId` null).',
            headers: { Location: { $ref: '#/components/headers/Location' }, ...REPLAYED },
            content: json(ref('Ingest')),
          },
          '303': seeOther('To the report page (or the log, when it had no failure)'),
          '400': res('BadRequest'),
          '409': res('IdempotencyConflict'),
          '413': res('TooLarge'),
          '415': res('UnsupportedMediaType'),
          '422': res('IdempotencyKeyReused'),
          '503': res('Unavailable'),
        },
      },
    },
    '/logs/{logId}': {
      get: {
        operationId: 'getLog',
        summary: 'One archived log',
        description:
          'The original bytes as `text/plain` (or with `?format=text`); its record as JSON on request; an HTML page with links to its report and issue for browsers.',
        tags: ['logs'],
        parameters: [param('logId'), param('format')],
        responses: {
          ...AUTH,
          '200': { description: 'The log.', content: { ...TEXT, ...json(ref('Log')), ...HTML } },
          '307': {
            description:
              'A log above the API answer limit (MAX_LOG_BYTES): a short-lived presigned URL serving the same bytes.',
            headers: { Location: { $ref: '#/components/headers/Location' } },
          },
          '400': res('BadRequest'),
          '404': res('NotFound'),
          '503': res('Unavailable'),
        },
      },
    },
    '/logs/{logId}/datetime': {
      get: {
        operationId: 'getLogDatetime',
        summary: "First occurrence of the log's report",
        tags: ['logs'],
        parameters: [param('logId'), param('format')],
        responses: {
          ...AUTH,
          '200': {
            description: 'ISO-8601 UTC date-time, as text (one line) or JSON.',
            content: { ...TEXT, ...json(ref('LogDatetime')) },
          },
          '400': res('BadRequest'),
          '404': res('NotFound'),
          '503': res('Unavailable'),
        },
      },
    },
    '/logs/extracted/{reportId}': {
      get: {
        operationId: 'getReport',
        summary: 'One report: its extract, signature and counts',
        description: 'The extract as text by default; the report as JSON on request; a page for browsers.',
        tags: ['reports'],
        parameters: [param('reportId'), param('format')],
        responses: {
          ...AUTH,
          '200': { description: 'The report.', content: { ...TEXT, ...json(ref('Report')), ...HTML } },
          '400': res('BadRequest'),
          '404': res('NotFound'),
          '503': res('Unavailable'),
        },
      },
    },
    '/logs/uploads': {
      post: {
        operationId: 'createUpload',
        summary: 'Start a presigned upload (logs of any size)',
        description:
          'Reserves a log id and answers a presigned S3 PUT URL. PUT the log there, then POST `completeUrl` (or wait: on AWS the S3 event processes it) and read `statusUrl`.',
        tags: ['logs'],
        responses: {
          '201': {
            description: 'The upload slot.',
            headers: { Location: { $ref: '#/components/headers/Location' } },
            content: json(ref('Upload')),
          },
          '503': res('Unavailable'),
        },
      },
    },
    '/logs/uploads/{logId}': {
      get: {
        operationId: 'getUpload',
        summary: 'The state of an upload',
        tags: ['logs'],
        parameters: [param('logId')],
        responses: {
          '200': { description: 'Processed: the POST /logs answer.', content: json(ref('Ingest')) },
          '202': {
            description: 'Waiting for the bytes, or being processed.',
            content: json(ref('UploadWaiting')),
          },
          '400': res('BadRequest'),
          '404': res('NotFound'),
          '413': res('TooLarge'),
          '503': res('Unavailable'),
        },
      },
    },
    '/logs/uploads/{logId}/complete': {
      post: {
        operationId: 'completeUpload',
        summary: 'Process an uploaded log now',
        description: 'Answers as POST /logs would; called again, the same answer.',
        tags: ['logs'],
        parameters: [param('logId')],
        responses: {
          '200': { description: 'A known report was counted.', content: json(ref('Ingest')) },
          '201': { description: 'A new report.', content: json(ref('Ingest')) },
          '202': { description: 'Another processor is working on it.', content: json(ref('UploadWaiting')) },
          '400': res('BadRequest'),
          '404': res('NotFound'),
          '409': res('Conflict'),
          '413': res('TooLarge'),
          '503': res('Unavailable'),
        },
      },
    },
    '/issues': {
      get: {
        operationId: 'listIssues',
        summary: 'List issues (ghosts excluded)',
        tags: ['issues'],
        parameters: [param('status'), param('order'), ...LIST_PARAMS],
        responses: {
          ...AUTH,
          '200': {
            description: 'One page of issues, in filing order.',
            headers: { Link: { $ref: '#/components/headers/Link' } },
            content: { ...json(ref('IssuePage')), ...HTML },
          },
          '400': res('BadRequest'),
          '503': res('Unavailable'),
        },
      },
      post: {
        operationId: 'createIssue',
        summary: 'File a bug',
        description:
          "With a log: the log is ingested and its report's issue opened (a ghost is upgraded; a bug for an already open issue adds its summary beside the first). With `reportId`: the same, without sending the log again.",
        tags: ['issues'],
        parameters: [param('idempotencyKey')],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': { schema: ISSUE_BODY },
            'application/x-www-form-urlencoded': { schema: ISSUE_BODY },
            'application/json': {
              schema: ISSUE_BODY,
              example: { reportId: '000000042', summary: 'Crashes on save' },
            },
          },
        },
        responses: {
          ...AUTH,
          '201': {
            description: 'The issue, opened or given the summary.',
            headers: { Location: { $ref: '#/components/headers/Location' }, ...REPLAYED },
            content: json(ref('Issue')),
          },
          '303': seeOther('To the issue page'),
          '400': res('BadRequest'),
          '404': res('NotFound'),
          '409': res('Conflict'),
          '413': res('TooLarge'),
          '415': res('UnsupportedMediaType'),
          '422': res('Unprocessable'),
          '503': res('Unavailable'),
        },
      },
    },
    '/issues/new': {
      get: {
        operationId: 'newIssueForm',
        security: OPEN,
        summary: 'The form to file a bug (HTML)',
        tags: ['issues'],
        parameters: [
          {
            name: 'reportId',
            in: 'query',
            description: 'Prefill the form for this report.',
            schema: { type: 'string', pattern: LOG_ID },
          },
        ],
        responses: {
          '200': { description: 'The form.', content: HTML },
          '400': res('BadRequest'),
        },
      },
    },
    '/issues/{issueId}': {
      get: {
        operationId: 'getIssue',
        summary: 'One issue (ghosts too), with its history',
        tags: ['issues'],
        parameters: [param('issueId'), param('format')],
        responses: {
          ...AUTH,
          '200': negotiated('The issue.', ref('Issue')),
          '400': res('BadRequest'),
          '404': res('NotFound'),
          '503': res('Unavailable'),
        },
      },
      patch: {
        operationId: 'patchIssue',
        summary: 'Close or reopen an issue',
        tags: ['issues'],
        parameters: [param('issueId')],
        requestBody: { required: true, content: STATUS_CONTENT },
        responses: {
          ...AUTH,
          '200': { description: 'The issue after the change.', content: json(ref('Issue')) },
          '400': res('BadRequest'),
          '404': res('NotFound'),
          '409': res('Conflict'),
          '413': res('TooLarge'),
          '415': res('UnsupportedMediaType'),
          '503': res('Unavailable'),
        },
      },
      delete: {
        operationId: 'deleteIssue',
        summary: 'Delete an issue and its report (the archived logs stay)',
        tags: ['issues'],
        parameters: [param('issueId')],
        responses: {
          ...AUTH,
          '200': { description: 'Deleted.', content: json(ref('Deleted')) },
          '400': res('BadRequest'),
          '404': res('NotFound'),
          '503': res('Unavailable'),
        },
      },
    },
    '/issues/{issueId}/status': {
      post: {
        operationId: 'postIssueStatus',
        summary: 'Close or reopen an issue from an HTML form',
        description:
          'PATCH for browsers without script: redirects back to the issue, or answers JSON on request.',
        tags: ['issues'],
        parameters: [param('issueId'), param('format')],
        requestBody: { required: true, content: STATUS_CONTENT },
        responses: {
          ...AUTH,
          '200': {
            description: 'The issue after the change (JSON was asked for).',
            content: json(ref('Issue')),
          },
          '303': seeOther('Back to the issue page'),
          '400': res('BadRequest'),
          '404': res('NotFound'),
          '409': res('Conflict'),
          '413': res('TooLarge'),
          '415': res('UnsupportedMediaType'),
          '503': res('Unavailable'),
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        security: OPEN,
        summary: 'This description',
        tags: ['meta'],
        responses: {
          '200': {
            description: 'The OpenAPI 3.1 document.',
            content: { 'application/json': { schema: { type: 'object', required: ['openapi', 'paths'] } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      LogId: { type: 'string', pattern: LOG_ID, examples: ['000000042'] },
      IssueId: { type: 'string', pattern: ISSUE_ID, examples: ['000007'] },
      ReportType: {
        type: 'string',
        enum: ['C', 'E', 'W'],
        description: 'C crash (has a call stack), E error, W warning; the most severe present wins.',
      },
      IssueStatus: {
        type: 'string',
        enum: ['Ghost', 'Open', 'Closed'],
        description: 'Ghost: a report nobody filed yet (not listed in /issues).',
      },
      Error: {
        type: 'object',
        additionalProperties: false,
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            additionalProperties: false,
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', pattern: '^[a-z][a-z_]*$', description: 'Stable, machine-readable.' },
              message: { type: 'string', description: 'For people; never a stack trace.' },
            },
          },
        },
      },
      Ingest: {
        type: 'object',
        additionalProperties: false,
        required: ['logId', 'reportId', 'issueId', 'type', 'new', 'occurrences'],
        properties: {
          logId: ref('LogId'),
          reportId: nullable(ref('LogId')),
          issueId: nullable(ref('IssueId')),
          type: nullable(ref('ReportType')),
          new: { type: 'boolean', description: 'The failure was seen for the first time.' },
          occurrences: { type: ['integer', 'null'], minimum: 1 },
        },
      },
      Log: {
        type: 'object',
        additionalProperties: false,
        required: ['logId', 'sha256', 'bytes', 'receivedAt', 'reportId', 'type', 'links'],
        properties: {
          logId: ref('LogId'),
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          bytes: { type: 'integer', minimum: 0 },
          receivedAt: isoTime('When the log arrived.'),
          reportId: nullable(ref('LogId')),
          type: nullable(ref('ReportType')),
          links: {
            type: 'object',
            additionalProperties: false,
            required: ['raw', 'report'],
            properties: {
              raw: { type: 'string', format: 'uri-reference' },
              report: { type: ['string', 'null'], format: 'uri-reference' },
            },
          },
        },
      },
      LogDatetime: {
        type: 'object',
        additionalProperties: false,
        required: ['logId', 'reportId', 'firstSeen'],
        properties: {
          logId: ref('LogId'),
          reportId: ref('LogId'),
          firstSeen: isoTime("First occurrence of the log's report."),
        },
      },
      LogRecordIn: {
        type: 'object',
        description: 'A shipper record; `message`, `log` or `msg` is the log line.',
        properties: { message: { type: 'string' }, log: { type: 'string' }, msg: { type: 'string' } },
      },
      Report: {
        type: 'object',
        additionalProperties: false,
        required: [
          'reportId',
          'issueId',
          'status',
          'type',
          'occurrences',
          'firstSeen',
          'lastSeen',
          'fingerprint',
          'signature',
          'extract',
          'extractTruncated',
          'firstLogSha256',
          'daily',
          'links',
        ],
        properties: {
          reportId: ref('LogId'),
          issueId: ref('IssueId'),
          status: ref('IssueStatus'),
          type: ref('ReportType'),
          occurrences: { type: 'integer', minimum: 1 },
          firstSeen: isoTime('First occurrence.'),
          lastSeen: isoTime('Latest occurrence.'),
          fingerprint: {
            type: 'string',
            pattern: '^[0-9a-f]{64}$',
            description: 'SHA-256 of the signature.',
          },
          signature: { type: 'string', description: 'The normalised failure lines.' },
          extract: { type: 'string', description: 'The failure lines of the first log, as received.' },
          extractTruncated: { type: 'boolean' },
          firstLogSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          daily: {
            type: 'object',
            description: "Occurrences per UTC day ('YYYY-MM-DD' keys), for the sparkline.",
            additionalProperties: { type: 'integer', minimum: 1 },
          },
          links: {
            type: 'object',
            additionalProperties: false,
            required: ['self', 'issue', 'firstLog'],
            properties: {
              self: { type: 'string', format: 'uri-reference' },
              issue: { type: 'string', format: 'uri-reference' },
              firstLog: { type: 'string', format: 'uri-reference' },
            },
          },
        },
      },
      Issue: {
        type: 'object',
        additionalProperties: false,
        required: [
          'issueId',
          'status',
          'summary',
          'summaries',
          'reportId',
          'logId',
          'type',
          'occurrences',
          'firstSeen',
          'lastSeen',
          'regressed',
          'history',
          'links',
        ],
        properties: {
          issueId: ref('IssueId'),
          status: ref('IssueStatus'),
          summary: { type: 'string', description: "The summary it was opened with ('' while a ghost)." },
          summaries: {
            type: 'array',
            description: 'Further summaries sent for the same failure, oldest first.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['summary', 'at', 'logId'],
              properties: {
                summary: { type: 'string' },
                at: isoTime('When it was sent.'),
                logId: nullable(ref('LogId')),
              },
            },
          },
          reportId: ref('LogId'),
          logId: { ...ref('LogId'), description: 'The first log of the report (same as reportId).' },
          type: ref('ReportType'),
          occurrences: { type: 'integer', minimum: 1 },
          firstSeen: isoTime('First occurrence.'),
          lastSeen: isoTime('Latest occurrence.'),
          regressed: { type: 'boolean', description: 'Seen again after it was closed.' },
          history: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['event', 'at'],
              properties: {
                event: {
                  type: 'string',
                  enum: ['created', 'upgraded', 'closed', 'reopened', 'regressed', 'summary-added'],
                },
                at: isoTime('When it happened.'),
              },
            },
          },
          links: {
            type: 'object',
            additionalProperties: false,
            required: ['self', 'report', 'firstLog'],
            properties: {
              self: { type: 'string', format: 'uri-reference' },
              report: { type: 'string', format: 'uri-reference' },
              firstLog: { type: 'string', format: 'uri-reference' },
            },
          },
        },
      },
      ReportPage: {
        type: 'object',
        additionalProperties: false,
        required: ['reports', 'nextCursor', 'total'],
        properties: {
          reports: { type: 'array', items: ref('Report') },
          nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page.' },
          total: {
            type: ['integer', 'null'],
            description:
              'How many reports the whole list holds (all pages; by type with `type`), or null with `q`.',
          },
        },
      },
      IssuePage: {
        type: 'object',
        additionalProperties: false,
        required: ['issues', 'nextCursor', 'total'],
        properties: {
          issues: { type: 'array', items: ref('Issue') },
          nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page.' },
          total: {
            type: ['integer', 'null'],
            description:
              'How many issues the whole list holds (all pages; by status with `status`), or null with `q` or `type`.',
          },
        },
      },
      Upload: {
        type: 'object',
        additionalProperties: false,
        required: ['logId', 'uploadUrl', 'method', 'statusUrl', 'completeUrl', 'expiresAt', 'maxBytes'],
        properties: {
          logId: ref('LogId'),
          uploadUrl: {
            type: 'string',
            pattern: '^https?://',
            description: 'Presigned S3 URL: PUT the bytes here.',
          },
          method: { const: 'PUT' },
          statusUrl: { type: 'string', format: 'uri-reference' },
          completeUrl: { type: 'string', format: 'uri-reference' },
          expiresAt: isoTime('When uploadUrl stops working.'),
          maxBytes: { type: 'integer', minimum: 1 },
        },
      },
      UploadWaiting: {
        type: 'object',
        additionalProperties: false,
        required: ['logId', 'status', 'statusUrl', 'completeUrl'],
        properties: {
          logId: ref('LogId'),
          status: { type: 'string', enum: ['pending', 'processing'] },
          statusUrl: { type: 'string', format: 'uri-reference' },
          completeUrl: { type: 'string', format: 'uri-reference' },
        },
      },
      Deleted: {
        type: 'object',
        additionalProperties: false,
        required: ['deleted', 'issueId', 'reportId'],
        properties: { deleted: { const: true }, issueId: ref('IssueId'), reportId: ref('LogId') },
      },
    },
    parameters: {
      idempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        description:
          'Retry safely: the first answer for a key is stored 24 h and replayed for the same request (same method, path, type and body); a different request with the key is a 422.',
        schema: { type: 'string', pattern: '^[\\x20-\\x7e]{1,255}$' },
      },
      logId: { name: 'logId', in: 'path', required: true, description: '9 digits.', schema: ref('LogId') },
      reportId: {
        name: 'reportId',
        in: 'path',
        required: true,
        description: '9 digits (the id of the log that first showed the failure).',
        schema: ref('LogId'),
      },
      issueId: {
        name: 'issueId',
        in: 'path',
        required: true,
        description: '6 digits.',
        schema: ref('IssueId'),
      },
      format: {
        name: 'format',
        in: 'query',
        description:
          'Force the answer format: `json` or `html`; on /logs/{logId}, `text` gives a browser the raw bytes.',
        schema: { type: 'string', enum: ['json', 'html', 'text'] },
      },
      sort: {
        name: 'sort',
        in: 'query',
        description: 'Report list order key.',
        schema: { type: 'string', enum: ['lastSeen', 'firstSeen', 'occurrences'] },
      },
      order: {
        name: 'order',
        in: 'query',
        description: 'Default desc.',
        schema: { type: 'string', enum: ['asc', 'desc'] },
      },
      limit: {
        name: 'limit',
        in: 'query',
        description: 'Page size, default 50.',
        schema: { type: 'integer', minimum: 1, maximum: 200 },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        description: 'Opaque; from `nextCursor` or the `Link` header. A forged or stale one is a 400.',
        schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
      },
      type: {
        name: 'type',
        in: 'query',
        description: 'Only this report type.',
        schema: { type: 'string', enum: ['C', 'E', 'W', 'all'] },
      },
      status: {
        name: 'status',
        in: 'query',
        description: 'Only open or closed issues (default both).',
        schema: { type: 'string', enum: ['open', 'closed', 'all'] },
      },
      q: {
        name: 'q',
        in: 'query',
        description: 'Text in the summary, extract or signature (case-sensitive).',
        schema: { type: 'string', maxLength: 200 },
      },
    },
    headers: {
      Location: { description: 'Where the created or changed resource is.', schema: { type: 'string' } },
      Link: {
        description: 'RFC 8288 `<...>; rel="next"` to the next page; absent on the last page.',
        schema: { type: 'string', pattern: '^<[^>]+>; rel="next"$' },
      },
      RetryAfter: {
        description: 'Seconds to wait before retrying.',
        schema: { type: 'string', pattern: '^[0-9]+$' },
      },
      Allow: { description: 'The methods this path accepts.', schema: { type: 'string' } },
      IdempotentReplayed: {
        description: 'The stored answer of an earlier request with the same Idempotency-Key.',
        schema: { type: 'string', const: 'true' },
      },
      WwwAuthenticate: { description: 'The scheme to authenticate with.', schema: { type: 'string' } },
    },
    responses: {
      BadRequest: { description: 'Malformed input (id, query, body, cursor).', content: json(ref('Error')) },
      NotFound: { description: 'No such log, report, issue or route.', content: json(ref('Error')) },
      MethodNotAllowed: {
        description: 'The path exists but not with this method.',
        headers: { Allow: { $ref: '#/components/headers/Allow' } },
        content: json(ref('Error')),
      },
      Conflict: {
        description:
          'The change does not fit the current state (a ghost cannot be closed; too many summaries).',
        content: json(ref('Error')),
      },
      TooLarge: {
        description: 'The body (or its inflated size) is over the limit.',
        content: json(ref('Error')),
      },
      UnsupportedMediaType: {
        description: 'A Content-Type or Content-Encoding this route does not take.',
        content: json(ref('Error')),
      },
      Unprocessable: {
        description: 'Well-formed, but nothing to file: the log shows no failure.',
        content: json(ref('Error')),
      },
      Unauthorized: {
        description: 'Tokens are configured and none was sent (`Authorization: Bearer <token>`).',
        headers: { 'WWW-Authenticate': { $ref: '#/components/headers/WwwAuthenticate' } },
        content: json(ref('Error')),
      },
      Forbidden: { description: "The token does not grant this route's role.", content: json(ref('Error')) },
      IdempotencyConflict: {
        description:
          'A request with this Idempotency-Key is still being processed (`idempotency_in_progress`).',
        headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
        content: json(ref('Error')),
      },
      IdempotencyKeyReused: {
        description: 'The Idempotency-Key was used for a different request (`idempotency_key_reused`).',
        content: json(ref('Error')),
      },
      Unavailable: {
        description: 'Storage is unavailable; nothing was stored. Retry later.',
        headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
        content: json(ref('Error')),
      },
    },
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description:
          'Optional: with INGEST_TOKENS / ADMIN_TOKENS / READ_TOKENS unset the service is open. Reads take a read, ingest or admin token (only when READ_TOKENS is set); POST /logs an ingest or admin token; filing and changing bugs an admin token.',
      },
    },
  },
  'x-fallback': {
    description: 'Any other method or path (`ANY /{proxy+}` in serverless.yml).',
    responses: { '404': res('NotFound'), '405': res('MethodNotAllowed') },
  },
};
