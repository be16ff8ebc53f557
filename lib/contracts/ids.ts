/**
 * The ids and enumerations every shape shares. Ids are zero-padded decimal:
 * logs and reports 9 digits (a report's id is its first log's), issues 6.
 */
import { z } from 'zod';
import { ISSUE_ID_DIGITS, LOG_ID_DIGITS } from '#lib/model';

/** The model's id formats (lib/model), as the patterns the document states. */
export const LOG_ID_PATTERN = new RegExp(`^[0-9]{${LOG_ID_DIGITS}}$`);
export const ISSUE_ID_PATTERN = new RegExp(`^[0-9]{${ISSUE_ID_DIGITS}}$`);

export const LogId = z
  .string()
  .regex(LOG_ID_PATTERN)
  .meta({ id: 'LogId', examples: ['000000042'] });
export const IssueId = z
  .string()
  .regex(ISSUE_ID_PATTERN)
  .meta({ id: 'IssueId', examples: ['000007'] });

export const ReportType = z.enum(['C', 'E', 'W']).meta({
  id: 'ReportType',
  description: 'C crash (has a call stack), E error, W warning; the most severe present wins.',
});

export const IssueStatus = z.enum(['Ghost', 'Open', 'Closed']).meta({
  id: 'IssueStatus',
  description: 'Ghost: a report nobody filed yet (not listed in /issues).',
});

/**
 * `schema` or null, written as a union: zod-to-openapi renders `.nullable()` of
 * a registered schema as `allOf` with the `$ref`, which no null can satisfy.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/** An ISO-8601 UTC time, as every answer carries them. */
export const isoTime = (description: string) => z.iso.datetime().meta({ description });

/** A link inside this service: a path, never a scheme. */
export const href = () => z.string().regex(/^\//).meta({ format: 'uri-reference' });

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
