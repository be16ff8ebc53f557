/**
 * The two SQS calls the dead-letter replay needs, ReceiveMessage and
 * DeleteMessage, over SQS's JSON protocol (AWS JSON 1.0, `X-Amz-Target:
 * AmazonSQS.<Operation>`) signed with SigV4. @aws-sdk/client-sqs is not a
 * dependency of this project; the signer and the credential chain are the
 * SDK's own (@smithy/signature-v4, and the default provider chain of an SDK
 * client's resolved config), so credentials, region and AWS_ENDPOINT_URL_SQS
 * are read as every other client reads them.
 */
import { createHash, createHmac } from 'node:crypto';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { SignatureV4 } from '@smithy/signature-v4';
import type { DeadLetterQueue } from './dead-letter-replay.ts';

/** node:crypto in the shape SignatureV4 asks for (a hash, or an HMAC given a secret). */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret
      ? createHmac('sha256', typeof secret === 'string' ? secret : Buffer.from(secret as ArrayBuffer))
      : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

export class SqsError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(`SQS ${operation}: ${status} ${type}: ${message}`);
    this.name = 'SqsError';
  }
}

export interface SqsQueueOptions {
  /** Default: AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL, else `https://sqs.<region>.amazonaws.com`. */
  endpoint?: string;
  /** How long a received message stays invisible to others while its range is replayed. */
  visibilityTimeoutSeconds?: number;
  /** Long polling: how long a receive waits for a message. */
  waitTimeSeconds?: number;
}

export class SqsQueue implements DeadLetterQueue {
  private readonly sdk = new KinesisClient({});
  private readonly signer: SignatureV4;

  constructor(
    private readonly queueUrl: string,
    private readonly options: SqsQueueOptions = {},
  ) {
    this.signer = new SignatureV4({
      service: 'sqs',
      // The SDK's own resolution: AWS_REGION / profile, and the default credential chain.
      region: () => this.sdk.config.region(),
      credentials: () => this.sdk.config.credentials(),
      sha256: Sha256,
    });
  }

  async receive(): Promise<{ receiptHandle: string; body: string }[]> {
    const answer = (await this.call('ReceiveMessage', {
      QueueUrl: this.queueUrl,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: this.options.visibilityTimeoutSeconds ?? 300,
      WaitTimeSeconds: this.options.waitTimeSeconds ?? 1,
    })) as { Messages?: { ReceiptHandle?: string; Body?: string }[] };
    return (answer.Messages ?? []).map((message) => ({
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
    }));
  }

  async delete(receiptHandle: string): Promise<void> {
    await this.call('DeleteMessage', { QueueUrl: this.queueUrl, ReceiptHandle: receiptHandle });
  }

  destroy(): void {
    this.sdk.destroy();
  }

  private async endpoint(): Promise<URL> {
    const given =
      this.options.endpoint ?? process.env['AWS_ENDPOINT_URL_SQS'] ?? process.env['AWS_ENDPOINT_URL'];
    return new URL(given ?? `https://sqs.${await this.sdk.config.region()}.amazonaws.com`);
  }

  private async call(operation: string, input: Record<string, unknown>): Promise<unknown> {
    const url = await this.endpoint();
    const body = JSON.stringify(input);
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname || '/',
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `AmazonSQS.${operation}`,
      },
      body,
    });
    // fetch sets Host itself, from the same URL the signature covered.
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    if (!response.ok) {
      const type = String(parsed['__type'] ?? 'Error').replace(/^.*#/, '');
      throw new SqsError(operation, response.status, type, String(parsed['message'] ?? text));
    }
    return parsed;
  }
}
