/** What clients send: form fields, shipper records, headers. */
import { z } from 'zod';
import { LogId } from './ids.ts';
import { MAX_SUMMARY_CHARS } from './limits.ts';

/** The longest summary a bug is filed with, in characters (code points). */
export { MAX_SUMMARY_CHARS };
/** Idempotency-Key: printable ASCII, as Stripe and the IETF draft take it. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

const statusValue = z.enum(['open', 'closed', 'Open', 'Closed']);

export const StatusForm = z
  .object({ new_status: statusValue.optional(), status: statusValue.optional() })
  .meta({
    id: 'StatusForm',
    description:
      '`new_status` (or `status`): `open` or `closed`, case-insensitive. Ghosts cannot change status: file a bug first.',
  });

export const IssueForm = z
  .object({
    file: z.string().meta({ format: 'binary', description: 'The log that shows the failure.' }).optional(),
    reportId: LogId.optional().meta({ description: 'A known report (`report_id` also works).' }),
    summary: z.string().max(MAX_SUMMARY_CHARS).meta({ description: 'What went wrong; kept with the issue.' }),
  })
  .meta({ id: 'IssueForm', description: 'Either `file` or `reportId` (not both), always with `summary`.' });

export const MergeForm = z
  .object({ into: LogId.meta({ description: 'The report to keep: 9 digits.' }) })
  .meta({
    id: 'MergeForm',
    description: "The report whose failures this one's should count on from now on.",
  });

export const LogForm = z.object({ file: z.string().meta({ format: 'binary' }) });

export const LogRecordIn = z
  .looseObject({ message: z.string().optional(), log: z.string().optional(), msg: z.string().optional() })
  .meta({
    id: 'LogRecordIn',
    description:
      "A structured log record: the common loggers' fields are read (level/severity, message/msg/log, logger, error/err with type, message, stack); every other field is context, kept out of grouping.",
  });

export const IdempotencyKey = z
  .string()
  .regex(new RegExp(`^[\\x20-\\x7e]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`))
  .meta({
    description:
      'Retry safely: the first answer for a key is stored 24 h and replayed for the same request (same method, path, type and body); a different request with the key is a 422.',
  });

/** Bodies that are bytes or text rather than JSON. */
export const TextBody = z.string();
export const BinaryBody = z.string().meta({ format: 'binary' });
export const NdjsonBody = z.string().meta({ description: 'One JSON object per line.' });
export const RecordsBody = z.union([z.array(LogRecordIn), LogRecordIn]);
/** Python's logging.handlers.HTTPHandler: the LogRecord's attributes as form fields. */
export const PythonLogForm = z
  .looseObject({
    msg: z.string(),
    levelname: z.string(),
    name: z.string().optional(),
    exc_text: z.string().optional(),
  })
  .meta({
    id: 'PythonLogForm',
    description: 'One record, as logging.handlers.HTTPHandler sends it (method="POST").',
  });

/** OTLP/HTTP JSON: an ExportLogsServiceRequest (proto3 JSON mapping). */
export const OtlpJsonBody = z
  .looseObject({ resourceLogs: z.array(z.looseObject({})).optional() })
  .meta({ id: 'OtlpJsonBody' });
/** Loki push, JSON: streams of label sets and [nanoseconds, line] values. */
export const LokiPushJson = z
  .looseObject({ streams: z.array(z.looseObject({ stream: z.record(z.string(), z.string()).optional() })) })
  .meta({ id: 'LokiPushJson' });
