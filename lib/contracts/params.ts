/** Path, query and header parameters, as zod objects the OpenAPI generator and the parsers share. */
import { z } from 'zod';
import { ISSUE_ID_PATTERN, LOG_ID_PATTERN } from './ids.ts';
import { ListParams } from './list-query.ts';
import { IdempotencyKey } from './requests.ts';

const param = (pattern: RegExp, description: string) =>
  z.string().regex(pattern).meta({ description, param: { description } });

export const LogIdPath = z.object({ logId: param(LOG_ID_PATTERN, '9 digits.') });
export const ReportIdPath = z.object({
  reportId: param(LOG_ID_PATTERN, '9 digits (the id of the log that first showed the failure).'),
});
export const IssueIdPath = z.object({ issueId: param(ISSUE_ID_PATTERN, '6 digits.') });
export const IndexPath = z.object({
  index: z
    .string()
    .meta({ param: { description: "The index a bulk client writes to (kept as the items' `_index`)." } }),
});

const formatDescription =
  'Force the answer format: `json` or `html`; on /logs/{logId}, `text` gives a browser the raw bytes.';
export const FormatQuery = z.object({
  format: z
    .enum(['json', 'html', 'text'])
    .optional()
    .meta({ description: formatDescription, param: { description: formatDescription } }),
});

const unitDescription =
  "How the body is read: `document` (one report for the log's failure scenario) or `event` (each failure event on its own report). Default: by content type (DESIGN.md §2.1).";
export const UnitQuery = z.object({
  unit: z
    .enum(['document', 'event'])
    .optional()
    .meta({ description: unitDescription, param: { description: unitDescription } }),
});

export const ReportListQuery = ListParams.omit({ status: true });
export const IssueListQuery = ListParams.omit({ sort: true });

export const NewIssueQuery = z.object({
  reportId: z
    .string()
    .regex(LOG_ID_PATTERN)
    .optional()
    .meta({ param: { description: 'Prefill the form for this report.' } }),
});

export const IdempotencyHeaders = z.object({ 'Idempotency-Key': IdempotencyKey.optional() });

export const IngestHeaders = IdempotencyHeaders.extend({
  'Content-Encoding': z
    .enum(['gzip', 'x-gzip', 'identity'])
    .optional()
    .meta({ param: { description: 'gzip (or x-gzip) for a compressed raw or record body.' } }),
});
