/**
 * The CPU of one DynamoDB call through the AWS SDK as logsift builds its
 * clients, against a stub HTTP server in another process (so only the SDK
 * and node's HTTP client are measured): the SDK's own signer per call against
 * one reused signer (lib/store/reused-signer.ts), in interleaved rounds (the order
 * swapped every round) in one process so that the machine's load falls on both alike.
 *
 *   npx tsx scripts/bench-sdk-call.ts [--rounds=12] [--calls=400]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { reuseSigners } from '#lib/store/reused-signer';

const option = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const rounds = option('rounds', 12);
const calls = option('calls', 400);

const STUB = `
const s = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
    res.end('{"Attributes":{"occurrences":{"N":"12"}}}');
  });
});
s.listen(0, '127.0.0.1', () => console.log(s.address().port));
`;

async function main(): Promise<void> {
  const stub = spawn(process.execPath, ['-e', STUB], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [port] = (await once(createInterface({ input: stub.stdout! }), 'line')) as [string];
  const options = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 3,
    cacheMiddleware: true,
  };
  const variants: [string, DynamoDBClient][] = [
    ['signer per call (SDK default)', new DynamoDBClient(options)],
    ['one reused signer', new DynamoDBClient(options)],
  ];
  reuseSigners(variants[1]![1]);
  const command = () =>
    new UpdateItemCommand({
      TableName: 'logsift-ReportsTable',
      Key: { reportKey: { S: 'k'.repeat(64) } },
      UpdateExpression: 'ADD occurrences :one SET lastSeen = :at',
      ConditionExpression: 'attribute_exists(reportKey)',
      ExpressionAttributeValues: { ':one': { N: '1' }, ':at': { S: new Date().toISOString() } },
      ReturnValues: 'ALL_NEW',
    });
  const run = async (client: DynamoDBClient, n: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next++ < n) await client.send(command());
      }),
    );
  };
  for (const [, client] of variants) await run(client, 300);
  const cpu = variants.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    // each round in the other order, so neither always runs first
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const client = variants[i]![1];
      const before = process.cpuUsage();
      await run(client, calls);
      const used = process.cpuUsage(before);
      cpu[i]! += used.user + used.system;
    }
  }
  for (const [i, [name]] of variants.entries()) {
    console.log(`${name.padEnd(30)} ${(cpu[i]! / rounds / calls).toFixed(0)} µs CPU a call`);
  }
  stub.kill();
  for (const [, client] of variants) client.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
