/** The alert deliveries as the JSON answers and the pages show them: names and states, never URLs or secrets. */
import type { AlertDeliveryAnswer } from '#lib/contracts/alerts';
import { paths } from '#lib/routes';
import type { Delivery } from '#lib/store/alert-ports';

export type { AlertDeliveryAnswer };

export function deliveryView(delivery: Delivery): AlertDeliveryAnswer {
  return {
    alertId: delivery.alertId,
    rule: delivery.rule,
    kind: delivery.kind,
    destination: delivery.destination,
    state: delivery.state,
    attempts: delivery.attempts,
    createdAt: delivery.createdAt,
    nextAttemptAt: delivery.state === 'pending' ? delivery.nextAttemptAt : null,
    deliveredAt: delivery.deliveredAt ?? null,
    lastError: delivery.lastError ?? null,
    reportId: delivery.reportId,
    issueId: delivery.issueId,
    type: delivery.type,
    links: { report: paths.report(delivery.reportId), issue: paths.issue(delivery.issueId) },
  };
}
