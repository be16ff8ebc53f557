/**
 * Ids in a request path or field, checked before any storage call: a malformed
 * one is a 400 here (the formats themselves belong to lib/model).
 */
import { isIssueId, isLogId } from '#lib/model';
import { badRequest } from './errors.ts';

export function parseLogId(raw: string | undefined, what = 'log id'): string {
  if (raw === undefined || !isLogId(raw))
    throw badRequest(`${what} must be 9 digits, e.g. 000000042`, 'invalid_id');
  return raw;
}

export function parseIssueId(raw: string | undefined): string {
  if (raw === undefined || !isIssueId(raw))
    throw badRequest('issue id must be 6 digits, e.g. 000007', 'invalid_id');
  return raw;
}
