/**
 * The notifier: takes due deliveries (lib/store/alert-ports) and sends them,
 * each on its own with its own timeout, so a receiver that hangs or answers
 * 5xx holds up nothing but its own delivery. The same code runs on AWS (from
 * the alerts table's stream, and on a schedule for retries) and locally (the
 * local gateway runs the notifier's schedule; scripts/local-schedule.ts).
 *
 * At least once: a delivery is claimed for one attempt (a conditional write
 * that also counts it), sent, then settled delivered, pending again after a
 * backoff with jitter, or failing after the last attempt. A notifier that dies
 * after sending and before settling sends again once the claim's lease is
 * over: the receiver dedups on the alert id.
 */
import type { Report } from '#lib/model';
import type { AlertStore, Delivery } from '#lib/store/alert-ports';
import { retryDelayMs } from './backoff.ts';
import type { AlertConfig } from './config.ts';
import { regressedSince } from './evaluate.ts';
import { alertBody } from './payload.ts';
import { type Fetch, send } from './send.ts';

/** How long a trigger written before its report change may wait for the change to show. */
export const VERIFY_GRACE_MS = 60_000;
/** Deliveries one run takes. */
const BATCH = 50;

export interface NotifierDeps {
  alerts: AlertStore;
  reports: { getByKey(reportKey: string): Promise<Report | null> };
  config: AlertConfig;
  clock?: () => Date;
  random?: () => number;
  fetch?: Fetch;
}

export type Outcome = Delivery['state'] | 'deferred' | 'skipped';

const iso = (ms: number) => new Date(ms).toISOString();

export class Notifier {
  private readonly clock: () => Date;

  constructor(private readonly deps: NotifierDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Every delivery due now (the schedule's and the local loop's entry). */
  async runDue(): Promise<Record<string, Outcome>> {
    const due = await this.deps.alerts.due(this.clock().toISOString(), BATCH);
    return this.deliverAll(due);
  }

  /** These deliveries, if still due (the stream's entry: each new item once it is written). */
  async process(deliveryIds: string[]): Promise<Record<string, Outcome>> {
    const found = await Promise.all(deliveryIds.map((id) => this.deps.alerts.get(id)));
    return this.deliverAll(found.filter((delivery): delivery is Delivery => delivery !== null));
  }

  private async deliverAll(deliveries: Delivery[]): Promise<Record<string, Outcome>> {
    const outcomes = await Promise.all(
      deliveries.map((delivery) =>
        this.deliver(delivery).catch((error: unknown) => {
          console.error(`alerts: delivery ${delivery.deliveryId} not attempted: ${(error as Error).message}`);
          return 'skipped' as const;
        }),
      ),
    );
    return Object.fromEntries(deliveries.map((delivery, i) => [delivery.deliveryId, outcomes[i]!]));
  }

  /** One delivery, one attempt at most. */
  async deliver(delivery: Delivery): Promise<Outcome> {
    const { alerts, config } = this.deps;
    const now = this.clock();
    if (delivery.state !== 'pending' || delivery.nextAttemptAt > now.toISOString()) return 'skipped';
    const settle = async (state: Delivery['state'], lastError?: string) => {
      await alerts.settle(delivery.deliveryId, delivery.attempts, {
        state,
        at: now.toISOString(),
        ...(lastError ? { lastError } : {}),
      });
      return state;
    };

    const report = await this.deps.reports.getByKey(delivery.reportKey);
    const visible =
      report !== null &&
      report.reportId === delivery.reportId &&
      (delivery.kind !== 'regression' || regressedSince(report, delivery.closedAt ?? ''));
    if (!visible) {
      if (now.getTime() - new Date(delivery.createdAt).getTime() > VERIFY_GRACE_MS) {
        return settle('void', 'the report change it was for never happened');
      }
      const wait = Math.min(1_000, config.delivery.baseDelayMs);
      await alerts.defer(delivery.deliveryId, delivery.attempts, iso(now.getTime() + wait));
      return 'deferred';
    }
    const destination = config.destinations[delivery.destination];
    if (!destination) return settle('failing', `destination ${delivery.destination} is no longer configured`);
    // A mute belongs to its issue: a report deleted and seen again is a new issue, not muted.
    const mute = await alerts.getMute(delivery.reportKey);
    if (mute?.muted && mute.issueId === report!.issueId) return settle('muted');
    if (delivery.attempts === 0) {
      const rule = config.rules.find((candidate) => candidate.name === delivery.rule);
      const interval = (rule?.minIntervalMinutes ?? 0) * 60_000;
      const open = await alerts.takeGate(
        delivery.rule,
        delivery.reportKey,
        delivery.alertId,
        now.toISOString(),
        iso(now.getTime() - interval),
      );
      if (!open) return settle('throttled', "within the rule's minimum interval for this report");
    }

    const { timeoutMs, maxAttempts } = config.delivery;
    // The lease covers the attempt's timeout with room to settle it.
    const leaseUntil = iso(now.getTime() + timeoutMs + 30_000);
    if (!(await alerts.claim(delivery.deliveryId, delivery.attempts, now.toISOString(), leaseUntil))) {
      return 'skipped';
    }
    const attempt = delivery.attempts + 1;
    const sent = await send(
      destination,
      alertBody(delivery, report!, config.publicUrl),
      now,
      timeoutMs,
      this.deps.fetch,
    );
    const done = this.clock();
    if (sent.ok) {
      await alerts.settle(delivery.deliveryId, attempt, { state: 'delivered', at: done.toISOString() });
      return 'delivered';
    }
    if (attempt >= maxAttempts) {
      console.error(
        `alerts: delivery ${delivery.deliveryId} failing after ${attempt} attempts: ${sent.error}`,
      );
      await alerts.settle(delivery.deliveryId, attempt, {
        state: 'failing',
        at: done.toISOString(),
        lastError: sent.error,
      });
      return 'failing';
    }
    const delay = retryDelayMs(attempt, config.delivery, this.deps.random);
    await alerts.settle(delivery.deliveryId, attempt, {
      state: 'pending',
      at: done.toISOString(),
      nextAttemptAt: iso(done.getTime() + delay),
      lastError: sent.error,
    });
    return 'pending';
  }
}
