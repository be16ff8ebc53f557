/** The alert routes' rules: listing deliveries and muting an issue. */
import type { ReportAlertsAnswer } from '#lib/contracts/alerts';
import { Conflict, Invalid } from '#lib/errors';
import type { Report } from '#lib/model';
import { paths } from '#lib/routes';
import { findIssue } from '#lib/service/issues';
import type { AlertStore, Delivery, Stores } from '#lib/store/ports';
import { type AlertDeliveryAnswer, deliveryView } from './views.ts';

/** Deliveries a list shows. */
export const ALERT_LIST_LIMIT = 100;

export interface IssueAlerts {
  deliveries: AlertDeliveryAnswer[];
  muted: boolean;
}

export async function recentAlerts(alerts: AlertStore | null): Promise<AlertDeliveryAnswer[]> {
  if (!alerts) return [];
  // A void delivery was for a change that never happened (a lost creation race): nothing to show.
  return (await alerts.recent(ALERT_LIST_LIMIT)).filter((d) => d.state !== 'void').map(deliveryView);
}

/** One issue's deliveries (of its current report: a deleted and re-created one starts afresh) and mute. */
export async function alertsOfIssue(
  stores: Stores,
  alerts: AlertStore | null,
  issueId: string,
): Promise<IssueAlerts> {
  const report = await findIssue(stores, issueId);
  return alertsOfReport(alerts, report.reportKey, report.reportId, report.issueId);
}

export async function alertsOfReport(
  alerts: AlertStore | null,
  reportKey: string,
  reportId: string,
  issueId: string,
): Promise<IssueAlerts> {
  if (!alerts) return { deliveries: [], muted: false };
  const [deliveries, mute] = await Promise.all([
    alerts.forReport(reportKey, ALERT_LIST_LIMIT),
    alerts.getMute(reportKey),
  ]);
  return {
    deliveries: deliveries.filter((d: Delivery) => d.reportId === reportId).map(deliveryView),
    muted: mute?.muted === true && mute.issueId === issueId,
  };
}

/** Deliveries a report's page and JSON show; the rest are a link away (/alerts?issueId=). */
export const REPORT_ALERTS_SHOWN = 10;

/** A report's recent alerts and its issue's mute, as its page and its JSON show them. */
export async function reportAlerts(
  alerts: AlertStore | null,
  report: Pick<Report, 'reportKey' | 'reportId' | 'issueId'>,
): Promise<ReportAlertsAnswer> {
  const found = await alertsOfReport(alerts, report.reportKey, report.reportId, report.issueId);
  // A void delivery was for a change that never happened (a lost creation race): nothing to show.
  const shown = found.deliveries.filter((d) => d.state !== 'void');
  return {
    muted: found.muted,
    recent: shown.slice(0, REPORT_ALERTS_SHOWN),
    more: shown.length > REPORT_ALERTS_SHOWN,
    links: {
      all: `${paths.alerts()}?issueId=${report.issueId}`,
      mute: paths.issueMute(report.issueId),
    },
  };
}

export function parseMuted(raw: string | undefined): boolean {
  const value = (raw ?? '').trim().toLowerCase();
  if (['true', '1', 'on', 'yes'].includes(value)) return true;
  if (['false', '0', 'off', 'no'].includes(value)) return false;
  throw new Invalid('invalid_muted', '"muted" must be "true" or "false"');
}

export async function setIssueMute(
  stores: Stores,
  alerts: AlertStore | null,
  issueId: string,
  muted: boolean,
  now: Date,
): Promise<{ issueId: string; muted: boolean; at: string; reportId: string }> {
  const report = await findIssue(stores, issueId);
  if (!alerts)
    throw new Conflict('alerts are not configured on this deployment (ALERTS_TABLE)', 'alerts_off');
  const at = now.toISOString();
  await alerts.setMute({ reportKey: report.reportKey, issueId, muted, at });
  return { issueId, muted, at, reportId: report.reportId };
}
