/**
 * The storage of alerts (lib/alerts): one item per delivery of an alert to one
 * destination, with the state the notifier moves it through, plus the small
 * items the triggers need (a rule's last alert per report, the surge window
 * counters, per-issue mutes). lib/store/dynamo-alerts.ts and
 * lib/store/memory/alerts.ts implement it.
 */
import type { Report, ReportType } from '#lib/model';

export type AlertKind = 'new' | 'regression' | 'surge';

/**
 * pending: due at nextAttemptAt; delivered: a 2xx came back; failing: every
 * attempt failed (dead-lettered); muted: the issue was muted when it was due;
 * throttled: the rule had alerted on the report within its minimum interval;
 * void: its trigger never took effect (the report was never created or never
 * reopened), so there was nothing to tell.
 */
export type DeliveryState = 'pending' | 'delivered' | 'failing' | 'muted' | 'throttled' | 'void';

export interface SurgeWindow {
  /** ISO start of the fixed window the count is in. */
  start: string;
  minutes: number;
  /** Occurrences in the window when it crossed the threshold. */
  count: number;
  /** The report's trailing occurrences per window before it. */
  trailing: number;
}

export interface Delivery {
  /** `<alertId>.<destination>`: one item per destination of an alert. */
  deliveryId: string;
  /** The same for every destination of one alert, and for every retry: the receiver's dedup key. */
  alertId: string;
  rule: string;
  kind: AlertKind;
  destination: string;
  reportKey: string;
  reportId: string;
  issueId: string;
  type: ReportType;
  createdAt: string;
  state: DeliveryState;
  /** Attempts made (claimed) so far. */
  attempts: number;
  nextAttemptAt: string;
  deliveredAt?: string;
  /** Why the last attempt failed, in words safe to show (a status or "timeout"; never a URL). */
  lastError?: string;
  /** regression: the close the failure came back after (its trigger is checked against it). */
  closedAt?: string;
  surge?: SurgeWindow;
}

export interface AlertPage {
  items: Delivery[];
}

export interface Mute {
  reportKey: string;
  issueId: string;
  muted: boolean;
  at: string;
}

export interface AlertStore {
  /**
   * Create a delivery once (its id is deterministic); false when it exists.
   * A `void` one is created again: the trigger it was for happened after all.
   */
  create(delivery: Delivery): Promise<boolean>;
  get(deliveryId: string): Promise<Delivery | null>;
  /** Pending deliveries due at `now`, oldest due first. */
  due(now: string, limit: number): Promise<Delivery[]>;
  /**
   * Take a pending delivery for one attempt: applied only while it is still
   * pending with `attempts` made and due; it is then not due again until
   * `leaseUntil` (a notifier that died midway is replaced after it).
   */
  claim(deliveryId: string, attempts: number, now: string, leaseUntil: string): Promise<boolean>;
  /**
   * Record the outcome of the attempt numbered `attempts` (ignored when a later
   * attempt has been claimed since): a final state, or pending again at `nextAttemptAt`.
   */
  settle(
    deliveryId: string,
    attempts: number,
    outcome: { state: DeliveryState; at: string; nextAttemptAt?: string; lastError?: string },
  ): Promise<void>;
  /** Put a pending delivery off without counting an attempt (its trigger is not visible yet). */
  defer(deliveryId: string, attempts: number, nextAttemptAt: string): Promise<void>;
  recent(limit: number): Promise<Delivery[]>;
  forReport(reportKey: string, limit: number): Promise<Delivery[]>;
  /**
   * The rule's minimum interval per report: true (and the gate taken for
   * `alertId` at `at`) when `rule` last alerted on `reportKey` before
   * `notAfter`, or never, or the gate is already `alertId`'s (its other destinations).
   */
  takeGate(rule: string, reportKey: string, alertId: string, at: string, notAfter: string): Promise<boolean>;
  /** Add `n` to the report's counter of the window starting at `windowStart`; the new total. */
  addToWindow(reportKey: string, windowStart: string, n: number, expiresAt: number): Promise<number>;
  setMute(mute: Mute): Promise<void>;
  getMute(reportKey: string): Promise<Mute | null>;
}

/**
 * What the ingest calls at the report changes that alert (lib/alerts/trigger.ts
 * implements it); they never throw.
 */
export interface AlertHooks {
  /** Before the report is created. */
  creating(report: Report): Promise<void>;
  /** After `creating(report)` when the report was not created (another request created it first). */
  lost(report: Report): Promise<void>;
  /** Before a report counted while Closed is marked regressed. */
  regressing(report: Report, at: string): Promise<void>;
  /** After `n` occurrences were counted (the report as the count returned it). */
  counted(report: Report, n: number, at: Date): Promise<void>;
}
