/**
 * What one batch of the alerts table's stream asks of the notifier: the new
 * delivery items to send now, and the deliveries that turned `failing`,
 * reported back as batch item failures so that Lambda, after its retries,
 * hands them to the event source's dead-letter queue.
 */
import type { AttributeValue, DynamoDBStreamEvent } from 'aws-lambda';

const DELIVERY_PREFIX = 'delivery#';
const text = (value: AttributeValue | undefined) => value?.S;

export interface StreamWork {
  fresh: string[];
  failing: string[];
}

export const isStreamEvent = (event: unknown): event is DynamoDBStreamEvent =>
  Array.isArray((event as { Records?: unknown } | null)?.Records);

export function streamWork(event: DynamoDBStreamEvent): StreamWork {
  const work: StreamWork = { fresh: [], failing: [] };
  for (const record of event.Records) {
    const pk = text(record.dynamodb?.Keys?.['pk']) ?? '';
    if (!pk.startsWith(DELIVERY_PREFIX)) continue;
    if (record.eventName === 'INSERT') work.fresh.push(pk.slice(DELIVERY_PREFIX.length));
    else if (text(record.dynamodb?.NewImage?.['state']) === 'failing' && record.dynamodb?.SequenceNumber) {
      work.failing.push(record.dynamodb.SequenceNumber);
    }
  }
  return work;
}
