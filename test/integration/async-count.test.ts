/**
 * COUNT_MODE=async on the real local stack: the API archives, writes the log
 * record and puts the counts on the count stream (kinesalite); the local event
 * source mapping (scripts/local-stream.ts) feeds the consumer
 * (functions/count-consumer.ts). Every 2xx's log is retrievable at once, byte
 * for byte; within a bounded wait every report's occurrences are exactly what
 * was sent — also when a count write fails and its batch is delivered again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { OPENAPI } from '#lib/openapi';
import { request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const faults = mkdtempSync(join(tmpdir(), 'logsift-async-faults-'));
const stack = withStack({
  env: { COUNT_MODE: 'async', LOGSIFT_FAULTS: faults, LOGSIFT_LOCAL_BATCH_WINDOW_S: '0.2' },
});

afterAll(() => rmSync(faults, { recursive: true, force: true }));

/** Failure scenarios written for this test: each its own report, parameters varying per line. */
const SCENARIOS = [
  (i: number) =>
    `2026-11-05T10:00:${String(i % 60).padStart(2, '0')}Z ERROR ledger: posting ${i} rejected: balance frozen`,
  (i: number) =>
    `2026-11-05T10:01:${String(i % 60).padStart(2, '0')}Z ERROR courier: parcel ${i} lost at depot sorting`,
  (i: number) =>
    `2026-11-05T10:02:${String(i % 60).padStart(2, '0')}Z ERROR kiln: firing ${i} aborted: thermocouple open`,
];
const MARKERS = ['balance frozen', 'lost at depot', 'thermocouple open'];

// The answers are checked against the served document's schema of them (as test/integration/openapi.test.ts does for the sync ones).
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword('example');
ajv.addKeyword('components');
ajv.addSchema({ $id: 'logsift', components: { schemas: OPENAPI.components?.schemas } } as object);
const accepted = ajv.compile({ $ref: 'logsift#/components/schemas/Accepted' });
const ingestOrStream = ajv.compile({ $ref: 'logsift#/components/schemas/IngestOrStream' });

function expectDocumented(body: unknown, status: number): void {
  const validate = status === 202 ? accepted : ingestOrStream;
  expect({ status, errors: validate(body) ? [] : validate.errors }).toEqual({ status, errors: [] });
}

interface Sent {
  logId: string;
  body: string;
}

/** A document (raw text) with scenario `s`: one occurrence. */
async function postDocument(s: number, i: number): Promise<Sent> {
  const body = `boot ok\n${SCENARIOS[s]!(i)}\nshutdown\n`;
  const answer = await request(stack.url, '/logs', {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body,
  });
  expect(answer.status).toBe(202);
  expect(answer.body).toMatchObject({ counting: 'pending', type: 'E', failures: 1 });
  expectDocumented(answer.body, 202);
  return { logId: String(answer.body['logId']), body };
}

/** A stream batch (NDJSON) holding `counts[s]` events of each scenario. */
async function postStream(counts: number[], i: number): Promise<Sent> {
  const lines: string[] = [];
  counts.forEach((n, s) => {
    for (let k = 0; k < n; k++)
      lines.push(JSON.stringify({ level: 'error', message: SCENARIOS[s]!(i * 10 + k) }));
  });
  const body = `${lines.join('\n')}\n`;
  const answer = await request(stack.url, '/logs', {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body,
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ counting: 'pending', events: lines.length });
  expectDocumented(answer.body, 200);
  return { logId: String(answer.body['logId']), body };
}

interface Listed {
  reportId: string;
  title: string;
  extract: string;
  occurrences: number;
}

async function occurrencesByScenario(): Promise<number[]> {
  const answer = await request(stack.url, '/?format=json&limit=100');
  const reports = (answer.body['reports'] ?? []) as Listed[];
  return MARKERS.map((marker) =>
    reports
      .filter((report) => report.extract.includes(marker))
      .reduce((sum, report) => sum + report.occurrences, 0),
  );
}

/** Polls until the counts equal `expected` or the wait is over; the last counts seen. */
async function settle(expected: number[], waitMs = 30_000): Promise<number[]> {
  const deadline = Date.now() + waitMs;
  let seen = await occurrencesByScenario();
  while (Date.now() < deadline && JSON.stringify(seen) !== JSON.stringify(expected)) {
    await new Promise((done) => setTimeout(done, 250));
    seen = await occurrencesByScenario();
  }
  return seen;
}

async function expectStored(sent: Sent[]): Promise<void> {
  for (const { logId, body } of sent) {
    const answer = await request(stack.url, `/logs/${logId}`, { headers: { accept: 'text/plain' } });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(body);
  }
}

const expected = [0, 0, 0];

describe('COUNT_MODE=async', () => {
  it('stores every accepted log at once and counts every occurrence exactly within seconds', async () => {
    const clients = 8;
    const perClient = 6;
    const sent: Sent[] = [];
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let r = 0; r < perClient; r++) {
          const i = c * perClient + r;
          if (r % 2 === 0) {
            const s = i % SCENARIOS.length;
            sent.push(await postDocument(s, i));
            expected[s]! += 1;
          } else {
            const counts = [1 + (i % 3), i % 2, 2];
            sent.push(await postStream(counts, i));
            counts.forEach((n, s) => {
              expected[s]! += n;
            });
          }
        }
      }),
    );
    // Retrievable before any count is made: the 2xx means stored.
    await expectStored(sent);
    expect(await settle(expected)).toEqual(expected);
    // And stays exact: nothing counted twice after the stream has drained.
    await new Promise((done) => setTimeout(done, 1500));
    expect(await occurrencesByScenario()).toEqual(expected);
    const answer = await request(stack.url, `/logs/${sent[0]!.logId}`);
    expect(answer.body['reportId']).toMatch(/^\d{9}$/);
  }, 120_000);

  it('takes a protocol route the same way: its own success answer, the counts from the stream', async () => {
    const docs = [SCENARIOS[2]!(501), SCENARIOS[2]!(502), SCENARIOS[0]!(503)];
    const body = `${docs.map((message) => `{"index":{}}\n${JSON.stringify({ level: 'error', message })}`).join('\n')}\n`;
    const answer = await request(stack.url, '/app-logs/_bulk', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(answer.status).toBe(200);
    expect({ errors: answer.body['errors'], items: answer.body['items'] }).toMatchObject({ errors: false });
    expected[2]! += 2;
    expected[0]! += 1;
    expect(await settle(expected)).toEqual(expected);
  }, 60_000);

  it('counts a batch again after a failed count write without counting twice what it had counted', async () => {
    // The next count write on the reports table fails once: its report's
    // records are answered as failed and delivered again, with the others'.
    writeFileSync(join(faults, 'dynamodb.UpdateItem'), JSON.stringify({ target: 'ReportsTable' }));
    const sent = [await postStream([3, 2, 4], 900)];
    for (const [s, n] of [3, 2, 4].entries()) expected[s]! += n;
    await expectStored(sent);
    expect(await settle(expected)).toEqual(expected);
    await new Promise((done) => setTimeout(done, 1500));
    expect(await occurrencesByScenario()).toEqual(expected);
    // The fault was consumed (by the consumer: the API writes no report in this mode).
    expect(stack.output()).toMatch(/not counted/);
  }, 60_000);
});
