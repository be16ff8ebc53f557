/**
 * The list query (`?sort=&order=&limit=&cursor=&type=&status=&q=&service=&environment=`) of GET /
 * and GET /issues: one schema parses it and documents it. Values are
 * case-insensitive where they are words; `all` (or nothing) means no filter.
 */
import { z } from 'zod';

export const SORTS = ['lastSeen', 'firstSeen', 'occurrences'] as const;
export type ReportSort = (typeof SORTS)[number];
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const MAX_QUERY_TEXT = 200;
export const MAX_TAG_TEXT = 100;

/** What a list asks storage for, once parsed. */
export interface ListQuery {
  sort: ReportSort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
  type?: 'C' | 'E' | 'W';
  /** Issues only: Open or Closed; absent = both (never ghosts). */
  status?: 'Open' | 'Closed';
  /** Case-sensitive substring of summary, extract or signature. */
  q?: string;
  /** Only reports seen with this service, or this environment (among their top tag values). */
  service?: string;
  environment?: string;
}

/** '' is no filter; `all` is a word (any case), a report type a letter (any case). */
const cased = (to: 'upper' | 'lower') => (value: unknown) => {
  if (typeof value !== 'string' || value === '') return value === '' ? undefined : value;
  if (value.toLowerCase() === 'all') return 'all';
  return to === 'upper' ? value.toUpperCase() : value.toLowerCase();
};
const described = (description: string) => ({ description, param: { description } });

/** A tag filter: the exact value, as the report's tags panel shows it. */
function tagParam(name: 'service' | 'environment') {
  return z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().max(MAX_TAG_TEXT, { error: `"${name}" is longer than ${MAX_TAG_TEXT} characters` }))
    .optional()
    .meta({
      ...described(`Only reports seen with this ${name} (exactly; among the top values of their tags).`),
      maxLength: MAX_TAG_TEXT,
    });
}

const limitMessage = `"limit" must be a whole number from 1 to ${MAX_LIMIT}`;

/** The parameters as sent; `parseListQuery` (lib/http/list-query) turns them into a ListQuery. */
export const ListParams = z.object({
  sort: z
    .enum(SORTS, { error: `"sort" must be one of ${SORTS.join(', ')}` })
    .optional()
    .meta(described('Report list order key (default lastSeen).')),
  order: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.toLowerCase() : v),
      z.enum(['asc', 'desc'], {
        error: '"order" must be asc or desc',
      }),
    )
    .optional()
    .meta(described('Default desc.')),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { error: limitMessage })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: limitMessage }).max(MAX_LIMIT, { error: limitMessage }))
    .optional()
    .meta({
      ...described(`Page size, default ${DEFAULT_LIMIT}.`),
      type: 'integer',
      minimum: 1,
      maximum: MAX_LIMIT,
    }),
  cursor: z
    .string()
    .optional()
    .meta({
      ...described('Opaque; from `nextCursor` or the `Link` header. A forged or stale one is a 400.'),
      pattern: '^[A-Za-z0-9_-]+$',
    }),
  type: z
    .preprocess(
      cased('upper'),
      z.enum(['C', 'E', 'W', 'all'], { error: '"type" must be C, E or W' }).optional(),
    )
    .meta(described('Only this report type (`all`: every type).')),
  status: z
    .preprocess(
      cased('lower'),
      z.enum(['open', 'closed', 'all'], { error: '"status" must be open, closed or all' }).optional(),
    )
    .meta(described('Issues only: open or closed (default both).')),
  q: z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().max(MAX_QUERY_TEXT, { error: `"q" is longer than ${MAX_QUERY_TEXT} characters` }))
    .optional()
    .meta({
      ...described('Text in the summary, extract or signature (case-sensitive).'),
      maxLength: MAX_QUERY_TEXT,
    }),
  service: tagParam('service'),
  environment: tagParam('environment'),
});

/** The query, or the message of the first parameter that is wrong. */
export function readListQuery(raw: Record<string, string>): { query: ListQuery } | { problem: string } {
  const parsed = ListParams.safeParse(raw);
  if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'invalid list query' };
  const { sort, order, limit, cursor, type, status, q, service, environment } = parsed.data;
  const query: ListQuery = {
    sort: sort ?? 'lastSeen',
    order: order ?? 'desc',
    limit: limit ?? DEFAULT_LIMIT,
  };
  if (cursor) query.cursor = cursor;
  if (type && type !== 'all') query.type = type;
  if (status && status !== 'all') query.status = status === 'open' ? 'Open' : 'Closed';
  if (q) query.q = q;
  if (service) query.service = service;
  if (environment) query.environment = environment;
  return { query };
}
