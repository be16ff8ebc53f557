/**
 * Bursts from cold, as a new user's log shippers make them: `npm start` on a
 * fresh data directory, then 64 clients at once posting 1,000 small failure
 * logs, then 100 PATCHes of one issue at once. Every answer is classified:
 * a 2xx must mean stored (each log is fetched back byte for byte) and counted
 * once (each report's occurrences are checked against the answers); anything
 * else must be a 503/429 with Retry-After in the service's error shape. No
 * answer may be a success carrying an error, a stack trace or an internal path.
 */
import { type NpmStart, npmStart } from '../helpers/npm-start.ts';

const CLIENTS = 64;
const LOGS = 1_000;
const PATCHES = 100;

let service: NpmStart;
beforeAll(async () => {
  service = await npmStart();
}, 120_000);
afterAll(async () => {
  await service?.stop();
}, 60_000);

/** Twelve distinct failures; every log of one kind differs in its ids, times and numbers. */
const KINDS: Array<(n: number) => string> = [
  (n) =>
    `2026-12-01T10:00:${String(n % 60).padStart(2, '0')}Z INFO request ${n} started\n2026-12-01T10:00:01Z ERROR db: connection refused to 10.0.${n % 250}.7:5432 after ${n} ms\n`,
  (n) => `2026-12-01 10:00:00 WARN cache miss storm: ${n} misses in 10s\n`,
  (n) => `[${n}] ERROR PaymentService charge failed for order ${n}: card_declined\n`,
  (n) =>
    `Traceback (most recent call last):\n  File "/srv/app/jobs.py", line ${n % 90}, in run\n    handle(job)\n  File "/srv/app/jobs.py", line 12, in handle\n    raise KeyError(job_id)\nKeyError: 'job-${n}'\n`,
  (n) =>
    `Exception in thread "worker-${n}" java.lang.IllegalStateException: queue closed\n\tat com.acme.Queue.take(Queue.java:${n % 300})\n\tat com.acme.Worker.run(Worker.java:41)\n`,
  (n) =>
    `TypeError: Cannot read properties of undefined (reading 'id')\n    at render (/app/dist/view.js:${n % 99}:17)\n    at handle (/app/dist/server.js:88:5)\n`,
  (n) => `${n} WARNING disk /var/data is 91% full (${n} MB left)\n`,
  (n) => `2026-12-01 10:00:00,${n % 1000} ERROR [scheduler] job ${n} missed its window by ${n}s\n`,
  (n) =>
    `panic: runtime error: index out of range [${n}] with length ${n % 7}\n\ngoroutine ${n} [running]:\nmain.pick(...)\n\t/src/app/pick.go:14\nmain.main()\n\t/src/app/main.go:9 +0x1d\n`,
  (n) => `ERROR: duplicate key value violates unique constraint "users_email_key" (row ${n})\n`,
  (n) => `${n} FATAL could not bind 0.0.0.0:${8000 + (n % 100)}: address already in use\n`,
  (n) => `warning: deprecated flag --legacy used by build ${n}\n`,
];

interface Sent {
  kind: number;
  body: string;
  status: number;
  text: string;
  retryAfter: string | null;
  json: Record<string, unknown> | null;
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Anything an answer must never carry: a runtime's error fields, a stack, a file path of ours. */
const INTERNAL = /errorMessage|errorType|stackTrace|node_modules|\.ts:\d|\/work\/|at [\w.]+ \(/;

type Verdict = 'stored' | 'retry' | 'lie';

function classify(
  sent: Pick<Sent, 'status' | 'text' | 'retryAfter' | 'json'>,
  stored: (json: Record<string, unknown>) => boolean,
): Verdict {
  if (INTERNAL.test(sent.text)) return 'lie';
  if (sent.status >= 200 && sent.status < 300) {
    return sent.json && !('error' in sent.json) && stored(sent.json) ? 'stored' : 'lie';
  }
  const shaped =
    sent.json !== null &&
    typeof (sent.json['error'] as { code?: unknown } | undefined)?.code === 'string' &&
    typeof (sent.json['error'] as { message?: unknown } | undefined)?.message === 'string';
  if ((sent.status === 503 || sent.status === 429) && sent.retryAfter && shaped) return 'retry';
  return 'lie';
}

const ingested = (json: Record<string, unknown>) =>
  typeof json['logId'] === 'string' && /^\d{9}$/.test(json['logId']) && typeof json['reportId'] === 'string';

describe('a burst from cold on npm start', () => {
  const sent: Sent[] = [];

  beforeAll(async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < LOGS) {
          const n = next++;
          const kind = n % KINDS.length;
          const body = KINDS[kind]!(n);
          const multipart = n % 5 === 0;
          let init: RequestInit;
          if (multipart) {
            const form = new FormData();
            form.append('file', new Blob([body]), `app-${n}.log`);
            init = { method: 'POST', body: form };
          } else {
            init = { method: 'POST', body, headers: { 'content-type': 'text/plain' } };
          }
          const response = await fetch(`${service.url}/logs`, init);
          const text = await response.text();
          sent.push({
            kind,
            body,
            status: response.status,
            text,
            retryAfter: response.headers.get('retry-after'),
            json: parse(text),
          });
        }
      }),
    );
  }, 240_000);

  it('answers every post truthfully: stored, or 503/429 with Retry-After in the error shape', () => {
    const verdicts = sent.map((s) => classify(s, ingested));
    const lies = sent
      .filter((_, i) => verdicts[i] === 'lie')
      .map((s) => `${s.status} ${s.text.slice(0, 200)}`);
    expect(sent).toHaveLength(LOGS);
    expect(lies).toEqual([]);
    // Not a speed test: a burst the machine can take must mostly be taken, or the test proves nothing.
    expect(verdicts.filter((v) => v === 'stored').length).toBeGreaterThanOrEqual(LOGS * 0.9);
  });

  it('gives back every stored log byte for byte', async () => {
    const stored = sent.filter((s) => classify(s, ingested) === 'stored');
    let next = 0;
    const wrong: string[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < stored.length) {
          const s = stored[next++]!;
          const logId = String(s.json!['logId']);
          const response = await fetch(`${service.url}/logs/${logId}`);
          const bytes = Buffer.from(await response.arrayBuffer());
          if (response.status !== 200 || !bytes.equals(Buffer.from(s.body))) wrong.push(logId);
        }
      }),
    );
    expect(wrong).toEqual([]);
  }, 120_000);

  it('counts each stored log once on its report', async () => {
    const byReport = new Map<string, { stored: number; retried: number }>();
    const kindReport = new Map<number, string>();
    for (const s of sent) {
      if (classify(s, ingested) !== 'stored') continue;
      const reportId = String(s.json!['reportId']);
      kindReport.set(s.kind, reportId);
      const entry = byReport.get(reportId) ?? { stored: 0, retried: 0 };
      entry.stored++;
      byReport.set(reportId, entry);
    }
    // Each kind is one failure: its logs must all have found one report.
    expect(byReport.size).toBe(KINDS.length);
    for (const s of sent) {
      if (classify(s, ingested) !== 'retry') continue;
      const reportId = kindReport.get(s.kind);
      if (reportId) byReport.get(reportId)!.retried++;
    }
    const list = await fetch(`${service.url}/?format=json&limit=200`).then(
      (r) => r.json() as Promise<{ reports: Array<{ reportId: string; occurrences: number }> }>,
    );
    const counted = new Map(list.reports.map((r) => [r.reportId, r.occurrences]));
    for (const [reportId, { stored, retried }] of byReport) {
      // A retried answer may have been counted before it ran out of time; a stored one exactly once.
      const occurrences = counted.get(reportId) ?? 0;
      expect({ reportId, ok: occurrences >= stored && occurrences <= stored + retried }).toEqual({
        reportId,
        ok: true,
      });
    }
  });

  it('answers 100 PATCHes of one issue at once truthfully, recording each real change once', async () => {
    const form = new FormData();
    form.append('file', new Blob(['ERROR the burst issue\n']), 'bug.log');
    form.append('summary', 'burst test');
    const filed = await fetch(`${service.url}/issues`, {
      method: 'POST',
      body: form,
      headers: { accept: 'application/json' },
    });
    expect(filed.status).toBe(201);
    const issueId = String(((await filed.json()) as { issueId: string }).issueId);

    const answers = await Promise.all(
      Array.from({ length: PATCHES }, async (_, i) => {
        const response = await fetch(`${service.url}/issues/${issueId}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ new_status: i % 2 === 0 ? 'closed' : 'open' }),
        });
        const text = await response.text();
        return {
          status: response.status,
          text,
          retryAfter: response.headers.get('retry-after'),
          json: parse(text),
        };
      }),
    );
    const lies = answers.filter((a) => {
      if (a.status === 409 && a.json && 'error' in a.json && !INTERNAL.test(a.text)) return false;
      return classify(a, (json) => json['issueId'] === issueId) === 'lie';
    });
    expect(lies.map((a) => `${a.status} ${a.text.slice(0, 200)}`)).toEqual([]);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(PATCHES * 0.9);

    const issue = (await fetch(`${service.url}/issues/${issueId}?format=json`).then((r) => r.json())) as {
      status: string;
      history: Array<{ event: string }>;
    };
    const changes = issue.history.map((h) => h.event).filter((e) => e === 'closed' || e === 'reopened');
    // Each recorded change really changed the status: they alternate, and the last one is the status now.
    for (let i = 1; i < changes.length; i++) expect(changes[i]).not.toBe(changes[i - 1]);
    if (changes.length > 0) expect(issue.status).toBe(changes.at(-1) === 'closed' ? 'Closed' : 'Open');
  }, 120_000);
});
