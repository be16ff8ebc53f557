/**
 * The ingest handler without serverless-offline: functions/ingest-log.ts's
 * handler called in this process with API Gateway events, against the bench
 * stack's emulators, under the same 8-client load. Separates the handler's own
 * cost (busboy, extract, S3/DynamoDB calls) from the local HTTP/Lambda
 * emulation's. Run by scripts/bench.ts as
 *   node [--cpu-prof] --import tsx scripts/bench-direct.ts '{"env":{...},"count":N,"clients":8}'
 * with the bodies on stdin (a JSON array of base64 strings); prints one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

interface Job {
  env: Record<string, string>;
  count: number;
  clients: number;
}

function multipart(body: Buffer): { contentType: string; payload: Buffer } {
  const boundary = `----bench${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="app.log"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([Buffer.from(head), body, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

function eventFor(body: Buffer): APIGatewayProxyEventV2 {
  const { contentType, payload } = multipart(body);
  return {
    version: '2.0',
    routeKey: 'POST /logs',
    rawPath: '/logs',
    rawQueryString: '',
    headers: { 'content-type': contentType, accept: 'application/json' },
    requestContext: { http: { method: 'POST', path: '/logs' } },
    body: payload.toString('base64'),
    isBase64Encoded: true,
  } as unknown as APIGatewayProxyEventV2;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]!) as Job;
  Object.assign(process.env, job.env);
  const bodies = (JSON.parse(await text(process.stdin)) as string[]).map((b) => Buffer.from(b, 'base64'));
  const { handler } = await import('../functions/ingest-log.ts');
  const run = async (count: number) => {
    const latencies: number[] = [];
    let next = 0;
    let errors = 0;
    const client = async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const started = performance.now();
        // Each call decodes its own event, as a Lambda invocation would.
        const reply = await handler(eventFor(bodies[i % bodies.length]!));
        latencies.push(performance.now() - started);
        if (reply.statusCode !== 200 && reply.statusCode !== 201) errors++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: job.clients }, client));
    return { seconds: (performance.now() - started) / 1000, latencies, errors };
  };
  await run(32);
  const { seconds, latencies, errors } = await run(job.count);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!;
  process.stdout.write(
    `${JSON.stringify({ perSecond: job.count / seconds, p50: at(0.5), p99: at(0.99), errors })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
