/**
 * The rules' decisions, pure: which rules a change matches, the alert ids
 * (deterministic, so a retried ingest or a second destination never makes a
 * second alert), and the surge threshold.
 */
import { createHash } from 'node:crypto';
import type { Report } from '#lib/model';
import type { AlertRule, SurgeRule } from './config.ts';

export function alertId(rule: string, reportKey: string, occasion: string): string {
  const digest = createHash('sha256').update(`${rule}\n${reportKey}\n${occasion}`).digest('hex');
  return `al_${digest.slice(0, 32)}`;
}

export function newReportRules(rules: AlertRule[], report: Pick<Report, 'type'>): AlertRule[] {
  return rules.filter((rule) => rule.on === 'new' && (!rule.types || rule.types.includes(report.type)));
}

export const rulesOn = <K extends AlertRule['on']>(rules: AlertRule[], on: K) =>
  rules.filter((rule): rule is Extract<AlertRule, { on: K }> => rule.on === on);

/** The last time the issue was closed (the regression is "back after this close"). */
export function lastClosedAt(report: Pick<Report, 'history'>): string | null {
  for (let i = report.history.length - 1; i >= 0; i--) {
    const entry = report.history[i]!;
    if (entry.event === 'closed') return entry.at;
  }
  return null;
}

/** The report shows it came back after `closedAt` (its regression took effect). */
export function regressedSince(report: Pick<Report, 'history'>, closedAt: string): boolean {
  return report.history.some((entry) => entry.event === 'regressed' && entry.at >= closedAt);
}

export function windowStart(at: Date, minutes: number): Date {
  const ms = minutes * 60_000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
}

const DAY_MS = 86_400_000;
/** How far back the trailing rate looks. */
export const TRAILING_DAYS = 7;

/**
 * The report's occurrences per window before the current one, from its
 * per-day counts over the trailing days (or its whole life, when younger):
 * what it counted there, less the current window's count, spread over the
 * windows that span holds (at least one).
 */
export function trailingPerWindow(
  report: Pick<Report, 'daily' | 'firstSeen'>,
  rule: Pick<SurgeRule, 'windowMinutes'>,
  now: Date,
  inWindow: number,
): number {
  const from = new Date(now.getTime() - TRAILING_DAYS * DAY_MS).toISOString().slice(0, 10);
  let total = 0;
  for (const [day, count] of Object.entries(report.daily)) if (day >= from) total += count;
  const before = Math.max(0, total - inWindow);
  const windowMs = rule.windowMinutes * 60_000;
  const start = windowStart(now, rule.windowMinutes).getTime();
  const span = Math.min(TRAILING_DAYS * DAY_MS, start - new Date(report.firstSeen).getTime());
  return before / Math.max(1, span / windowMs);
}

/** The count a window must reach: the floor, and the multiple of the trailing rate. */
export function surgeThreshold(rule: Pick<SurgeRule, 'floor' | 'multiple'>, trailing: number): number {
  return Math.max(rule.floor, Math.ceil(rule.multiple * trailing));
}

/** A count that took the window from below the threshold to it or above: the one that alerts. */
export function crossesSurge(before: number, after: number, threshold: number): boolean {
  return before < threshold && after >= threshold;
}
