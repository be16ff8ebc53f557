/**
 * The JSON shapes logsift answers with: stable camelCase fields, ISO-8601 UTC
 * times. DESIGN.md §2 fixes the ingest answer and the issue's core fields.
 * Objects are strict, so the OpenAPI document says `additionalProperties:
 * false` and a field added to an answer without being described here fails the
 * contract test.
 */
import { z } from 'zod';
import { ReportAlerts } from './alerts.ts';
import { href, IssueId, IssueStatus, isoTime, LogId, orNull, ReportType, Sha256 } from './ids.ts';
import { FirstLogState, LogsDeleted } from './lifecycle.ts';

export const Ingest = z
  .strictObject({
    logId: LogId,
    reportId: orNull(LogId),
    issueId: orNull(IssueId),
    type: orNull(ReportType),
    new: z.boolean().meta({ description: 'The failure was seen for the first time.' }),
    occurrences: z.number().int().min(1).nullable(),
  })
  .meta({ id: 'Ingest' });

export const StreamIngest = z
  .strictObject({
    logId: LogId,
    events: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Records (or failure entries of a text body) the request held.' }),
    reports: z.array(
      z.strictObject({
        reportId: LogId,
        issueId: IssueId,
        type: ReportType,
        new: z.boolean().meta({ description: 'This request created the report.' }),
        occurrences: z.number().int().min(1),
        counted: z
          .number()
          .int()
          .min(1)
          .meta({ description: 'Occurrences this request added to the report.' }),
      }),
    ),
  })
  .meta({
    id: 'StreamIngest',
    description: 'A stream batch (unit=event): each failure event counted on its own report.',
  });

/** COUNT_MODE=async: what a request can say before its counts are made (lib/service/async-count.ts). */
export const Accepted = z
  .strictObject({
    logId: LogId,
    counting: z.literal('pending').meta({
      description: 'The counts are on the count stream: the reports show them within seconds.',
    }),
    type: orNull(ReportType),
    events: z.number().int().min(0).optional().meta({ description: 'A stream: the records it held.' }),
    failures: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Distinct failures (reports to count on) the request held.' }),
  })
  .meta({
    id: 'Accepted',
    description:
      'COUNT_MODE=async: archived, the log record written (GET /logs/{logId} serves it now), the counts pending.',
  });

export const IngestOrStream = z.union([Ingest, StreamIngest, Accepted]).meta({
  id: 'IngestOrStream',
  description:
    "A document's answer (Ingest), or a stream batch's (StreamIngest); with COUNT_MODE=async a stream batch's is Accepted.",
});

export const Log = z
  .strictObject({
    logId: LogId,
    sha256: Sha256,
    bytes: z.number().int().min(0),
    receivedAt: isoTime('When the log arrived.'),
    reportId: orNull(LogId),
    type: orNull(ReportType),
    links: z.strictObject({ raw: href(), report: href().nullable() }),
  })
  .meta({ id: 'Log' });

export const LogDatetime = z
  .strictObject({
    logId: LogId,
    reportId: LogId,
    firstSeen: isoTime("First occurrence of the log's report."),
  })
  .meta({ id: 'LogDatetime' });

const Title = z.string().meta({
  description: 'What failed: the error type and message, or the failure message, parameters masked.',
});
const Culprit = orNull(z.string()).meta({
  description: 'Where: the top in-app stack frame, or the logger or component; null when neither is known.',
});

const TagValues = z
  .array(z.strictObject({ value: z.string(), count: z.number().int().min(1) }))
  .meta({ description: 'The most frequent values first (at most 10).' });

/** The tags panel (Sentry's): context kept out of the signature, summarised from the occurrences. */
export const Tags = z
  .strictObject({ service: TagValues, environment: TagValues, host: TagValues, logger: TagValues })
  .meta({
    id: 'Tags',
    description:
      'Top values of service, environment, host and logger seen with the occurrences, each with its count.',
  });

export const TagsOther = z
  .strictObject({
    service: z.number().int().min(0),
    environment: z.number().int().min(0),
    host: z.number().int().min(0),
    logger: z.number().int().min(0),
  })
  .meta({ id: 'TagsOther', description: 'Per key, occurrences of values beyond the top ones (other).' });

export const Report = z
  .strictObject({
    reportId: LogId,
    issueId: IssueId,
    title: Title,
    culprit: Culprit,
    status: IssueStatus,
    type: ReportType,
    occurrences: z.number().int().min(1),
    firstSeen: isoTime('First occurrence.'),
    lastSeen: isoTime('Latest occurrence.'),
    fingerprint: Sha256.meta({ description: 'SHA-256 of the signature.' }),
    signature: z.string().meta({ description: 'The normalised failure lines.' }),
    extract: z.string().meta({ description: 'The failure lines of the first log, as received.' }),
    extractTruncated: z.boolean(),
    firstLogSha256: Sha256,
    daily: z.record(z.string(), z.number().int().min(1)).meta({
      description: "Occurrences per UTC day ('YYYY-MM-DD' keys), for the sparkline.",
    }),
    tags: Tags,
    tagsOther: TagsOther,
    mergedInto: orNull(LogId).meta({
      description:
        'Merged by a user into this report: its failures count there and it is in no list, until unmerged.',
    }),
    mergedFrom: z
      .array(
        z.strictObject({
          reportId: LogId,
          occurrences: z.number().int().min(0).meta({ description: 'Its occurrences when it was merged.' }),
          at: isoTime('When it was merged.'),
        }),
      )
      .meta({ description: 'The reports merged into this one.' }),
    rule: orNull(z.string()).meta({
      description: 'The fingerprint rule (configuration) that grouped this report; null when none did.',
    }),
    /** Absent where the answer was built without looking (lib/service/lifecycle.ts firstLogState). */
    firstLog: FirstLogState.optional(),
    /** The report's own answer (GET /logs/extracted/{id}) where alert rules are configured; absent elsewhere. */
    alerts: ReportAlerts.optional(),
    links: z.strictObject({ self: href(), issue: href(), firstLog: orNull(href()) }),
  })
  .meta({ id: 'Report' });

export const Issue = z
  .strictObject({
    issueId: IssueId,
    title: Title,
    culprit: Culprit,
    status: IssueStatus,
    summary: z.string().meta({ description: "The summary it was opened with ('' while a ghost)." }),
    summaries: z
      .array(z.strictObject({ summary: z.string(), at: isoTime('When it was sent.'), logId: orNull(LogId) }))
      .meta({ description: 'Further summaries sent for the same failure, oldest first.' }),
    reportId: LogId,
    logId: LogId,
    type: ReportType,
    occurrences: z.number().int().min(1),
    firstSeen: isoTime('First occurrence.'),
    lastSeen: isoTime('Latest occurrence.'),
    regressed: z.boolean().meta({ description: 'Seen again after it was closed.' }),
    tags: Tags,
    tagsOther: TagsOther,
    history: z.array(
      z.strictObject({
        event: z.enum([
          'created',
          'upgraded',
          'closed',
          'reopened',
          'regressed',
          'summary-added',
          'merged',
          'merged-into',
          'unmerged',
        ]),
        at: isoTime('When it happened.'),
        reportId: LogId.optional().meta({ description: 'The other report of a merge or unmerge.' }),
      }),
    ),
    firstLog: FirstLogState.optional(),
    links: z.strictObject({ self: href(), report: href(), firstLog: orNull(href()) }),
  })
  .meta({ id: 'Issue' });

const nextCursor = z.string().nullable().meta({ description: 'Pass as `cursor` for the next page.' });

export const ReportPage = z
  .strictObject({
    reports: z.array(Report),
    nextCursor,
    total: z.number().int().nullable().meta({
      description:
        'How many reports the whole list holds (all pages; by type with `type`), or null with `q`.',
    }),
  })
  .meta({ id: 'ReportPage' });

export const IssuePage = z
  .strictObject({
    issues: z.array(Issue),
    nextCursor,
    total: z.number().int().nullable().meta({
      description:
        'How many issues the whole list holds (all pages; by status with `status`), or null with `q` or `type`.',
    }),
  })
  .meta({ id: 'IssuePage' });

export const Upload = z
  .strictObject({
    logId: LogId,
    uploadUrl: z
      .string()
      .regex(/^https?:\/\//)
      .meta({ description: 'Presigned S3 URL: PUT the bytes here.' }),
    method: z.literal('PUT'),
    statusUrl: href(),
    completeUrl: href(),
    expiresAt: isoTime('When uploadUrl stops working.'),
    maxBytes: z.number().int().min(1),
  })
  .meta({ id: 'Upload' });

export const UploadWaiting = z
  .strictObject({
    logId: LogId,
    status: z.enum(['pending', 'processing']),
    statusUrl: href(),
    completeUrl: href(),
  })
  .meta({ id: 'UploadWaiting' });

export const Merge = z
  .strictObject({
    report: Report,
    kept: Report.nullable(),
  })
  .meta({
    id: 'Merge',
    description:
      '`report` is the report merged (or unmerged); `kept` the one it is merged into (for an unmerge: the one it was merged into, null if it is gone).',
  });

export const Deleted = z
  .strictObject({
    deleted: z.literal(true),
    issueId: IssueId,
    reportId: LogId,
    /** With `?logs=delete` only (lib/contracts/lifecycle.ts). */
    logs: LogsDeleted.optional(),
  })
  .meta({ id: 'Deleted' });

export type IngestAnswer = z.infer<typeof Ingest>;
export type StreamIngestAnswer = z.infer<typeof StreamIngest>;
export type AcceptedAnswer = z.infer<typeof Accepted>;
export type IssueAnswer = z.infer<typeof Issue>;
export type ReportAnswer = z.infer<typeof Report>;
export type LogAnswer = z.infer<typeof Log>;
export type MergeAnswer = z.infer<typeof Merge>;

/** The answer of GET /openapi.json: checked in full against the OpenAPI 3.1 meta-schema by its own test. */
export const OpenApiBody = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });
export const HtmlPage = z.string();
export const PlainText = z.string();

/** OTLP/HTTP's ExportLogsServiceResponse, JSON encoding (protobuf requests get it protobuf-encoded). */
export const OtlpExportResponse = z
  .strictObject({
    partialSuccess: z.strictObject({
      rejectedLogRecords: z.number().int().min(1).optional(),
      errorMessage: z.string().optional(),
    }),
  })
  .meta({ id: 'OtlpExportResponse', description: 'Empty partialSuccess: every record was accepted.' });

const BulkItemResult = z.strictObject({
  _index: z.string(),
  _id: z.string(),
  status: z.number().int(),
  result: z.literal('created').optional(),
  _version: z.literal(1).optional(),
  error: z.strictObject({ type: z.string(), reason: z.string() }).optional(),
});

/** The Elasticsearch bulk API's answer, as bulk clients parse it. */
export const BulkResponse = z
  .strictObject({
    took: z.number().int().min(0),
    errors: z.boolean(),
    items: z.array(z.partialRecord(z.enum(['index', 'create', 'update', 'delete']), BulkItemResult)),
  })
  .meta({ id: 'BulkResponse' });
