/**
 * Ids are zero-padded decimal: logs and reports 9 digits, issues 6. A malformed
 * id is refused here, before any storage call.
 */
import { badRequest } from './errors.ts';

const LOG_ID = /^\d{9}$/;
const ISSUE_ID = /^\d{6}$/;

export const LOG_ID_DIGITS = 9;
export const ISSUE_ID_DIGITS = 6;

export function formatId(n: number, digits: number): string {
  return String(n).padStart(digits, '0');
}

export function parseLogId(raw: string | undefined, what = 'log id'): string {
  if (raw === undefined || !LOG_ID.test(raw))
    throw badRequest(`${what} must be 9 digits, e.g. 000000042`, 'invalid_id');
  return raw;
}

export function parseIssueId(raw: string | undefined): string {
  if (raw === undefined || !ISSUE_ID.test(raw))
    throw badRequest('issue id must be 6 digits, e.g. 000007', 'invalid_id');
  return raw;
}
