/**
 * AWS SDK clients, built once per container from the configuration. Endpoints
 * come from the SDK's own AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_DYNAMODB
 * variables, so the same code talks to AWS, LocalStack or the local emulators.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Config } from '#lib/config';
import { cachedDocumentClient } from './document-client.ts';
import { installFaults } from './faults.ts';
import { reuseSigners } from './reused-signer.ts';

/** Test-only (lib/store/faults.ts): unset everywhere but the fault tests. */
const FAULTS_DIR = process.env.LOGSIFT_FAULTS;

/** Extra middleware for a simulation's clients (scripts/bench-scale.ts meters them); none deployed. */
export interface ClientHooks {
  s3?: (client: S3Client) => void;
  dynamo?: (client: DynamoDBClient) => void;
}

export function makeS3Client(config: Pick<Config, 's3ForcePathStyle'>, hooks: ClientHooks = {}): S3Client {
  const client = new S3Client({
    forcePathStyle: config.s3ForcePathStyle,
    // s3rver stores aws-chunked framing verbatim when checksums are streamed
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    // one resolved middleware stack per command class, not one per call
    cacheMiddleware: true,
  });
  reuseSigners(client);
  installFaults(client, 's3', FAULTS_DIR);
  hooks.s3?.(client);
  return client;
}

export function makeDynamoClient(hooks: ClientHooks = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({ maxAttempts: 3 });
  const cached = new DynamoDBClient({ maxAttempts: 3, cacheMiddleware: true });
  reuseSigners(client);
  reuseSigners(cached);
  installFaults(client, 'dynamodb', FAULTS_DIR);
  installFaults(cached, 'dynamodb', FAULTS_DIR);
  hooks.dynamo?.(client);
  hooks.dynamo?.(cached);
  return cachedDocumentClient(client, cached, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/**
 * The count stream's client (COUNT_MODE=async). HTTP/1.1 explicitly: the v3
 * Kinesis client negotiates HTTP/2 by default, which kinesalite does not speak
 * (ERR_HTTP2_ERROR), and Kinesis itself serves both.
 */
export function makeKinesisClient(): KinesisClient {
  return new KinesisClient({ maxAttempts: 3, requestHandler: new NodeHttpHandler() });
}
