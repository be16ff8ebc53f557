/**
 * scripts/replay-dead-letters.ts against the real local stack in
 * COUNT_MODE=async (kinesalite, dynalite, the local event source mapping):
 * a batch whose count writes keep failing is retried, then dead-lettered
 * (metadata only, as Lambda's on-failure record), and its counts are missing;
 * the replay reads the range back from the stream and counts it exactly; a
 * second replay of the same dead letter counts nothing.
 *
 * SQS has no emulator here, so the queue branch runs the same script against
 * a stand-in for the SQS endpoint: a local HTTP server answering the two
 * JSON-protocol calls the script makes (ReceiveMessage, DeleteMessage). It
 * stands in for the queue only — the stream, the consumer and the tables it
 * writes are the real emulators.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/local-stack.ts';
import { request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const faults = mkdtempSync(join(tmpdir(), 'logsift-replay-faults-'));
const stack = withStack({
  env: { COUNT_MODE: 'async', LOGSIFT_FAULTS: faults, LOGSIFT_LOCAL_BATCH_WINDOW_S: '0.2' },
});

afterAll(() => rmSync(faults, { recursive: true, force: true }));

/** Failures written for this test, one report each, their parameters varying per line. */
const SCENARIOS = [
  (i: number) => `press ${i}: hydraulic pressure lost on ram B`,
  (i: number) => `loom ${i}: weft thread snapped at shuttle`,
  (i: number) => `still ${i}: condenser coolant flow stopped`,
];
const MARKERS = ['hydraulic pressure lost', 'weft thread snapped', 'condenser coolant'];

async function postStream(counts: number[], i: number): Promise<void> {
  const lines: string[] = [];
  counts.forEach((n, s) => {
    for (let k = 0; k < n; k++)
      lines.push(JSON.stringify({ level: 'error', message: SCENARIOS[s]!(i * 10 + k) }));
  });
  const answer = await request(stack.url, '/logs', {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body: `${lines.join('\n')}\n`,
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ counting: 'pending', events: lines.length });
}

async function occurrences(): Promise<number[]> {
  const answer = await request(stack.url, '/?format=json&limit=100');
  const reports = (answer.body['reports'] ?? []) as { extract: string; occurrences: number }[];
  return MARKERS.map((marker) =>
    reports.filter((r) => r.extract.includes(marker)).reduce((sum, r) => sum + r.occurrences, 0),
  );
}

async function settle(expected: number[], waitMs = 30_000): Promise<number[]> {
  const deadline = Date.now() + waitMs;
  let seen = await occurrences();
  while (Date.now() < deadline && JSON.stringify(seen) !== JSON.stringify(expected)) {
    await new Promise((done) => setTimeout(done, 250));
    seen = await occurrences();
  }
  return seen;
}

const deadLetterFile = () => stack.env['LOGSIFT_LOCAL_DEAD_LETTER']!;
const deadLetters = () =>
  existsSync(deadLetterFile())
    ? readFileSync(deadLetterFile(), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
    : [];

/** The replay as an operator runs it: a child process with the stack's variables. */
function replay(args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'replay-dead-letters.ts'), ...args],
      { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '', ...stack.env, ...extraEnv } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const expected = [0, 0, 0];
let letter = '';

describe('replay of dead-lettered count batches', () => {
  it('counts a dead-lettered batch exactly from the stream, and a second replay counts nothing', async () => {
    await postStream([2, 1, 1], 1);
    for (const [s, n] of [2, 1, 1].entries()) expected[s]! += n;
    expect(await settle(expected)).toEqual(expected);

    // Every count write on the reports table fails until the file goes: the
    // mapping retries the batch, then gives up on it.
    const fault = join(faults, 'dynamodb.UpdateItem');
    writeFileSync(fault, JSON.stringify({ target: 'ReportsTable', always: true }));
    await postStream([3, 2, 4], 2);
    const deadline = Date.now() + 30_000;
    while (deadLetters().length === 0 && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 200));
    rmSync(fault, { force: true });
    expect(deadLetters()).toHaveLength(1);
    letter = deadLetters()[0]!;
    // Lambda's on-failure record for a Kinesis source: the range, not the records.
    const record = JSON.parse(letter) as Record<string, Record<string, unknown>>;
    expect(record['requestContext']).toMatchObject({ condition: 'RetryAttemptsExhausted' });
    expect(record['KinesisBatchInfo']).toMatchObject({
      shardId: expect.stringMatching(/^shardId-\d{12}$/),
      startSequenceNumber: expect.stringMatching(/^\d+$/),
      endSequenceNumber: expect.stringMatching(/^\d+$/),
      batchSize: 1,
      streamArn: `arn:aws:kinesis:us-east-1:000000000000:stream/${stack.env['COUNT_STREAM']}`,
    });
    expect(letter).not.toContain('weft');

    // The batch is missing from the counts, and stays missing: the shard moved on.
    await new Promise((done) => setTimeout(done, 1500));
    expect(await occurrences()).toEqual(expected);

    const first = await replay(['--file', deadLetterFile()]);
    expect(first.stdout).toContain('dead letters: 1 replayed (1 records), 0 kept');
    expect(first.code).toBe(0);
    for (const [s, n] of [3, 2, 4].entries()) expected[s]! += n;
    expect(await settle(expected, 5_000)).toEqual(expected);
    expect(deadLetters()).toEqual([]);

    // The same dead letter again: read back and delivered, nothing counted twice.
    appendFileSync(deadLetterFile(), `${letter}\n`);
    const second = await replay(['--file', deadLetterFile()]);
    expect(second.stdout).toContain('dead letters: 1 replayed (1 records), 0 kept');
    await new Promise((done) => setTimeout(done, 1500));
    expect(await occurrences()).toEqual(expected);
  }, 120_000);

  it('replays from the queue, deleting only the messages whose range was replayed', async () => {
    expect(letter).not.toBe('');
    const gone = JSON.parse(letter) as { KinesisBatchInfo: Record<string, unknown> };
    gone.KinesisBatchInfo['shardId'] = 'shardId-000000000042';
    const queue = new FakeSqs([
      { id: 'counted-already', body: letter },
      { id: 'no-such-shard', body: JSON.stringify(gone) },
      { id: 'not-a-record', body: 'hello' },
    ]);
    const endpoint = await queue.start();
    try {
      const queueUrl = `${endpoint}/000000000000/logsift-CountDeadLetterQueue`;
      const run = await replay(['--queue', queueUrl], { AWS_ENDPOINT_URL_SQS: endpoint });
      expect(run.stdout).toContain('dead letters: 1 replayed (1 records), 2 kept');
      expect(run.stdout).toMatch(/shardId-000000000042 \d+\.\.\d+: not replayed/);
      expect(run.code).toBe(2);
      expect(queue.deleted).toEqual(['counted-already']);
      expect(queue.calls.every((call) => call.queueUrl === queueUrl)).toBe(true);
      expect(queue.calls.map((call) => call.target)).toContain('AmazonSQS.DeleteMessage');
      // Signed as SQS expects it (SigV4, service sqs), not sent anonymously.
      expect(queue.calls[0]!.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/us-east-1\/sqs\/aws4_request, SignedHeaders=\S*x-amz-target/,
      );
    } finally {
      await queue.stop();
    }
    // Replaying what was counted changed nothing.
    expect(await occurrences()).toEqual(expected);
  }, 60_000);
});

interface Message {
  id: string;
  body: string;
  inFlight?: boolean;
}

/** SQS's two JSON-protocol calls the replay makes (as @aws-sdk/client-sqs sends them), with a visibility timeout as long as the run. */
class FakeSqs {
  readonly deleted: string[] = [];
  readonly calls: { target: string; queueUrl: unknown; authorization: string }[] = [];
  private server: Server | undefined;

  constructor(private readonly messages: Message[]) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      req.on('end', () => {
        const target = String(req.headers['x-amz-target'] ?? '');
        const input = JSON.parse(text) as Record<string, unknown>;
        this.calls.push({
          target,
          queueUrl: input['QueueUrl'],
          authorization: String(req.headers.authorization),
        });
        res.setHeader('content-type', 'application/x-amz-json-1.0');
        if (target === 'AmazonSQS.ReceiveMessage') {
          const batch = this.messages
            .filter((m) => !m.inFlight)
            .slice(0, Number(input['MaxNumberOfMessages']));
          for (const m of batch) m.inFlight = true;
          res.end(
            JSON.stringify({
              // SQS answers each body's MD5, which the SDK checks.
              Messages: batch.map((m) => ({
                MessageId: m.id,
                ReceiptHandle: `rh-${m.id}`,
                Body: m.body,
                MD5OfBody: createHash('md5').update(m.body).digest('hex'),
              })),
            }),
          );
        } else if (target === 'AmazonSQS.DeleteMessage') {
          this.deleted.push(String(input['ReceiptHandle']).replace(/^rh-/, ''));
          res.end('{}');
        } else {
          res.statusCode = 400;
          res.end(JSON.stringify({ __type: 'com.amazonaws.sqs#InvalidAction', message: target }));
        }
      });
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}
