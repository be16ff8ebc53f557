/**
 * AWS SDK clients, built once per container from the configuration. Endpoints
 * come from the SDK's own AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_DYNAMODB
 * variables, so the same code talks to AWS, LocalStack or the local emulators.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '#lib/config';

export function makeS3Client(config: Pick<Config, 's3ForcePathStyle'>): S3Client {
  return new S3Client({
    forcePathStyle: config.s3ForcePathStyle,
    // s3rver stores aws-chunked framing verbatim when checksums are streamed
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
}

export function makeDynamoClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 3 }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
