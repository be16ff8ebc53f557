/**
 * Grouping corrections end to end, over real HTTP against the local stack
 * (DynamoDB emulator through the SDK): merging a report into another, the
 * counts that follow the merge, unmerging, the same under parallel posts, and
 * a fingerprint rule configured at start-up.
 */
import { request } from '../helpers/http.ts';
import { startStack, withStack } from '../helpers/stack.ts';

const stack = withStack({
  env: {
    FINGERPRINT_RULES: JSON.stringify([
      { fingerprint: 'object storage unavailable', type: '*BucketUnavailable*' },
    ]),
  },
});

// Two failures a reader would call one: the same outage, seen by two services.
const uploadFailed = (n: number) =>
  `2026-12-01 10:0${n % 10}:00 INFO upload ${n} started\n2026-12-01 10:0${n % 10}:01 ERROR upload ${n} failed: storage backend refused the connection\n`;
const thumbnailFailed = (n: number) =>
  `2026-12-01 10:0${n % 10}:00 WARNING thumbnail ${n} not rendered: storage backend unreachable\n`;

interface Counted {
  reportId: string;
  occurrences: number;
}

async function post(log: string): Promise<Counted> {
  const answer = await request(stack.url, '/logs', {
    method: 'POST',
    body: log,
    headers: { 'content-type': 'text/plain' },
  });
  expect([200, 201]).toContain(answer.status);
  return answer.body as unknown as Counted;
}

async function report(reportId: string) {
  const answer = await request(stack.url, `/logs/extracted/${reportId}`);
  expect(answer.status).toBe(200);
  return answer.body as Record<string, unknown> & { occurrences: number; mergedInto: string | null };
}

const merge = (reportId: string, into: string) =>
  request(stack.url, `/logs/extracted/${reportId}/merge`, {
    method: 'POST',
    body: JSON.stringify({ into }),
    headers: { 'content-type': 'application/json' },
  });
const unmerge = (reportId: string) =>
  request(stack.url, `/logs/extracted/${reportId}/unmerge`, { method: 'POST' });

async function listed(): Promise<{ ids: string[]; total: number }> {
  const answer = await request(stack.url, '/?limit=200');
  const body = answer.body as { reports: Array<{ reportId: string }>; total: number };
  return { ids: body.reports.map((r) => r.reportId), total: body.total };
}

describe('merging reports over HTTP', () => {
  it('counts the merged signature on the kept report until unmerged, then on its own', async () => {
    const kept = await post(uploadFailed(1));
    await post(uploadFailed(2));
    const merged = await post(thumbnailFailed(1));
    expect(merged.reportId).not.toBe(kept.reportId);
    const before = await listed();

    const answer = await merge(merged.reportId, kept.reportId);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      report: { reportId: merged.reportId, mergedInto: kept.reportId, occurrences: 1 },
      kept: { reportId: kept.reportId, occurrences: 3 },
    });
    // Idempotent: the same answer, nothing added.
    expect((await merge(merged.reportId, kept.reportId)).body).toMatchObject({ kept: { occurrences: 3 } });

    const after = await listed();
    expect(after.ids).not.toContain(merged.reportId);
    expect(after.total).toBe(before.total - 1);

    const again = await post(thumbnailFailed(7));
    expect(again).toMatchObject({ reportId: kept.reportId, occurrences: 4 });
    expect((await report(merged.reportId)).occurrences).toBe(1);
    const issue = await request(stack.url, `/issues/${(await report(kept.reportId))['issueId']}`);
    expect((issue.body['history'] as Array<{ event: string }>).map((h) => h.event)).toContain('merged');

    const undone = await unmerge(merged.reportId);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({
      report: { reportId: merged.reportId, mergedInto: null, occurrences: 1 },
      kept: { reportId: kept.reportId, occurrences: 3, mergedFrom: [] },
    });
    const own = await post(thumbnailFailed(8));
    expect(own).toMatchObject({ reportId: merged.reportId, occurrences: 2 });
    expect((await report(kept.reportId)).occurrences).toBe(3);
    expect((await listed()).total).toBe(before.total);

    // Once emptied, the kept report holds no trace of the merge: it can itself be merged the other way.
    const reversed = await merge(kept.reportId, merged.reportId);
    expect(reversed.status).toBe(200);
    expect(reversed.body).toMatchObject({ kept: { reportId: merged.reportId, occurrences: 5 } });
  });

  it('adds a report once when the same merge is sent several times at once', async () => {
    const kept = await post('2026-12-01 10:00:00 ERROR feed 3 not refreshed: upstream answered garbage\n');
    const merged = await post('2026-12-01 10:00:00 ERROR feed 4 not parsed: upstream sent garbage\n');
    await post('2026-12-01 10:00:00 ERROR feed 5 not parsed: upstream sent garbage\n');
    const answers = await Promise.all(Array.from({ length: 6 }, () => merge(merged.reportId, kept.reportId)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const shown = await report(kept.reportId);
    expect(shown).toMatchObject({
      occurrences: 3,
      mergedFrom: [expect.objectContaining({ occurrences: 2 })],
    });
  });

  it('answers bad requests with 4xx in the error shape', async () => {
    const a = await post('2026-12-01 10:00:00 ERROR export 8 aborted: archive volume detached\n');
    expect((await merge(a.reportId, a.reportId)).status).toBe(400);
    expect((await merge(a.reportId, '12')).body.error?.code).toBe('invalid_id');
    expect((await merge(a.reportId, '000999999')).status).toBe(404);
    expect((await merge('000999998', a.reportId)).status).toBe(404);
    const filed = await request(stack.url, '/issues', {
      method: 'POST',
      body: JSON.stringify({ reportId: a.reportId, summary: 'uploads fail' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(filed.status).toBe(201);
    const other = await post('2026-12-01 10:00:00 ERROR cache warm-up aborted: snapshot checksum mismatch\n');
    const refused = await merge(a.reportId, other.reportId);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('merge_has_issue');
    expect(refused.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('ends with exact counts when posts of both signatures race the merge', async () => {
    const kept = await post('2026-12-01 10:00:00 ERROR invoice 1 not sent: mail relay rejected sender\n');
    const merged = await post('2026-12-01 10:00:00 ERROR receipt 1 not sent: smtp relay rejected sender\n');
    const clients = 4;
    const each = 8;
    const answers: Counted[] = [];
    let startMerge: () => void = () => {};
    const mergeStarted = new Promise<void>((go) => {
      startMerge = go;
    });
    // Four clients post one after the other; the merge starts once a few posts have been answered.
    const posting = Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < each; i++) {
        const n = client * each + i;
        const log =
          n % 2 === 0
            ? `2026-12-01 10:00:00 ERROR invoice ${n + 10} not sent: mail relay rejected sender\n`
            : `2026-12-01 10:00:00 ERROR receipt ${n + 10} not sent: smtp relay rejected sender\n`;
        answers.push(await post(log));
        if (answers.length === 6) startMerge();
      }
    });
    const merging = mergeStarted.then(() => merge(merged.reportId, kept.reportId));
    const [, mergeAnswer] = await Promise.all([Promise.all(posting), merging]);
    expect(mergeAnswer.status).toBe(200);
    const total = clients * each;
    expect((await report(kept.reportId)).occurrences).toBe(total + 2);
    // The merged one's count froze at the merge: exactly the posts answered with its id.
    const frozen = (await report(merged.reportId)).occurrences;
    const onMerged = answers.filter((a) => a.reportId === merged.reportId).length;
    expect(frozen).toBe(1 + onMerged);
    // The merge really fell among the posts.
    expect(onMerged).toBeGreaterThan(0);
    expect(onMerged).toBeLessThan(total / 2);
    const totals = (await request(stack.url, '/?limit=1').then((a) => a.body['total'])) as number;
    expect((await listed()).ids.length).toBe(totals);
  }, 60_000);

  it('groups failures a configured fingerprint rule matches, and says which rule', async () => {
    const a = await post(
      'ERROR backup of /srv/data aborted\ncom.acme.store.BucketUnavailableException: bucket eu-1 is read-only\n\tat com.acme.store.Client.put(Client.java:41)\n',
    );
    const b = await post(
      'WARNING thumbnails paused\nacme.storage.BucketUnavailableError: region us-2 down\n  at Uploader.send (uploader.js:9:3)\n',
    );
    expect(b.reportId).toBe(a.reportId);
    const shown = await report(a.reportId);
    expect(shown).toMatchObject({ rule: 'object storage unavailable', occurrences: 2 });
    const page = await request(stack.url, `/logs/extracted/${a.reportId}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toContain('object storage unavailable');
  });
});

describe('a bad FINGERPRINT_RULES', () => {
  it('stops the stack from starting, with the mistake named', async () => {
    await expect(
      startStack({ env: { FINGERPRINT_RULES: '[{"fingerprint":"x","typo":"*"}]' } }),
    ).rejects.toThrow(/FINGERPRINT_RULES\[0\] has an unknown field "typo"/);
  });
});

describe("a merge's tags and per-day counts over HTTP", () => {
  /** One NDJSON record of a failure, as a JSON logger on one host of one service writes it. */
  const record = (msg: string, service: string, host: string) =>
    JSON.stringify({
      level: 'error',
      logger: `${service}.jobs`,
      msg,
      service,
      env: 'production',
      hostname: host,
    });
  const send = async (lines: string[]) => {
    const answer = await request(stack.url, '/logs', {
      method: 'POST',
      body: `${lines.join('\n')}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(answer.status).toBe(200);
    return (answer.body as unknown as { reports: Counted[] }).reports;
  };
  type Panel = {
    tags: Record<string, Array<{ value: string; count: number }>>;
    daily: Record<string, number>;
  };
  const panel = async (reportId: string) => {
    const { tags, daily, occurrences } = (await report(reportId)) as unknown as Panel & {
      occurrences: number;
    };
    return { tags, daily, occurrences };
  };

  it("shows the merged report's tags and days on the kept one, and an unmerge takes them back", async () => {
    const [kept] = await send([
      record('export 4 of ledger failed: archive volume read-only', 'ledger', 'lg-1'),
      record('export 9 of ledger failed: archive volume read-only', 'ledger', 'lg-2'),
    ]);
    const [merged] = await send([
      record('snapshot 31 aborted: archive volume read-only', 'snapshots', 'sn-1'),
      record('snapshot 32 aborted: archive volume read-only', 'snapshots', 'lg-1'),
      record('snapshot 33 aborted: archive volume read-only', 'snapshots', 'sn-1'),
    ]);
    expect(merged!.reportId).not.toBe(kept!.reportId);
    const before = await panel(kept!.reportId);
    const today = Object.keys(before.daily)[0]!;

    expect((await merge(merged!.reportId, kept!.reportId)).status).toBe(200);
    const after = await panel(kept!.reportId);
    expect(after.occurrences).toBe(5);
    expect(after.daily[today]).toBe(5);
    expect(after.tags['service']).toEqual([
      { value: 'snapshots', count: 3 },
      { value: 'ledger', count: 2 },
    ]);
    expect(after.tags['host']).toEqual([
      { value: 'lg-1', count: 2 },
      { value: 'sn-1', count: 2 },
      { value: 'lg-2', count: 1 },
    ]);
    const page = await request(stack.url, `/logs/extracted/${kept!.reportId}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toContain('snapshots');

    expect((await unmerge(merged!.reportId)).status).toBe(200);
    expect(await panel(kept!.reportId)).toEqual(before);
    expect((await panel(merged!.reportId)).tags['service']).toEqual([{ value: 'snapshots', count: 3 }]);
  });
});
