/**
 * The notifier (lib/alerts/notifier.ts), not an HTTP route. Two event sources
 * in serverless.yml: the alerts table's stream (each new delivery item is
 * sent as soon as it is written) and a schedule (retries that came due, and
 * anything the stream missed). Locally the gateway runs the schedule
 * (scripts/local-schedule.ts), dynalite having no streams.
 *
 * A stream record of a delivery that turned `failing` is reported as a batch
 * item failure: Lambda retries it as configured and then hands it to the
 * event source's on-failure destination, the dead-letter queue.
 */
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { Notifier, type Outcome } from '#lib/alerts/notifier';
import { isStreamEvent, streamWork } from '#lib/alerts/stream';
import { getApp } from '#lib/app';

let notifier: Notifier | null | undefined;

function getNotifier(): Notifier | null {
  if (notifier === undefined) {
    const app = getApp();
    notifier = app.alerts
      ? new Notifier({ alerts: app.alerts, reports: app.stores.reports, config: app.config.alerts })
      : null;
  }
  return notifier;
}

/** A delivery written just before its report: waits this long for the report, a few times, before leaving it to the schedule. */
const REPORT_WAIT_MS = 1_100;
const REPORT_WAITS = 3;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function handler(
  event: unknown,
): Promise<DynamoDBBatchResponse | { outcomes: Record<string, Outcome> }> {
  const run = getNotifier();
  if (!isStreamEvent(event)) return { outcomes: run ? await run.runDue() : {} };

  const { fresh, failing } = streamWork(event);
  if (run && fresh.length > 0) {
    let outcomes = await run.process(fresh);
    for (let wait = 0; wait < REPORT_WAITS; wait++) {
      const deferred = Object.keys(outcomes).filter((id) => outcomes[id] === 'deferred');
      if (deferred.length === 0) break;
      await sleep(REPORT_WAIT_MS);
      outcomes = await run.process(deferred);
    }
  }
  return { batchItemFailures: failing.map((itemIdentifier) => ({ itemIdentifier })) };
}
