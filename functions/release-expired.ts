/**
 * The logs table's stream consumer (serverless.yml `releaseExpired`): each log
 * record DynamoDB's TTL deleted gives its blob reference back, once
 * (lib/service/expiry-release.ts). The event source mapping passes only TTL
 * removals (its filter); the first record that fails is answered as the
 * batch item failure, so Lambda delivers it and the rest again, a bounded
 * number of times, then names the batch in the dead-letter queue. Not run
 * locally: dynalite has neither TTL nor streams (EXPIRY_MODE=sweep there).
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { getApp } from '#lib/app';
import { log } from '#lib/observe';
import { releaseExpired } from '#lib/service/expiry-release';
import type { Stores } from '#lib/store/ports';

type ReleaseHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

/** The handler over given stores (tests hand in theirs). */
export function releaseHandler(stores: Stores): ReleaseHandler {
  return async (event) => {
    const outcome = await releaseExpired(stores, event.Records ?? []);
    if (outcome.released > 0 || outcome.repeats > 0) log.info('release-expired', { ...outcome });
    return { batchItemFailures: outcome.failed === null ? [] : [{ itemIdentifier: outcome.failed }] };
  };
}

let container: ReleaseHandler | undefined;

/** AWS's entry point: the container's adapters, built once, on its first batch. */
export const handler: ReleaseHandler = (event) => {
  container ??= releaseHandler(getApp().stores);
  return container(event);
};
