/**
 * Server-side HTML for the browser face of logsift: pure functions from
 * records to strings, no I/O. Every value is escaped; the pages run under
 * `CONTENT_SECURITY_POLICY` with no script.
 */

export { alertsSection, renderAlertList, reportAlertsSection } from './alerts.ts';
export { renderIssue, renderReport } from './detail.ts';
export { relativeTime } from './format.ts';
export { renderError, renderNewIssueForm } from './forms.ts';
export { escapeHtml } from './html.ts';
export { CONTENT_SECURITY_POLICY } from './layout.ts';
export { listHref } from './links.ts';
export { renderIssueList, renderReportList } from './lists.ts';
export { renderLog } from './log.ts';
export { sparkline } from './sparkline.ts';
export type { ListState, PageOf, ReportSort } from './types.ts';
