/**
 * GET /logs/{logId} for a browser: the log's facts, links to its report and
 * issue, and its text with secrets scrubbed (lib/extract/scrub.ts; the raw
 * link serves the archived bytes as they came, to whoever may read).
 */
import { scrubLines } from '#lib/extract/scrub';
import type { LogRecord, Report } from '#lib/model';
import { absoluteTime, formatCount, plural, timeTag } from './format.ts';
import { html } from './html.ts';
import { page } from './layout.ts';
import { issueHref, logHref, reportHref } from './links.ts';
import { regressedBadge, statusBadge, typeBadge, typeName } from './parts.ts';

/** Shown inline at most; the raw link always serves every byte. */
export const LOG_PREVIEW_BYTES = 256 * 1024;

export const rawLogHref = (logId: string): string => `${logHref(logId)}?format=text`;

/**
 * `bytes` null: the log is too big to show here (or its bytes are not at hand);
 * `report` null: the log had no failure lines, or its report was deleted.
 */
export function renderLog(log: LogRecord, report: Report | null, bytes: Buffer | null, now: Date): string {
  const shown = bytes ? bytes.subarray(0, LOG_PREVIEW_BYTES) : null;
  const cut = bytes !== null && bytes.length > LOG_PREVIEW_BYTES;
  const failure = report
    ? html`<dt>Report</dt><dd><a class="mono" href="${reportHref(report.reportId)}">${report.reportId}</a> ${typeBadge(
        report.type,
      )} ${plural(report.occurrences, 'occurrence', 'occurrences')}</dd>
<dt>Issue</dt><dd><a class="mono" href="${issueHref(report.issueId)}">${report.issueId}</a> ${statusBadge(
        report.status,
      )} ${regressedBadge(report)}</dd>`
    : log.reportId
      ? html`<dt>Report</dt><dd class="muted">report <span class="mono">${log.reportId}</span> was deleted</dd>`
      : html`<dt>Failure</dt><dd class="muted">none: no warning, error or call stack in this log</dd>`;
  const body = html`<h1><span>Log <span class="mono">${log.logId}</span></span>${
    log.type ? html` ${typeBadge(log.type)}` : ''
  }</h1>
<dl class="facts">
<dt>Received</dt><dd>${timeTag(log.receivedAt, now, true)}</dd>
<dt>Size</dt><dd>${plural(log.bytes, 'byte', 'bytes')}</dd>
${failure}
<dt>SHA-256</dt><dd><code>${log.sha256}</code></dd>
</dl>
<div class="actions"><a href="${rawLogHref(log.logId)}">Raw log (every byte, text/plain)</a>${
    report
      ? html` <a href="${reportHref(report.reportId)}">Failure lines of this ${typeName(report.type)}</a>`
      : ''
  }</div>
<section aria-labelledby="log-h"><h2 id="log-h">Log</h2>${
    shown
      ? html`<pre tabindex="0">${scrubLines(shown.toString('utf8'))}</pre>${
          cut
            ? html`<p class="note">Showing the first ${formatCount(LOG_PREVIEW_BYTES)} of ${formatCount(
                log.bytes,
              )} bytes. <a href="${rawLogHref(log.logId)}">Read the whole log</a>.</p>`
            : ''
        }`
      : html`<p class="note">This log is too large to show here. <a href="${rawLogHref(log.logId)}">Open the raw log</a>.</p>`
  }</section>
<p class="muted small">Received ${absoluteTime(log.receivedAt)}.</p>`;
  return page(`Log ${log.logId}`, 'reports', body);
}
