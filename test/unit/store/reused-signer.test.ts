/**
 * One SigV4 signer per client and auth scheme (lib/store/reused-signer.ts):
 * the signer is built once, and every request still carries a good signature
 * made with the credentials current at its call (checked by the local S3
 * front's own verifier, scripts/s3-front.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { reuseSigners } from '#lib/store/reused-signer';
import { verify } from '../../../scripts/s3-front.ts';

const keys = [
  { accessKeyId: 'AKIDFIRST', secretAccessKey: 'first-secret' },
  { accessKeyId: 'AKIDSECOND', secretAccessKey: 'second-secret' },
];

let server: Server;
let endpoint: string;
const verdicts: { key: string | undefined; verdict: string | null }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const key = /Credential=([^/]+)/.exec(req.headers.authorization ?? '')?.[1];
    const credentials = keys.find((k) => k.accessKeyId === key) ?? keys[0]!;
    verdicts.push({ key, verdict: verify(req, credentials) });
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', etag: '"e"' });
      res.end(req.headers['x-amz-target'] ? '{}' : '');
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((done) => server.close(done)));

/** The test's current key, always about to expire, so the SDK fetches it again for every call. */
let current = 0;
const rotating = () => async () => ({ ...keys[current]!, expiration: new Date(Date.now() + 60_000) });
const signerOf = (client: { config: object }) =>
  (client.config as { signer: (scheme?: object) => Promise<unknown> }).signer;

test('S3: one signer, and each call signed correctly with its own credentials', async () => {
  const client = new S3Client({
    endpoint,
    region: 'eu-west-1',
    forcePathStyle: true,
    credentials: rotating(),
    maxAttempts: 1,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  reuseSigners(client);
  const scheme = { name: 'sigv4', signingName: 's3', signingRegion: 'eu-west-1' };
  expect(await signerOf(client)(scheme)).toBe(await signerOf(client)({ ...scheme }));
  expect(await signerOf(client)(scheme)).not.toBe(
    await signerOf(client)({ ...scheme, signingRegion: 'us-east-1' }),
  );

  verdicts.length = 0;
  for (const [i, name] of ['a', 'b', 'c'].entries()) {
    current = i % 2;
    await client.send(
      new PutObjectCommand({ Bucket: 'bucket', Key: `blobs/${name}`, Body: `bytes of ${name}` }),
    );
  }
  expect(verdicts).toEqual([
    { key: 'AKIDFIRST', verdict: null },
    { key: 'AKIDSECOND', verdict: null },
    { key: 'AKIDFIRST', verdict: null },
  ]);
  client.destroy();
});

test('DynamoDB: one signer, each call with the credentials of its call', async () => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: rotating(),
    maxAttempts: 1,
  });
  reuseSigners(client);
  expect(await signerOf(client)()).toBe(await signerOf(client)());
  verdicts.length = 0;
  for (const [i, id] of ['a', 'b'].entries()) {
    current = i % 2;
    await client.send(new GetItemCommand({ TableName: 'things', Key: { id: { S: id } } }));
  }
  expect(verdicts.map((v) => v.key)).toEqual(['AKIDFIRST', 'AKIDSECOND']);
  client.destroy();
});
