/** The alerts port in memory, with the DynamoDB adapter's conditions. */
import type { AlertStore, Delivery, DeliveryState, Mute } from '#lib/store/alert-ports';

const byCreated = (a: Delivery, b: Delivery) => b.createdAt.localeCompare(a.createdAt);

export class MemoryAlertStore implements AlertStore {
  readonly deliveries = new Map<string, Delivery>();
  private readonly gates = new Map<string, { at: string; alertId: string }>();
  private readonly windows = new Map<string, number>();
  private readonly mutes = new Map<string, Mute>();

  async create(delivery: Delivery): Promise<boolean> {
    const existing = this.deliveries.get(delivery.deliveryId);
    if (existing && existing.state !== 'void') return false;
    this.deliveries.set(delivery.deliveryId, { ...delivery });
    return true;
  }

  async get(deliveryId: string): Promise<Delivery | null> {
    const found = this.deliveries.get(deliveryId);
    return found ? { ...found } : null;
  }

  async due(now: string, limit: number): Promise<Delivery[]> {
    return [...this.deliveries.values()]
      .filter((d) => d.state === 'pending' && d.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt))
      .slice(0, limit)
      .map((d) => ({ ...d }));
  }

  async claim(deliveryId: string, attempts: number, now: string, leaseUntil: string): Promise<boolean> {
    const d = this.deliveries.get(deliveryId);
    if (d?.state !== 'pending' || d.attempts !== attempts || d.nextAttemptAt > now) return false;
    d.attempts = attempts + 1;
    d.nextAttemptAt = leaseUntil;
    return true;
  }

  async settle(
    deliveryId: string,
    attempts: number,
    outcome: { state: DeliveryState; at: string; nextAttemptAt?: string; lastError?: string },
  ): Promise<void> {
    const d = this.deliveries.get(deliveryId);
    if (d?.state !== 'pending' || d.attempts !== attempts) return;
    d.state = outcome.state;
    if (outcome.nextAttemptAt) d.nextAttemptAt = outcome.nextAttemptAt;
    if (outcome.state === 'delivered') d.deliveredAt = outcome.at;
    if (outcome.lastError !== undefined) d.lastError = outcome.lastError;
  }

  async defer(deliveryId: string, attempts: number, nextAttemptAt: string): Promise<void> {
    const d = this.deliveries.get(deliveryId);
    if (d && d.state === 'pending' && d.attempts === attempts) d.nextAttemptAt = nextAttemptAt;
  }

  async recent(limit: number): Promise<Delivery[]> {
    return [...this.deliveries.values()].sort(byCreated).slice(0, limit);
  }

  async forReport(reportKey: string, limit: number): Promise<Delivery[]> {
    return [...this.deliveries.values()]
      .filter((d) => d.reportKey === reportKey)
      .sort(byCreated)
      .slice(0, limit);
  }

  async takeGate(
    rule: string,
    reportKey: string,
    alertId: string,
    at: string,
    notAfter: string,
  ): Promise<boolean> {
    const key = `${rule}#${reportKey}`;
    const gate = this.gates.get(key);
    if (gate && gate.alertId !== alertId && gate.at > notAfter) return false;
    this.gates.set(key, { at, alertId });
    return true;
  }

  async addToWindow(reportKey: string, windowStart: string, n: number): Promise<number> {
    const key = `${reportKey}#${windowStart}`;
    const total = (this.windows.get(key) ?? 0) + n;
    this.windows.set(key, total);
    return total;
  }

  async setMute(mute: Mute): Promise<void> {
    this.mutes.set(mute.reportKey, { ...mute });
  }

  async getMute(reportKey: string): Promise<Mute | null> {
    return this.mutes.get(reportKey) ?? null;
  }
}
