/**
 * Id allocation without a hot item capping ingest: each container reserves a
 * block of ids with one atomic ADD on the counter item and hands them out from
 * memory. A container that dies leaves a gap in the sequence, never a
 * duplicate. Ceiling: one counter item takes ~1,000 writes/s, so ingest is
 * capped near 1,000 x blockSize logs/s (20,000 at the default block of 20).
 */
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { formatId, ISSUE_ID_DIGITS, LOG_ID_DIGITS } from '#lib/model';
import { StorageError, storageCall } from './errors.ts';
import type { IdAllocator } from './ports.ts';

class IdBlock {
  private next = 0;
  private last = -1;
  private refill: Promise<void> | null = null;

  constructor(
    private readonly reserve: (size: number) => Promise<number>,
    private readonly size: number,
    private readonly max: number,
    private readonly kind: string,
  ) {}

  async take(): Promise<number> {
    for (;;) {
      if (this.next <= this.last) {
        const id = this.next;
        this.next += 1;
        if (id > this.max) throw new StorageError(`${this.kind} id space exhausted`);
        return id;
      }
      this.refill ??= this.reserve(this.size).then(
        (high) => {
          this.next = high - this.size + 1;
          this.last = high;
          this.refill = null;
        },
        (error) => {
          this.refill = null;
          throw error;
        },
      );
      await this.refill;
    }
  }
}

export class DynamoIdAllocator implements IdAllocator {
  private readonly logIds: IdBlock;
  private readonly issueIds: IdBlock;

  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
    blockSize: number,
  ) {
    this.logIds = new IdBlock(
      (n) => this.reserve('counter#log', n),
      blockSize,
      10 ** LOG_ID_DIGITS - 1,
      'log',
    );
    // Issues are created only for new failures and have six digits: no blocks, no gaps.
    this.issueIds = new IdBlock(
      (n) => this.reserve('counter#issue', n),
      1,
      10 ** ISSUE_ID_DIGITS - 1,
      'issue',
    );
  }

  async nextLogId(): Promise<string> {
    return formatId(await this.logIds.take(), LOG_ID_DIGITS);
  }

  async nextIssueId(): Promise<string> {
    return formatId(await this.issueIds.take(), ISSUE_ID_DIGITS);
  }

  /** Atomically add `size` to the counter; answers the new high-water mark. */
  private async reserve(pk: string, size: number): Promise<number> {
    const answer = await storageCall('ids.reserve', () =>
      this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk },
          UpdateExpression: 'ADD #value :size',
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: { ':size': size },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return Number(answer.Attributes?.['value']);
  }
}
