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
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { Notifier } from '#lib/alerts/notifier';
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

const DELIVERY_PREFIX = 'delivery#';
const text = (value: AttributeValue | undefined) => value?.S;

const isStream = (event: unknown): event is DynamoDBStreamEvent =>
  Array.isArray((event as { Records?: unknown }).Records);

export async function handler(
  event: unknown,
): Promise<DynamoDBBatchResponse | { outcomes: Record<string, string> }> {
  const run = getNotifier();
  if (!isStream(event)) return { outcomes: run ? await run.runDue() : {} };

  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  const fresh: string[] = [];
  for (const record of event.Records) {
    const pk = text(record.dynamodb?.Keys?.['pk']) ?? '';
    if (!pk.startsWith(DELIVERY_PREFIX)) continue;
    if (record.eventName === 'INSERT') fresh.push(pk.slice(DELIVERY_PREFIX.length));
    else if (text(record.dynamodb?.NewImage?.['state']) === 'failing' && record.dynamodb?.SequenceNumber) {
      batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber });
    }
  }
  if (run && fresh.length > 0) await run.process(fresh);
  return { batchItemFailures };
}
