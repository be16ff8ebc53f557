/**
 * What the ingest calls (lib/service/ingest.ts and events.ts): each matching
 * rule's deliveries are written as items of the alerts table, which the
 * notifier (lib/alerts/notifier.ts) delivers. Never slows an ingest by more
 * than these writes and never fails one: an error is logged (no URL, no
 * secret) and the ingest goes on.
 *
 * Durable with the report change without a transaction (dynalite has none):
 * a new report's and a regression's deliveries are written *before* the
 * report write that makes them true, under ids fixed by the report (and the
 * close it came back after), so a retry writes the same items. The notifier
 * sends one only once the report shows the change, and voids it if it never
 * does (the ingest died in between). So a committed change always has its
 * alert; a crash leaves at most a void item. A surge is counted after the
 * occurrences are (it needs them): a crash between the two undercounts the
 * window by that one request.
 */
import type { Report } from '#lib/model';
import type { AlertHooks, AlertKind, AlertStore, Delivery, SurgeWindow } from '#lib/store/alert-ports';
import type { AlertConfig, AlertRule } from './config.ts';
import {
  alertId,
  crossesSurge,
  lastClosedAt,
  newReportRules,
  rulesOn,
  surgeThreshold,
  trailingPerWindow,
  windowStart,
} from './evaluate.ts';

/** Window counters outlive their window by this much (the table's TTL deletes them). */
const WINDOW_KEEP_SECONDS = 2 * 86_400;

export class AlertTriggers implements AlertHooks {
  constructor(
    private readonly store: AlertStore,
    private readonly config: Pick<AlertConfig, 'rules'>,
  ) {}

  /** Before `reports.create(report)`: the new-report rules' deliveries. */
  creating(report: Report): Promise<void> {
    const rules = newReportRules(this.config.rules, report);
    // By report id too: requests racing to create the report each write their own
    // (a lost race's is voided), so the winner's is never one written for a loser's id.
    return this.guard('new', report, () =>
      this.write(rules, 'new', report, `created ${report.reportId}`, report.firstSeen),
    );
  }

  /** A creation race lost: the deliveries `creating` wrote for this report id are void at once. */
  lost(report: Report): Promise<void> {
    const rules = newReportRules(this.config.rules, report);
    return this.guard('new', report, async () => {
      for (const rule of rules) {
        const id = alertId(rule.name, report.reportKey, `created ${report.reportId}`);
        for (const destination of rule.to) {
          await this.store.settle(`${id}.${destination}`, 0, {
            state: 'void',
            at: report.firstSeen,
            lastError: 'another request created the report first',
          });
        }
      }
    });
  }

  /** Before `reports.markRegressed` on a report counted while Closed. */
  regressing(report: Report, at: string): Promise<void> {
    const rules = rulesOn(this.config.rules, 'regression');
    const closedAt = lastClosedAt(report) ?? report.firstSeen;
    return this.guard('regression', report, () =>
      this.write(rules, 'regression', report, `closed ${closedAt}`, at, { closedAt }),
    );
  }

  /** After `n` occurrences were counted on `report` (as the count write returned it). */
  counted(report: Report, n: number, at: Date): Promise<void> {
    const rules = rulesOn(this.config.rules, 'surge');
    if (rules.length === 0) return Promise.resolve();
    return this.guard('surge', report, async () => {
      for (const rule of rules) {
        const start = windowStart(at, rule.windowMinutes);
        const expiresAt = Math.floor(start.getTime() / 1000) + rule.windowMinutes * 60 + WINDOW_KEEP_SECONDS;
        const after = await this.store.addToWindow(
          `${rule.windowMinutes}#${report.reportKey}`,
          start.toISOString(),
          n,
          expiresAt,
        );
        const trailing = trailingPerWindow(report, rule, at, after);
        if (!crossesSurge(after - n, after, surgeThreshold(rule, trailing))) continue;
        const surge: SurgeWindow = {
          start: start.toISOString(),
          minutes: rule.windowMinutes,
          count: after,
          trailing: Math.round(trailing * 100) / 100,
        };
        await this.write([rule], 'surge', report, `window ${surge.start}`, at.toISOString(), { surge });
      }
    });
  }

  private async write(
    rules: AlertRule[],
    kind: AlertKind,
    report: Report,
    occasion: string,
    at: string,
    extra: Pick<Delivery, 'closedAt' | 'surge'> = {},
  ): Promise<void> {
    // Side by side: the ingest waits for one write's latency, however many destinations.
    const writes = rules.flatMap((rule) => {
      const id = alertId(rule.name, report.reportKey, occasion);
      return rule.to.map((destination) =>
        this.store.create({
          deliveryId: `${id}.${destination}`,
          alertId: id,
          rule: rule.name,
          kind,
          destination,
          reportKey: report.reportKey,
          reportId: report.reportId,
          issueId: report.issueId,
          type: report.type,
          createdAt: at,
          state: 'pending',
          attempts: 0,
          nextAttemptAt: at,
          ...extra,
        }),
      );
    });
    await Promise.all(writes);
  }

  private async guard(kind: AlertKind, report: Report, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      console.error(
        `alerts: the ${kind} trigger of report ${report.reportId} was not recorded: ${(error as Error).message}`,
      );
    }
  }
}
