/**
 * The alert pages: /alerts (recent deliveries) and the alerts sections of an
 * issue page and a report page, with the issue's mute control. Destinations
 * are shown by name only.
 */
import type { AlertDeliveryAnswer, ReportAlertsAnswer } from '#lib/contracts/alerts';
import { absoluteTime, timeTag } from './format.ts';
import { type Html, html, raw } from './html.ts';
import { page } from './layout.ts';
import { issueHref, reportHref } from './links.ts';
import { typeBadge } from './parts.ts';

const KINDS: Record<AlertDeliveryAnswer['kind'], string> = {
  new: 'new report',
  regression: 'regression',
  surge: 'surge',
};

function stateText(d: AlertDeliveryAnswer, now: Date): Html {
  if (d.state === 'delivered' && d.deliveredAt)
    return html`<strong>delivered</strong> ${timeTag(d.deliveredAt, now)}`;
  if (d.state === 'pending' && d.nextAttemptAt) {
    return html`pending · next try ${timeTag(d.nextAttemptAt, now)}${d.lastError ? html` · last: ${d.lastError}` : ''}`;
  }
  if (d.state === 'failing')
    return html`<strong>failing</strong>${d.lastError ? html` · ${d.lastError}` : ''}`;
  return html`${d.state}${d.lastError ? html` <span class="muted small">(${d.lastError})</span>` : ''}`;
}

function rows(deliveries: AlertDeliveryAnswer[], now: Date, withIssue: boolean): Html[] {
  return deliveries.map(
    (d) => html`<tr>
<td>${timeTag(d.createdAt, now)}<span class="vh"> (${absoluteTime(d.createdAt)})</span></td>
${withIssue ? html`<td>${typeBadge(d.type)} <a class="mono" href="${issueHref(d.issueId)}">${d.issueId}</a> · <a class="mono" href="${reportHref(d.reportId)}">${d.reportId}</a></td>` : ''}
<td>${d.rule} <span class="muted small">(${KINDS[d.kind]})</span></td>
<td>${d.destination}</td>
<td class="wrap">${stateText(d, now)}</td>
<td>${d.attempts}</td>
</tr>`,
  );
}

function table(deliveries: AlertDeliveryAnswer[], now: Date, withIssue: boolean, caption: string): Html {
  return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0"><table>
<caption class="vh">${caption}</caption>
<thead><tr><th scope="col">Raised</th>${withIssue ? html`<th scope="col">Issue · report</th>` : ''}<th scope="col">Rule</th><th scope="col">Destination</th><th scope="col">Status</th><th scope="col">Attempts</th></tr></thead>
<tbody>
${rows(deliveries, now, withIssue)}
</tbody></table></div>`;
}

export function renderAlertList(deliveries: AlertDeliveryAnswer[], now: Date): string {
  const body = html`<h1>Alerts</h1>
<p class="muted">The most recent alert deliveries, newest first: new reports, regressions and surges, as the configured rules raise them.</p>
${deliveries.length === 0 ? html`<p>No alerts yet.</p>` : table(deliveries, now, true, 'Recent alert deliveries')}`;
  return page('Alerts', null, body);
}

/** The mute control: a form post of the opposite state (an admin's); `back=report` returns to the report page. */
function muteForm(muted: boolean, action: string, back?: 'report'): Html {
  return html`<form method="post" action="${action}" id="mute-form">
<input type="hidden" name="muted" value="${muted ? 'false' : 'true'}">${
    back
      ? html`
<input type="hidden" name="back" value="${back}">`
      : ''
  }
<p>${muted ? html`<strong id="muted-state">Muted:</strong> no alerts are sent for this issue. ` : ''}<button type="submit"${muted ? '' : raw(' class="secondary"')}>${muted ? 'Unmute alerts' : 'Mute alerts'}</button></p>
</form>`;
}

/** The issue page's section: the alerts sent for it and the mute control (an admin's form post). */
export function alertsSection(
  deliveries: AlertDeliveryAnswer[],
  muted: boolean,
  now: Date,
  muteAction: string,
): Html {
  return html`<section aria-labelledby="alerts-h"><h2 id="alerts-h">Alerts</h2>
${muteForm(muted, muteAction)}
${deliveries.length === 0 ? html`<p class="muted">No alerts for this issue.</p>` : table(deliveries, now, false, 'Alerts for this issue')}
</section>`;
}

/** The report page's section: its most recent alerts, what became of each, and its issue's mute control. */
export function reportAlertsSection(alerts: ReportAlertsAnswer, now: Date): Html {
  return html`<section aria-labelledby="alerts-h" id="alerts"><h2 id="alerts-h">Alerts</h2>
<p class="hint">Alerts the configured rules raised for this report, newest first: when, by which rule, and whether each was delivered.</p>
${muteForm(alerts.muted, alerts.links.mute, 'report')}
${alerts.recent.length === 0 ? html`<p class="muted">No alerts for this report.</p>` : table(alerts.recent, now, false, 'Recent alerts for this report')}
${alerts.more ? html`<p><a href="${alerts.links.all}">All alerts for this issue</a></p>` : ''}
</section>`;
}
