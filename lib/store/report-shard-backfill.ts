/**
 * The backfill of `reportShard` (scripts/backfill-report-shard.ts): log
 * records stored before `logsByReportShard` existed carry `reportKey` but no
 * `reportShard`, so the index, and `?logs=delete` through it, does not see
 * them. A parallel Scan of the logs table (one worker per segment, page by
 * page) writes each such record's shard with an UpdateItem conditioned on
 * `reportKey` being the one scanned and `reportShard` being absent: a second
 * run, or a record written or deleted meanwhile, is left as it is (an
 * UpdateItem without that condition would create a deleted record again).
 * The condition is also why the Scan may read eventually consistently (half
 * the read units): a stale page can only propose a write the condition refuses.
 *
 * Resumable: `state` holds each segment's place (the Scan's
 * LastEvaluatedKey, `done` at its end), handed to `onPage` after each page,
 * and a run given a saved state goes on from it; an abort stops every segment
 * after the page it is on.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { reportShardFor } from './dynamo-logs.ts';

export interface BackfillCounts {
  /** Items the Scan returned. */
  scanned: number;
  /** Records given their `reportShard` by this run. */
  updated: number;
  /** Records that had it already. */
  already: number;
  /** Items without `reportKey` (logs without failure): nothing to index. */
  noReport: number;
  /** Records whose condition failed: rewritten or deleted between the Scan and the update. */
  skipped: number;
}

/** Where each segment stands: the key to scan on from, or `done`. */
export interface BackfillState {
  segments: number;
  positions: (Record<string, unknown> | 'done' | null)[];
  counts: BackfillCounts;
}

export interface BackfillOptions {
  /** Parallel Scan segments (TotalSegments); ignored when resuming. */
  segments?: number;
  /** Items per Scan page. */
  pageSize?: number;
  /** A saved state to go on from. */
  resume?: BackfillState;
  /** Called after every page with the state so far (persist it to resume). */
  onPage?: (state: BackfillState) => void | Promise<void>;
  /** Stops every segment after its current page. */
  signal?: AbortSignal;
}

export const emptyCounts = (): BackfillCounts => ({
  scanned: 0,
  updated: 0,
  already: 0,
  noReport: 0,
  skipped: 0,
});

/** Updates run in parallel within a page: a page's items are independent. */
const PARALLEL_UPDATES = 8;

async function setShard(
  ddb: DynamoDBDocumentClient,
  table: string,
  logId: string,
  reportKey: string,
): Promise<boolean> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { logId },
        UpdateExpression: 'SET reportShard = :shard',
        ConditionExpression: 'reportKey = :key AND attribute_not_exists(reportShard)',
        ExpressionAttributeValues: { ':shard': reportShardFor(reportKey, logId), ':key': reportKey },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Backfills `reportShard` over the whole table (or what `resume` left); the state at the end. */
export async function backfillReportShard(
  ddb: DynamoDBDocumentClient,
  table: string,
  options: BackfillOptions = {},
): Promise<BackfillState> {
  const segments = options.resume?.segments ?? options.segments ?? 4;
  const state: BackfillState = options.resume
    ? { ...options.resume, positions: [...options.resume.positions], counts: { ...options.resume.counts } }
    : { segments, positions: Array.from({ length: segments }, () => null), counts: emptyCounts() };
  const counts = state.counts;

  const segment = async (index: number): Promise<void> => {
    while (state.positions[index] !== 'done' && !options.signal?.aborted) {
      const from = state.positions[index];
      const page = await ddb.send(
        new ScanCommand({
          TableName: table,
          Segment: index,
          TotalSegments: segments,
          ProjectionExpression: 'logId, reportKey, reportShard',
          ...(options.pageSize ? { Limit: options.pageSize } : {}),
          ...(from ? { ExclusiveStartKey: from } : {}),
        }),
      );
      const todo: { logId: string; reportKey: string }[] = [];
      for (const item of page.Items ?? []) {
        counts.scanned += 1;
        if (typeof item['reportKey'] !== 'string') counts.noReport += 1;
        else if (item['reportShard'] !== undefined) counts.already += 1;
        else todo.push({ logId: String(item['logId']), reportKey: item['reportKey'] });
      }
      for (let at = 0; at < todo.length; at += PARALLEL_UPDATES) {
        const made = await Promise.all(
          todo
            .slice(at, at + PARALLEL_UPDATES)
            .map(({ logId, reportKey }) => setShard(ddb, table, logId, reportKey)),
        );
        for (const ok of made) {
          if (ok) counts.updated += 1;
          else counts.skipped += 1;
        }
      }
      state.positions[index] = page.LastEvaluatedKey ?? 'done';
      await options.onPage?.(state);
    }
  };
  await Promise.all(Array.from({ length: segments }, (_, index) => segment(index)));
  return state;
}

/** Whether every segment has reached the end of the table. */
export const backfillDone = (state: BackfillState) => state.positions.every((place) => place === 'done');
