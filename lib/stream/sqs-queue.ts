/**
 * The two SQS calls the dead-letter replay needs, ReceiveMessage and
 * DeleteMessage, through @aws-sdk/client-sqs: credentials, region and
 * AWS_ENDPOINT_URL_SQS are read as every other client reads them.
 */
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetterQueue } from './dead-letter-replay.ts';

export interface SqsQueueOptions {
  /** Default: the SDK's (AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL, else the region's). */
  endpoint?: string;
  /** How long a received message stays invisible to others while its range is replayed. */
  visibilityTimeoutSeconds?: number;
  /** Long polling: how long a receive waits for a message. */
  waitTimeSeconds?: number;
}

export class SqsQueue implements DeadLetterQueue {
  private readonly sqs: SQSClient;

  constructor(
    private readonly queueUrl: string,
    private readonly options: SqsQueueOptions = {},
  ) {
    this.sqs = new SQSClient(options.endpoint ? { endpoint: options.endpoint } : {});
  }

  async receive(): Promise<{ receiptHandle: string; body: string }[]> {
    const answer = await this.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: this.options.visibilityTimeoutSeconds ?? 300,
        WaitTimeSeconds: this.options.waitTimeSeconds ?? 1,
      }),
    );
    return (answer.Messages ?? []).map((message) => ({
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
    }));
  }

  async delete(receiptHandle: string): Promise<void> {
    await this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: receiptHandle }));
  }

  destroy(): void {
    this.sqs.destroy();
  }
}
