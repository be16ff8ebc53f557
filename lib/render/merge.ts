/**
 * The grouping corrections on a report's and an issue's page: where a merged
 * report went (and the button to undo it), the reports merged into this one,
 * the form to merge it into another, and the fingerprint rule that grouped it.
 * Plain form posts (lib/service/merge.ts behind them), so no script is needed.
 */
import type { Report } from '#lib/model';
import { paths } from '#lib/routes';
import { formatCount, timeTag } from './format.ts';
import { type Html, html } from './html.ts';
import { reportHref } from './links.ts';

function unmergeButton(reportId: string, label: string): Html {
  return html`<form method="post" action="${paths.reportUnmerge(reportId)}" class="inline">
<button type="submit" class="secondary">${label}</button>
</form>`;
}

/** The notice that a report was merged away: first on its pages, so nobody misreads its frozen count. */
export function mergedNotice(report: Report): Html | '' {
  if (report.mergedIntoId === undefined) return '';
  return html`<div class="note" role="status" id="merged-notice"><p>Merged into report <a class="mono" href="${reportHref(
    report.mergedIntoId,
  )}">${report.mergedIntoId}</a>: failures of this signature count there from then on, and this report is in no list.</p>
${unmergeButton(report.reportId, 'Unmerge')}</div>`;
}

export function ruleNote(report: Report): Html | '' {
  if (!report.rule) return '';
  return html`<p class="note" id="fingerprint-rule">Grouped by the fingerprint rule <code>${report.rule}</code> (configuration): every failure it matches counts here, whatever else differs.</p>`;
}

/** The merge form and the reports merged into this one. */
export function mergeSection(report: Report, now: Date): Html | '' {
  if (report.mergedIntoId !== undefined) return '';
  const sources = (report.mergedFrom ?? []).map(
    (source) =>
      html`<li><a class="mono" href="${reportHref(source.reportId)}">${source.reportId}</a> <span class="muted small">${formatCount(source.occurrences)} ${
        source.occurrences === 1 ? 'occurrence' : 'occurrences'
      } when merged · ${timeTag(source.at, now)}</span> ${unmergeButton(
        source.reportId,
        `Unmerge ${source.reportId}`,
      )}</li>`,
  );
  const merged =
    sources.length > 0
      ? html`<h3>Merged into this report</h3><ul class="merged-sources">${sources}</ul>`
      : '';
  const form =
    report.status === 'Ghost' && sources.length === 0
      ? html`<form method="post" action="${paths.reportMerge(report.reportId)}" id="merge-form">
<div class="field"><label for="merge-into">Merge into report</label>
<input id="merge-into" type="text" name="into" required inputmode="numeric" pattern="[0-9]{9}" maxlength="9" autocomplete="off" class="mono" aria-describedby="merge-hint">
<p class="hint" id="merge-hint">9 digits. The same failure grouped apart: from now on this report's failures count on that one, which takes its occurrences too. Undo with Unmerge.</p></div>
<button type="submit" class="secondary">Merge</button>
</form>`
      : html`<p class="hint">${
          sources.length > 0
            ? 'Other reports are merged into this one, so it is the one to keep: merge others into it.'
            : 'This report has a filed issue, so it is the one to keep: merge other reports into it from their pages.'
        }</p>`;
  return html`<section aria-labelledby="merge-h"><h2 id="merge-h">Grouping</h2>${merged}${form}</section>`;
}
