/**
 * The sweeper: deletes log records past retention and each blob with its last
 * log (lib/service/lifecycle). Scheduled on AWS (serverless.yml `sweep`);
 * `npm start` runs the same handler on an interval (scripts/local-stack.ts).
 * It never relies on DynamoDB's TTL having run, and stops at a budget that
 * fits its timeout: the next run carries on where it stopped.
 */
import type { Context } from 'aws-lambda';
import { getApp } from '#lib/app';
import { log } from '#lib/observe';
import { type SweepResult, sweepExpired } from '#lib/service/lifecycle';
import type { Stores } from '#lib/store/ports';

/** Records one run deletes at most: about a minute and a half at eight deletions at once. */
const MAX_LOGS_PER_RUN = 20_000;

type SweepHandler = (event?: unknown, context?: Context) => Promise<SweepResult>;

/** The handler over given stores and clock (tests hand in theirs). */
export function sweepHandler(stores: Stores, clock: () => Date = () => new Date()): SweepHandler {
  return async () => {
    const result = await sweepExpired(stores, clock(), { maxLogs: MAX_LOGS_PER_RUN });
    if (result.logs > 0 || result.more) log.info('sweep', { ...result });
    return result;
  };
}

let container: SweepHandler | undefined;

/** AWS's entry point: the container's adapters, built once, on its first run. */
export const handler: SweepHandler = (event, context) => {
  container ??= sweepHandler(getApp().stores);
  return container(event, context);
};
