/** Small pieces shared by the pages. */

import { MAX_SUMMARY_CHARS } from '#lib/contracts/limits';
import { headlineOfReport } from '#lib/extract/title';
import type { IssueStatus, Report, ReportType } from '#lib/model';
import { type Html, html } from './html.ts';
import { issueHref } from './links.ts';

const SUMMARY_LIMIT = MAX_SUMMARY_CHARS.toLocaleString('en');

const TYPE_NAMES: Record<ReportType, string> = { C: 'crash', E: 'error', W: 'warning' };
const STATUSES: readonly IssueStatus[] = ['Ghost', 'Open', 'Closed'];

export function typeName(type: string): string {
  return Object.hasOwn(TYPE_NAMES, type) ? TYPE_NAMES[type as ReportType] : 'unknown';
}

export function typeBadge(type: string): Html {
  const known = Object.hasOwn(TYPE_NAMES, type);
  return html`<span class="type${known ? ` type-${type}` : ''}" title="${typeName(type)}">${type}<span class="vh"> (${typeName(type)})</span></span>`;
}

export function statusBadge(status: string): Html {
  const cls = STATUSES.includes(status as IssueStatus) ? ` s-${status}` : '';
  return html`<span class="badge${cls}">${status}</span>`;
}

export function regressedBadge(report: Pick<Report, 'regressed'>): Html | '' {
  return report.regressed
    ? html`<span class="badge regressed" title="Seen again after it was closed">regressed</span>`
    : '';
}

export function issueLink(report: Pick<Report, 'issueId'>): Html {
  return html`<a class="mono" href="${issueHref(report.issueId)}">${report.issueId}</a>`;
}

/** The bug form, bound to one report: used to file a ghost and to add a summary to an issue. */
export function summaryForm(reportId: string, heading: string, button: string, intro: string): Html {
  const id = `summary-${reportId}`;
  return html`<section aria-labelledby="${id}-h">
<h2 id="${id}-h">${heading}</h2>
<form method="post" action="/issues" enctype="multipart/form-data">
<input type="hidden" name="reportId" value="${reportId}">
<div class="field"><label for="${id}">Summary</label>
<textarea id="${id}" name="summary" required maxlength="${MAX_SUMMARY_CHARS}" aria-describedby="${id}-hint"></textarea>
<p class="hint" id="${id}-hint">${intro} Up to ${SUMMARY_LIMIT} characters.</p></div>
<button type="submit">${button}</button>
</form>
</section>`;
}

/** A report's title, and its culprit beneath it when known (lib/extract/title.ts). */
export function headline(report: Report): Html {
  const { title, culprit } = headlineOfReport(report);
  return html`<span class="title">${title}</span>${culprit ? html`<br><span class="culprit mono small muted">${culprit}</span>` : ''}`;
}
