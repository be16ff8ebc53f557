/**
 * Concurrency and idempotent retries on the real local stack: many submissions
 * at once must make one report with an exact count and distinct, retrievable
 * logs; a bug filed while the same failure streams in ends as one Open issue;
 * an Idempotency-Key makes a retry return the first answer and count nothing.
 *
 * All of them at once, as shippers send them: the local gateway runs a bounded
 * number of invocations and queues the rest, as Lambda's concurrency would.
 */
import { auditStorage } from '../../scripts/load-audit.ts';
import { logForm, request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

/** Every request of a test in flight at once. */
const IN_FLIGHT = 200;
const stack = withStack();

const send = (path: string, init?: RequestInit) => request(stack.url, path, init);
const form = logForm;

/** Runs every task, at most `limit` at a time, answers in task order. */
async function inParallel<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

async function rawLog(logId: string): Promise<Buffer> {
  const response = await fetch(`${stack.url}/logs/${logId}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function expectAuditClean() {
  const audit = await auditStorage({ ...stack, env: stack.env });
  expect(audit.mismatches).toEqual([]);
  expect(audit.pending).toBe(0);
}

describe('parallel submissions', () => {
  it('200 parallel submissions of one log make one report counting 200, with 200 distinct logs byte for byte', async () => {
    const log = Buffer.from(
      '2026-11-28 10:00:00 INFO start\n2026-11-28 10:00:01 ERROR kappa queue overflowed\n',
    );
    const answers = await inParallel(200, IN_FLIGHT, () =>
      send('/logs', { method: 'POST', body: form(log) }),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(199);
    const reportIds = new Set(answers.map((answer) => answer.body['reportId']));
    expect(reportIds.size).toBe(1);
    const logIds = answers.map((answer) => String(answer.body['logId']));
    expect(new Set(logIds).size).toBe(200);
    const counts = answers.map((answer) => Number(answer.body['occurrences'])).sort((a, b) => a - b);
    // A report counted faster than once a second counts on counter items
    // (docs/SCALING.md): an answer then says the stored count plus its own,
    // never more than the total; the report itself reads exactly 200.
    expect(counts[0]).toBe(1);
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(1);
    for (const count of counts) expect(count).toBeLessThanOrEqual(200);

    const reportId = String([...reportIds][0]);
    const report = await send(`/logs/extracted/${reportId}?format=json`);
    expect(report.body['occurrences']).toBe(200);
    const listed = await send('/?format=json&q=kappa');
    expect(listed.body['reports']).toHaveLength(1);

    const bytes = await inParallel(200, IN_FLIGHT, (i) => rawLog(logIds[i]!));
    for (const got of bytes) expect(got.equals(log)).toBe(true);
    await expectAuditClean();
  }, 180_000);

  it('100 parallel distinct logs get 100 distinct ids, each archived byte for byte', async () => {
    const logs = Array.from({ length: 100 }, (_, i) =>
      Buffer.from(`INFO run ${i}\nWARNING lambda cache ${i} is cold\nbinary \u0000${i}\n`),
    );
    const answers = await inParallel(100, IN_FLIGHT, (i) =>
      send('/logs', { method: 'POST', body: form(logs[i]!) }),
    );
    for (const answer of answers) expect([200, 201]).toContain(answer.status);
    const logIds = answers.map((answer) => String(answer.body['logId']));
    expect(new Set(logIds).size).toBe(100);
    const bytes = await inParallel(100, IN_FLIGHT, (i) => rawLog(logIds[i]!));
    bytes.forEach((got, i) => {
      expect(got.equals(logs[i]!)).toBe(true);
    });
    // the numbers are masked: one report counts all 100
    expect(new Set(answers.map((answer) => answer.body['reportId'])).size).toBe(1);
    await expectAuditClean();
  }, 180_000);

  it.each([
    ['first', 0, 'mufirst'],
    ['in the middle', 20, 'mumiddle'],
    ['last', 40, 'mulast'],
  ])(
    'a bug filed %s among 40 racing ingests of its failure ends as one report and one Open issue',
    async (_, at, word) => {
      // (a word without digits: numbers are masked, so `mu0` and `mu20` would be one failure)
      const log = `INFO begin\nERROR ${word} replication lag exceeded\n`;
      const summary = `replication lag (${word})`;
      const answers = await inParallel(41, IN_FLIGHT, (i) =>
        i === at
          ? send('/issues', { method: 'POST', body: form(log, { summary }) })
          : send('/logs', { method: 'POST', body: form(log) }),
      );
      const bug = answers[at]!;
      expect(bug.status).toBe(201);
      for (const [i, answer] of answers.entries()) if (i !== at) expect([200, 201]).toContain(answer.status);
      expect(new Set(answers.map((answer) => answer.body['reportId'])).size).toBe(1);

      const reports = await send(`/?format=json&q=${word}`);
      expect(reports.body['reports']).toHaveLength(1);
      const issues = await send(`/issues?format=json&q=${word}`);
      expect(issues.body['issues']).toHaveLength(1);
      const issue = await send(`/issues/${String(bug.body['issueId'])}?format=json`);
      expect(issue.body).toMatchObject({ status: 'Open', summary, occurrences: 41 });
      expect(issue.body['summaries']).toEqual([]);
      await expectAuditClean();
    },
    120_000,
  );
});

describe('Idempotency-Key', () => {
  const key = (name: string) => ({ 'idempotency-key': `${name}-${Math.random().toString(36).slice(2)}` });

  it('a retry gets the first answer (status, body, Location) and counts nothing twice', async () => {
    const log = 'ERROR nu checksum mismatch\n';
    const headers = key('nu');
    const first = await send('/logs', { method: 'POST', body: form(log), headers });
    expect(first.status).toBe(201);
    // a new multipart boundary, the same request
    const retry = await send('/logs', { method: 'POST', body: form(log), headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const report = await send(`/logs/extracted/${String(first.body['reportId'])}?format=json`);
    expect(report.body['occurrences']).toBe(1);
    // the same key on another route is another key
    const other = await send('/issues', {
      method: 'POST',
      body: form(log, { summary: 'checksums' }),
      headers,
    });
    expect(other.status).toBe(201);
    expect(
      (await send(`/logs/extracted/${String(first.body['reportId'])}?format=json`)).body['occurrences'],
    ).toBe(2);
  });

  it('a bug submission retried files one bug', async () => {
    const headers = key('xi');
    const body = () => form('ERROR xi lock timeout\n', { summary: 'locks time out' });
    const first = await send('/issues', { method: 'POST', body: body(), headers });
    const retry = await send('/issues', { method: 'POST', body: body(), headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const issue = await send(`/issues/${String(first.body['issueId'])}?format=json`);
    expect(issue.body).toMatchObject({ occurrences: 1, summaries: [] });
  });

  it('concurrent duplicates: one runs, the others wait (409 in progress) or replay; one count', async () => {
    const headers = key('omicron');
    const log = 'ERROR omicron leader election lost\n';
    const answers = await inParallel(8, 8, () => send('/logs', { method: 'POST', body: form(log), headers }));
    const ran = answers.filter((answer) => answer.status === 201);
    const waiting = answers.filter((answer) => answer.status === 409);
    expect(ran.length).toBeGreaterThanOrEqual(1);
    expect(ran.length + waiting.length).toBe(8);
    for (const answer of waiting) {
      expect(answer.body['error']).toMatchObject({ code: 'idempotency_in_progress' });
    }
    expect(new Set(ran.map((answer) => answer.body['logId'])).size).toBe(1);
    const reportId = String(ran[0]!.body['reportId']);
    expect((await send(`/logs/extracted/${reportId}?format=json`)).body['occurrences']).toBe(1);
  });

  it('the same key with a different request is 422; a malformed key is 400; neither changes anything', async () => {
    const headers = key('pi');
    const first = await send('/logs', { method: 'POST', body: form('ERROR pi cache stampede\n'), headers });
    expect(first.status).toBe(201);
    const reused = await send('/logs', { method: 'POST', body: form('ERROR pi other thing\n'), headers });
    expect(reused.status).toBe(422);
    expect(reused.body['error']).toMatchObject({ code: 'idempotency_key_reused' });
    for (const bad of ['x'.repeat(256), 'tab\there', 'é']) {
      const answer = await send('/logs', {
        method: 'POST',
        body: form('ERROR pi cache stampede\n'),
        headers: { 'idempotency-key': bad },
      });
      expect(answer.status).toBe(400);
      expect(answer.body['error']).toMatchObject({ code: 'invalid_idempotency_key' });
    }
    expect(
      (await send(`/logs/extracted/${String(first.body['reportId'])}?format=json`)).body['occurrences'],
    ).toBe(1);
    expect((await send('/?format=json&q=other thing')).body['reports']).toEqual([]);
  });
});
