/** GET /issues/{issueId} and GET /logs/extracted/{reportId}: one failure, in full. */
import type { FirstLogStateAnswer } from '#lib/contracts/lifecycle';
import { firstLogOf, type HistoryEvent, type Report, TAG_KEYS, type TagKey, tagPanel } from '#lib/model';
import { absoluteTime, formatCount, timeTag } from './format.ts';
import { type Html, html, raw } from './html.ts';
import { page } from './layout.ts';
import {
  DEFAULTS,
  issueHref,
  issueStatusHref,
  listHref,
  logHref,
  newIssueHref,
  reportHref,
} from './links.ts';
import { mergedNotice, mergeSection, ruleNote } from './merge.ts';
import { headline, regressedBadge, statusBadge, summaryForm, typeBadge, typeName } from './parts.ts';
import { sparkline } from './sparkline.ts';

const EVENTS: Record<HistoryEvent, string> = {
  created: 'Report created',
  upgraded: 'Filed as a bug',
  closed: 'Closed',
  reopened: 'Reopened',
  regressed: 'Seen again after closing (regressed)',
  'summary-added': 'Summary added',
  merged: 'Report merged into this one',
  'merged-into': 'Merged into another report',
  unmerged: 'Unmerged',
};

/** A link to the first log, or, once it is gone, what happened to it (never a link that answers 404). */
function firstLogLink(report: Report, firstLog: FirstLogStateAnswer | undefined): Html {
  if (!firstLogGone(firstLog)) return html`<a href="${logHref(firstLogOf(report))}">First log</a>`;
  if (firstLog?.state === 'expired' && firstLog.expiredAt)
    return html`<span class="muted">The first log expired on ${absoluteTime(firstLog.expiredAt)} (past retention); the counts stay</span>`;
  return html`<span class="muted">The first log was deleted; the counts stay</span>`;
}

const firstLogGone = (firstLog: FirstLogStateAnswer | undefined): boolean =>
  firstLog !== undefined && firstLog.state !== 'kept';

function facts(report: Report, now: Date): Html {
  return html`<dl class="facts">
<dt>Type</dt><dd>${typeBadge(report.type)} ${typeName(report.type)}</dd>
<dt>Occurrences</dt><dd>${formatCount(report.occurrences)}</dd>
<dt>First seen</dt><dd>${timeTag(report.firstSeen, now, true)}</dd>
<dt>Last seen</dt><dd>${timeTag(report.lastSeen, now, true)}</dd>
</dl>`;
}

const TAG_NAMES: Record<TagKey, string> = {
  service: 'Service',
  environment: 'Environment',
  host: 'Host',
  logger: 'Logger',
};

/**
 * The tags panel: the top values of each context key seen with the
 * occurrences. A service or environment links to the list filtered by it
 * (`list`: the report list from a report, the issue list from an issue).
 */
function tagsSection(report: Report, list: '/' | '/issues'): Html {
  const panel = tagPanel(report);
  const keys = TAG_KEYS.filter((key) => panel.tags[key].length > 0 || panel.tagsOther[key] > 0);
  const body =
    keys.length === 0
      ? html`<p class="muted">No occurrence named a service, environment, host or logger.</p>`
      : html`<div class="tags">${keys.map((key) => {
          const rows = panel.tags[key].map(({ value, count }) => {
            const label =
              key === 'service' || key === 'environment'
                ? html`<a href="${listHref(list, { ...DEFAULTS }, { [key]: value })}">${value}</a>`
                : html`<span>${value}</span>`;
            return html`<li>${label} <span class="num">${formatCount(count)}</span></li>`;
          });
          const other = panel.tagsOther[key];
          return html`<section aria-label="${TAG_NAMES[key]}"><h3>${TAG_NAMES[key]}</h3><ol>${rows}${
            other > 0
              ? html`<li><span class="muted">other values</span> <span class="num">${formatCount(other)}</span></li>`
              : ''
          }</ol></section>`;
        })}</div>`;
  return html`<section aria-labelledby="tags-h" id="tags"><h2 id="tags-h">Tags</h2>
<p class="hint">The context of the occurrences, kept out of the signature: the most frequent values and their counts.</p>
${body}</section>`;
}

function activity(report: Report, now: Date): Html {
  return html`<section aria-labelledby="activity-h"><h2 id="activity-h">Last 30 days</h2>${raw(
    sparkline(report.daily ?? {}, 30, now),
  )}</section>`;
}

function statusControl(report: Report): Html | '' {
  if (report.status === 'Ghost') return '';
  const closing = report.status === 'Open';
  return html`<form method="post" action="${issueStatusHref(report.issueId)}">
<input type="hidden" name="new_status" value="${closing ? 'closed' : 'open'}">
<button type="submit"${closing ? '' : raw(' class="secondary"')}>${closing ? 'Close issue' : 'Reopen issue'}</button>
</form>`;
}

/** `alerts`: the alerts section (lib/render/alerts.ts), when alerts are configured; `firstLog`: what became of the first log. */
export function renderIssue(
  report: Report,
  now: Date,
  alerts: Html | '' = '',
  firstLog?: FirstLogStateAnswer,
): string {
  const ghost = report.status === 'Ghost';
  const summary = ghost
    ? html`<p class="muted">Nobody has filed this failure as a bug yet: this is the issue record kept for report <a class="mono" href="${reportHref(report.reportId)}">${report.reportId}</a>.</p>`
    : report.summary
      ? html`<p class="summary">${report.summary}</p>`
      : html`<p class="muted">(no summary)</p>`;
  const more = (report.summaries ?? []).map(
    (s) =>
      html`<li><p class="summary">${s.summary}</p><p class="muted small">${timeTag(s.at, now, true)}${
        s.logId ? html` · with log <a class="mono" href="${logHref(s.logId)}">${s.logId}</a>` : ''
      }</p></li>`,
  );
  const history = (report.history ?? []).map(
    (h) =>
      html`<li>${Object.hasOwn(EVENTS, h.event) ? EVENTS[h.event] : h.event}${
        h.reportId ? html` (report <a class="mono" href="${reportHref(h.reportId)}">${h.reportId}</a>)` : ''
      } <span class="muted small">${timeTag(h.at, now)} · ${absoluteTime(h.at)}</span></li>`,
  );
  const body = html`<h1><span>Issue <span class="mono">${report.issueId}</span></span> ${statusBadge(
    report.status,
  )} ${regressedBadge(report)}</h1>
<p class="headline">${headline(report)}</p>
${mergedNotice(report)}
${summary}
<div class="actions">
<a href="${reportHref(report.reportId)}">Report <span class="mono">${report.reportId}</span></a>
${firstLogLink(report, firstLog)}
${statusControl(report)}
</div>
${facts(report, now)}
${tagsSection(report, '/issues')}
${activity(report, now)}
${alerts}
${more.length > 0 ? html`<section aria-labelledby="more-h"><h2 id="more-h">Further summaries</h2><ol>${more}</ol></section>` : ''}
<section aria-labelledby="extract-h"><h2 id="extract-h">Failure lines</h2><pre tabindex="0">${report.extract}</pre>${
    report.extractTruncated
      ? html`<p class="note">The extract was cut short.${firstLogGone(firstLog) ? '' : html` <a href="${logHref(firstLogOf(report))}">Read the whole first log</a>.`}</p>`
      : ''
  }</section>
${mergeSection(report, now)}
${history.length > 0 ? html`<section aria-labelledby="history-h"><h2 id="history-h">History</h2><ol class="timeline">${history}</ol></section>` : ''}
${
  report.mergedIntoId !== undefined
    ? '' // a bug for a merged report is filed on the kept one (its notice links there)
    : ghost
      ? summaryForm(report.reportId, 'File a bug for this report', 'File bug', 'Describe what went wrong.')
      : summaryForm(
          report.reportId,
          'Add a summary',
          'Add summary',
          'Another description of this failure; it is kept with the issue.',
        )
}`;
  return page(`Issue ${report.issueId}`, 'issues', body);
}

/** `alerts`: the alerts section (lib/render/alerts.ts reportAlertsSection), when alerts are configured. */
export function renderReport(
  report: Report,
  now: Date,
  firstLog?: FirstLogStateAnswer,
  alerts: Html | '' = '',
): string {
  const body = html`<h1><span>Report <span class="mono">${report.reportId}</span></span> ${typeBadge(report.type)}</h1>
<p class="headline">${headline(report)}</p>
${mergedNotice(report)}
${ruleNote(report)}
<div class="actions">
<a href="${issueHref(report.issueId)}">Issue <span class="mono">${report.issueId}</span></a> ${statusBadge(
    report.status,
  )} ${regressedBadge(report)}
${firstLogLink(report, firstLog)}
${report.status === 'Ghost' && report.mergedIntoId === undefined ? html`<a href="${newIssueHref(report.reportId)}">File a bug for this report</a>` : ''}
</div>
${facts(report, now)}
${tagsSection(report, '/')}
<div class="columns">
<section aria-labelledby="extract-h"><h2 id="extract-h">Extract</h2>
<p class="hint">The failure lines of the first log, as received.</p>
<pre tabindex="0">${report.extract}</pre>${
    report.extractTruncated
      ? html`<p class="note">This extract was cut short.${firstLogGone(firstLog) ? '' : html` <a href="${logHref(firstLogOf(report))}">Read the whole first log</a>.`}</p>`
      : ''
  }</section>
<section aria-labelledby="signature-h"><h2 id="signature-h">Signature</h2>
<p class="hint">Why logs group together: their failure lines normalise to this same text — times, numbers, ids, addresses, paths and quoted values are masked, so only the shape of the failure counts.</p>
<pre tabindex="0">${report.signature}</pre>
<p class="small">Fingerprint (SHA-256 of the signature): <code>${report.reportKey}</code></p>
</section>
</div>
${activity(report, now)}
${alerts}
${mergeSection(report, now)}`;
  return page(`Report ${report.reportId}`, 'reports', body);
}
