/**
 * Every href logsift renders is built here, from our own ids and list state,
 * each value URL-encoded — user input never becomes a URL scheme or path.
 */
import { paths } from '#lib/routes';
import type { ListState } from './types.ts';

export const DEFAULTS = { sort: 'lastSeen', order: 'desc', limit: 50 } as const;

const enc = encodeURIComponent;

export const reportHref: (reportId: string) => string = paths.report;
export const logHref: (logId: string) => string = paths.log;
export const issueHref: (issueId: string) => string = paths.issue;
export const issueStatusHref: (issueId: string) => string = paths.issueStatus;
export const newIssueHref = (reportId: string): string => paths.newIssue(reportId);

export type ListOverrides = { [K in keyof ListState]?: ListState[K] | undefined };

/** `base` plus the query for `state` with `overrides` applied, defaults left out. */
export function listHref(base: '/' | '/issues', state: ListState, overrides: ListOverrides = {}): string {
  const s: ListOverrides = { ...state, ...overrides };
  const params: [string, string][] = [];
  if (s.sort && s.sort !== DEFAULTS.sort) params.push(['sort', s.sort]);
  if (s.order && s.order !== DEFAULTS.order) params.push(['order', s.order]);
  if (s.limit !== undefined && s.limit !== DEFAULTS.limit) params.push(['limit', String(s.limit)]);
  if (s.type) params.push(['type', s.type]);
  if (s.status) params.push(['status', s.status]);
  if (s.q) params.push(['q', s.q]);
  if (s.service) params.push(['service', s.service]);
  if (s.environment) params.push(['environment', s.environment]);
  if (s.cursor) params.push(['cursor', s.cursor]);
  return params.length === 0 ? base : `${base}?${params.map(([k, v]) => `${k}=${enc(v)}`).join('&')}`;
}
