/**
 * `npm run test:load`: K concurrent clients mix log ingests, bug submissions,
 * status changes and reads against logsift for T seconds, then an audit
 * recounts every report's occurrences from the log records and compares them
 * with the stored counts.
 *
 *   npm run test:load                          its own fresh local stack
 *   npm run test:load -- --clients 16 --seconds 30
 *   npm run test:load -- --url http://127.0.0.1:5000   a running instance (HTTP-only audit)
 *
 * With its own stack the audit reads the tables and the bucket directly
 * (`auditStorage`, also used by the integration tests): every report's count
 * against its settled and pending log records, its first log and extract, every
 * record's blob. In both modes every log id a client was answered with is read
 * back over HTTP (its bytes, and its report in ?format=json) and each report's
 * growth during the run is compared with the logs the clients sent it. A bug
 * submission to an issue that already keeps all the further summaries it can
 * is refused with a 409; each such refusal is checked against the issue as
 * stored (`auditRefusals`), and the refused logs must count nowhere.
 * Exits non-zero on any mismatch, any 5xx, or any request that got no answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { REPORT_ITEM_BUDGET } from '#lib/store/budgets';
import { itemSize } from '#lib/store/item-size';
import { dynamoClient, type LocalStack, s3Client, startLocalStack } from './local-stack.ts';

// ---------------------------------------------------------------------------
// The storage audit

export interface StorageTarget {
  dynamoEndpoint: string;
  s3Endpoint: string;
  /** LOGSIFT_BUCKET, LOGS_TABLE, REPORTS_TABLE, META_TABLE as the handlers got them. */
  env: Record<string, string>;
}

export interface StorageAudit {
  logs: number;
  reports: number;
  /** Log records whose counting did not finish (reportKey set, reportId not). */
  pending: number;
  /** Every broken invariant, one sentence each. */
  mismatches: string[];
  /**
   * Where the list totals disagree with a recount of the reports. Apart from
   * `mismatches`: a request that dies after its change and before the total's
   * add leaves a total off by one by design (lib/store/dynamo-reports.ts).
   */
  totalsOff: string[];
}

type Item = Record<string, unknown>;

async function scanAll(target: StorageTarget, table: string): Promise<Item[]> {
  const client = dynamoClient(target.dynamoEndpoint);
  const documents = DynamoDBDocumentClient.from(client);
  const items: Item[] = [];
  try {
    let start: ScanCommandOutput['LastEvaluatedKey'];
    do {
      const page = await documents.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return items;
}

/**
 * Reads every log record and report straight from storage and checks:
 * - for every report, settled <= occurrences <= settled + pending, where settled
 *   counts the records that name its reportId and pending those that name only
 *   its key (with no request dying midway, pending is 0 and the count exact); a
 *   stream's record counts, for each report it names, the occurrences it says;
 * - every report has a non-empty extract, its first log's record, and the
 *   aliases its id and issue id are looked up by, and its item is within its
 *   byte budget by DynamoDB's count (UTF-8, lib/store/item-size.ts), whatever
 *   the emulator would have accepted;
 * - every log record's bytes are in the bucket, or inline in its blob item.
 */
export async function auditStorage(target: StorageTarget): Promise<StorageAudit> {
  const env = target.env;
  const [records, items, meta] = await Promise.all([
    scanAll(target, env['LOGS_TABLE']!),
    scanAll(target, env['REPORTS_TABLE']!),
    scanAll(target, env['META_TABLE']!),
  ]);
  // Small bodies are kept in their blob item (INLINE_LOG_BYTES, lib/store/s3-archive.ts).
  const inline = new Set(
    meta
      .filter((item) => item['body'] instanceof Uint8Array)
      .map((item) => String(item['pk']).slice('blob#'.length)),
  );
  const reports = items.filter((item) => typeof item['reportId'] === 'string');
  const aliases = new Map(
    items.filter((item) => typeof item['target'] === 'string').map((item) => [item['pk'], item['target']]),
  );
  const byId = new Map(records.map((record) => [String(record['logId']), record]));
  const settled = new Map<string, number>();
  const pending = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string, n: number) =>
    counts.set(key, (counts.get(key) ?? 0) + n);
  for (const record of records) {
    // A stream's log (unit=event) names every report it counted on, and how many each.
    if (Array.isArray(record['events'])) {
      for (const link of record['events'] as Array<{
        reportKey: string;
        reportId: string | null;
        count: number;
      }>) {
        if (typeof link.reportId === 'string') add(settled, link.reportId, Number(link.count));
        else add(pending, link.reportKey, Number(link.count));
      }
      continue;
    }
    if (typeof record['reportId'] === 'string') {
      settled.set(record['reportId'], (settled.get(record['reportId']) ?? 0) + 1);
    } else if (typeof record['reportKey'] === 'string') {
      pending.set(record['reportKey'], (pending.get(record['reportKey']) ?? 0) + 1);
    }
  }
  // A hot report's occurrences are partly in its counter items (lib/store/counter-shards.ts).
  const counted = new Map<string, Array<{ shard: string; n: number }>>();
  for (const item of items) {
    const match = /^count#(.+)#(\d+)$/.exec(String(item['pk']));
    if (!match) continue;
    const list = counted.get(match[1]!) ?? [];
    list.push({ shard: match[2]!, n: Number(item['n'] ?? 0) });
    counted.set(match[1]!, list);
  }
  const inCounters = (report: Record<string, unknown>) => {
    const folded = (report['folded'] as Record<string, number> | undefined) ?? {};
    return (counted.get(String(report['pk'])) ?? []).reduce(
      (sum, { shard, n }) => sum + Math.max(0, n - (folded[shard] ?? 0)),
      0,
    );
  };
  const mismatches: string[] = [];
  for (const report of reports) {
    const id = String(report['reportId']);
    const occurrences = Number(report['occurrences']) + inCounters(report);
    const low = settled.get(id) ?? 0;
    const high = low + (pending.get(String(report['pk'])) ?? 0);
    if (occurrences < low || occurrences > high) {
      mismatches.push(
        `report ${id} counts ${occurrences} occurrences; its log records say ${low === high ? low : `${low} to ${high}`}`,
      );
    }
    if (!String(report['extract'] ?? '')) mismatches.push(`report ${id} has no extract`);
    const bytes = itemSize(report);
    if (bytes > REPORT_ITEM_BUDGET) {
      mismatches.push(`report ${id}: its item is ${bytes} bytes, over its budget of ${REPORT_ITEM_BUDGET}`);
    }
    const firstLog = typeof report['firstLogId'] === 'string' ? report['firstLogId'] : id;
    if (!byId.has(firstLog)) mismatches.push(`report ${id}: its first log's record is missing`);
    if (aliases.get(`report#${id}`) !== report['pk'])
      mismatches.push(`report ${id}: its id alias is missing`);
    if (aliases.get(`issue#${String(report['issueId'])}`) !== report['pk']) {
      mismatches.push(`report ${id}: the alias of its issue ${String(report['issueId'])} is missing`);
    }
  }
  const s3 = s3Client(target.s3Endpoint);
  try {
    const hashes = [...new Set(records.map((record) => String(record['sha256'])))].filter(
      (sha) => !inline.has(sha),
    );
    await pool(hashes, 8, async (sha) => {
      try {
        // Any generation of the blob (lib/store/s3-archive.ts), or the key from before generations.
        const listed = await s3.send(
          new ListObjectsV2Command({ Bucket: env['LOGSIFT_BUCKET']!, Prefix: `blobs/${sha}.` }),
        );
        if (!listed.KeyCount) throw new Error('missing');
      } catch {
        const ids = records.filter((record) => record['sha256'] === sha).map((record) => record['logId']);
        mismatches.push(`log ${ids.join(', ')}: its bytes (${sha.slice(0, 12)}…) are not in the archive`);
      }
    });
  } finally {
    s3.destroy();
  }
  return {
    logs: records.length,
    reports: reports.length,
    pending: [...pending.values()].reduce((a, b) => a + b, 0),
    mismatches,
    totalsOff: auditTotals(reports, items.find((item) => item['pk'] === 'totals') ?? {}),
  };
}

/** The counters behind the lists' totals against a recount of the reports themselves. */
function auditTotals(reports: Item[], totals: Item): string[] {
  const recount = new Map<string, number>([['reports', reports.length]]);
  for (const report of reports) {
    for (const name of [`type${String(report['type'])}`, `status${String(report['status'])}`]) {
      recount.set(name, (recount.get(name) ?? 0) + 1);
    }
  }
  recount.delete('statusGhost');
  const names = ['reports', 'typeC', 'typeE', 'typeW', 'statusOpen', 'statusClosed'];
  return names
    .filter((name) => Number(totals[name] ?? 0) !== (recount.get(name) ?? 0))
    .map(
      (name) => `total ${name} is ${Number(totals[name] ?? 0)}; the reports say ${recount.get(name) ?? 0}`,
    );
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

// ---------------------------------------------------------------------------
// The load

/** Failure templates: the ids, numbers and times vary, so each repeats as one report. */
const TEMPLATES: Array<(n: number, at: string) => string> = [
  (n, at) =>
    `${at} INFO request ${n} accepted\n${at} ERROR failed to connect to db-${n % 7}:5432: connection refused\n`,
  (n, at) =>
    `${at} INFO worker ${n} up\n${at} WARNING disk usage at ${60 + (n % 40)}% on /var/lib/data-${n}\n${at} INFO ok\n`,
  (n, at) =>
    `${at} ERROR unhandled exception in job ${n}\nTraceback (most recent call last):\n  File "/srv/app/jobs.py", line ${10 + (n % 5)}, in run\n    process(item_${n})\n  File "/srv/app/work.py", line 88, in process\n    raise ValueError("bad item ${n}")\nValueError: bad item ${n}\n`,
  (n, at) =>
    `${at} INFO GET /api/users/${n}\n${at} ERROR timeout after ${1000 + n} ms calling payments (request id ${n.toString(16)})\n`,
  (n, at) =>
    `Exception in thread "main" java.lang.NullPointerException: order ${n}\n\tat com.shop.Cart.total(Cart.java:${40 + (n % 3)})\n\tat com.shop.Main.main(Main.java:12)\n\n${at} INFO exit\n`,
  (n, at) => `${at} INFO all good ${n}\n${at} INFO nothing to see\n`,
];

interface Tally {
  byStatus: Map<string, number>;
  byOp: Map<string, number>;
  latencies: number[];
  failures: string[];
  /** logId -> reportId a client was answered with (null: no failure lines). */
  logs: Map<string, string | null>;
  /** reportId -> logs the clients sent it (ingests and bug submissions). */
  sent: Map<string, number>;
  issues: Set<string>;
  reportsSeen: Set<string>;
  /**
   * A bug template's issues (by the template's index), from its submissions' 201s:
   * usually one, but a template's ids can read as words (`request id fed`) and group apart.
   */
  issuesOfTemplate: Map<number, Set<string>>;
  /** Bug submissions refused because their issue held all the further summaries it keeps, by template. */
  refusedFull: Map<number, string[]>;
}

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
}

async function call(url: string, tally: Tally, op: string, init: RequestInit = {}): Promise<Answer | null> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', ...(init.headers ?? {}) },
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    tally.latencies.push(performance.now() - started);
    let body: Record<string, unknown> | null = null;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = null;
    }
    // A Lambda runtime's crash answer (a 200 carrying errorMessage) would be a lie: counted as a failure
    const crashed = body !== null && 'errorMessage' in body;
    const key = crashed ? `${response.status} (handler crashed)` : String(response.status);
    tally.byStatus.set(key, (tally.byStatus.get(key) ?? 0) + 1);
    tally.byOp.set(op, (tally.byOp.get(op) ?? 0) + 1);
    if (response.status >= 500 || crashed) {
      tally.failures.push(`${op}: ${response.status} ${text.slice(0, 200)}`);
      return null;
    }
    return { status: response.status, body };
  } catch (error) {
    tally.byStatus.set('no answer', (tally.byStatus.get('no answer') ?? 0) + 1);
    tally.failures.push(`${op}: no answer (${(error as Error).message})`);
    return null;
  }
}

function logForm(n: number, extra: Record<string, string> = {}): FormData {
  const template = TEMPLATES[n % TEMPLATES.length]!;
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1_337).toISOString();
  const form = new FormData();
  form.append('file', new Blob([template(n, at)]), `app-${n}.log`);
  for (const [name, value] of Object.entries(extra)) form.append(name, value);
  return form;
}

/** The 409 of a bug submission whose issue keeps no more summaries (lib/service/ingest.ts issueFull). */
const FULL =
  /^this issue already holds (\d+) further summaries$|^this issue's further summaries already fill its \d+ bytes$/;

function errorMessage(body: Record<string, unknown> | null): string {
  const error = body?.['error'] as { message?: unknown } | undefined;
  return typeof error?.message === 'string' ? error.message : '';
}

/**
 * Each template's refusals as full against its issue as stored: refused for
 * holding N further summaries, the issue must hold exactly N; refused for
 * their bytes, it must hold some. A refusal the issue does not bear out is a
 * mismatch (the refused submissions counted nothing: the recount checks that).
 */
async function auditRefusals(base: string, tally: Tally): Promise<string[]> {
  const out: string[] = [];
  for (const [template, messages] of tally.refusedFull) {
    const issueIds = [...(tally.issuesOfTemplate.get(template) ?? [])];
    if (issueIds.length === 0) {
      out.push(`bug template ${template}: refused as full, but no submission of it was filed`);
      continue;
    }
    const held: number[] = [];
    for (const issueId of issueIds) {
      const answer = await fetch(`${base}/issues/${issueId}`, { headers: { accept: 'application/json' } });
      const issue = (await answer.json()) as { summaries?: unknown[] };
      held.push(issue.summaries?.length ?? 0);
    }
    // Each refusal must be borne out by one of the template's issues.
    for (const message of new Set(messages)) {
      const bound = FULL.exec(message)?.[1];
      if (!held.some((n) => (bound !== undefined ? n === Number(bound) : n > 0)))
        out.push(
          `issues ${issueIds.join(', ')}: refused as "${message}", they hold ${held.join(', ')} further summaries`,
        );
    }
  }
  return out;
}

const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];

async function client(base: string, until: number, tally: Tally, counter: { n: number }): Promise<void> {
  while (Date.now() < until) {
    const roll = Math.random();
    const n = counter.n++;
    if (roll < 0.65) {
      const answer = await call(`${base}/logs`, tally, 'ingest', { method: 'POST', body: logForm(n) });
      if (answer && (answer.status === 200 || answer.status === 201) && answer.body) {
        const reportId = (answer.body['reportId'] as string | null) ?? null;
        tally.logs.set(String(answer.body['logId']), reportId);
        if (reportId) {
          tally.sent.set(reportId, (tally.sent.get(reportId) ?? 0) + 1);
          tally.reportsSeen.add(reportId);
        }
      } else if (answer) tally.failures.push(`ingest answered ${answer.status}`);
    } else if (roll < 0.72) {
      // bug submissions: always a failing template (the last one has no failure lines)
      const m = n - (n % TEMPLATES.length) + (n % (TEMPLATES.length - 1));
      const answer = await call(`${base}/issues`, tally, 'bug', {
        method: 'POST',
        body: logForm(m, { summary: `load test bug ${n}` }),
      });
      const template = m % TEMPLATES.length;
      if (answer?.status === 201 && answer.body) {
        const reportId = String(answer.body['reportId']);
        tally.sent.set(reportId, (tally.sent.get(reportId) ?? 0) + 1);
        tally.issues.add(String(answer.body['issueId']));
        const issues = tally.issuesOfTemplate.get(template) ?? new Set<string>();
        tally.issuesOfTemplate.set(template, issues.add(String(answer.body['issueId'])));
        tally.reportsSeen.add(reportId);
      } else if (answer?.status === 409 && FULL.test(errorMessage(answer.body))) {
        // A refusal the issue's bound calls for: checked against the issue after the run.
        tally.refusedFull.set(template, [
          ...(tally.refusedFull.get(template) ?? []),
          errorMessage(answer.body),
        ]);
      } else if (answer) tally.failures.push(`bug submission answered ${answer.status}`);
    } else if (roll < 0.8) {
      const issueId = pick([...tally.issues]);
      if (!issueId) continue;
      const answer = await call(`${base}/issues/${issueId}`, tally, 'status', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ new_status: Math.random() < 0.5 ? 'closed' : 'open' }),
      });
      if (answer && answer.status !== 200) tally.failures.push(`status change answered ${answer.status}`);
    } else {
      const logId = pick([...tally.logs.keys()]);
      const issueId = pick([...tally.issues]);
      const paths = ['/', '/issues', '/issues?status=open', '/?sort=occurrences'];
      if (logId) paths.push(`/logs/${logId}?format=json`);
      if (issueId) paths.push(`/issues/${issueId}`);
      const answer = await call(`${base}${pick(paths)}`, tally, 'read');
      if (answer && answer.status !== 200) tally.failures.push(`read answered ${answer.status}`);
    }
  }
}

async function occurrencesOf(base: string, reportIds: Iterable<string>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await pool([...reportIds], 8, async (id) => {
    const response = await fetch(`${base}/logs/extracted/${id}?format=json`);
    if (response.status === 200) {
      counts.set(id, Number(((await response.json()) as { occurrences: number }).occurrences));
    } else {
      await response.arrayBuffer();
    }
  });
  return counts;
}

/** Every answered log read back: bytes present, and the report it was answered with. */
async function auditAnswers(base: string, tally: Tally): Promise<string[]> {
  const problems: string[] = [];
  await pool([...tally.logs], 8, async ([logId, reportId]) => {
    const meta = await fetch(`${base}/logs/${logId}?format=json`);
    const body = meta.status === 200 ? ((await meta.json()) as { reportId: string | null }) : null;
    if (!body) problems.push(`log ${logId} was answered 2xx but reads ${meta.status}`);
    else if (body.reportId !== reportId) {
      problems.push(`log ${logId} was answered with report ${reportId} but reads ${body.reportId}`);
    }
    const raw = await fetch(`${base}/logs/${logId}`);
    const bytes = Buffer.from(await raw.arrayBuffer());
    if (raw.status !== 200 || bytes.length === 0) problems.push(`log ${logId}: its bytes read ${raw.status}`);
  });
  return problems;
}

/**
 * Sends K of each request kind first, with requests that change nothing, so
 * the run measures the warm service (JIT, connections, id blocks), not start-up.
 */
async function warmUp(base: string, clients: number): Promise<void> {
  const started = Date.now();
  const few = Math.max(1, Math.ceil(clients / 4));
  // [path, request, instances]: most of the mix is ingests, the rest share the remainder
  const probes: Array<[string, RequestInit, number]> = [
    ['/logs', { method: 'POST', body: '', headers: { 'content-type': 'text/plain' } }, clients],
    ['/', {}, few],
    ['/issues', {}, few],
    ['/logs/000000000?format=json', {}, few],
    ['/issues/000000?format=json', {}, few],
    ['/issues', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }, few],
    [
      '/issues/000000',
      { method: 'PATCH', body: '{"new_status":"open"}', headers: { 'content-type': 'application/json' } },
      few,
    ],
  ];
  for (const [path, init, instances] of probes) {
    await Promise.all(
      Array.from({ length: instances }, async () => {
        const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(120_000) });
        await response.arrayBuffer();
      }),
    );
  }
  console.log(
    `warm-up: handler instances started in ${((Date.now() - started) / 1000).toFixed(1)} s (requests that change nothing)`,
  );
}

interface Options {
  url?: string;
  clients: number;
  seconds: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { clients: 8, seconds: 45 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--url' && value) options.url = value.replace(/\/$/, '');
    else if ((flag === '--clients' || flag === '-k') && value) options.clients = Number(value);
    else if ((flag === '--seconds' || flag === '-t') && value) options.seconds = Number(value);
    else throw new Error(`load-audit: unknown argument ${flag} (use --url URL, --clients K, --seconds T)`);
    i++;
  }
  if (!(options.clients >= 1) || !(options.seconds > 0))
    throw new Error('load-audit: K and T must be positive');
  return options;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  let stack: LocalStack | undefined;
  let dataDir: string | undefined;
  if (!options.url) {
    dataDir = mkdtempSync(join(tmpdir(), 'logsift-load-'));
    process.stdout.write('starting a fresh local stack... ');
    stack = await startLocalStack({ port: 0, dataDir, quiet: true });
    console.log(stack.url);
  }
  const base = options.url ?? stack!.url;
  try {
    const tally: Tally = {
      byStatus: new Map(),
      byOp: new Map(),
      latencies: [],
      failures: [],
      logs: new Map(),
      sent: new Map(),
      issues: new Set(),
      reportsSeen: new Set(),
      issuesOfTemplate: new Map(),
      refusedFull: new Map(),
    };
    await warmUp(base, options.clients);
    console.log(`load: ${options.clients} clients for ${options.seconds} s against ${base}`);
    const started = Date.now();
    const until = started + options.seconds * 1000;
    const counter = { n: Math.floor(Math.random() * 1e6) };
    const watch = setInterval(() => {
      const done = [...tally.byStatus.values()].reduce((a, b) => a + b, 0);
      process.stdout.write(`  ${Math.round((Date.now() - started) / 1000)} s: ${done} answers\n`);
    }, 10_000);
    await Promise.all(Array.from({ length: options.clients }, () => client(base, until, tally, counter)));
    clearInterval(watch);
    const elapsed = (Date.now() - started) / 1000;
    const total = [...tally.byStatus.values()].reduce((a, b) => a + b, 0);

    console.log(
      `\nrequests: ${total} in ${elapsed.toFixed(1)} s = ${(total / elapsed).toFixed(1)} requests/s`,
    );
    console.log(
      `latency: p50 ${percentile(tally.latencies, 50).toFixed(0)} ms, p95 ${percentile(tally.latencies, 95).toFixed(0)} ms, max ${percentile(tally.latencies, 100).toFixed(0)} ms`,
    );
    console.log(`answers by status: ${[...tally.byStatus].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    console.log(`by operation: ${[...tally.byOp].map(([k, v]) => `${k} ${v}`).join(', ')}`);

    const mismatches: string[] = [];
    mismatches.push(...(await auditAnswers(base, tally)));
    mismatches.push(...(await auditRefusals(base, tally)));
    const refused = [...tally.refusedFull.values()].reduce((a, b) => a + b.length, 0);
    if (refused > 0)
      console.log(
        `bug submissions refused (409) because their issue held all the summaries it keeps: ${refused}`,
      );
    const after = await occurrencesOf(base, tally.reportsSeen);
    for (const [reportId, sent] of tally.sent) {
      const stored = after.get(reportId) ?? 0;
      // a fresh stack holds only our logs; with --url, earlier ones may be counted too
      if (stack ? stored !== sent : stored < sent) {
        mismatches.push(`report ${reportId}: clients sent ${sent} logs, it counts ${stored}`);
      }
    }
    let storage: StorageAudit | null = null;
    if (stack) {
      storage = await auditStorage(stack);
      mismatches.push(...storage.mismatches, ...storage.totalsOff);
      if (storage.pending > 0) mismatches.push(`${storage.pending} log records were left pending`);
    }
    console.log(
      `audit: ${tally.logs.size} answered logs read back, ${tally.sent.size} reports recounted from the clients' answers` +
        (storage
          ? `, ${storage.reports} reports and ${storage.logs} log records recounted from storage`
          : ''),
    );
    console.log(`mismatches: ${mismatches.length}`);
    for (const line of mismatches.slice(0, 20)) console.log(`  ${line}`);
    const fiveXX = tally.failures.length;
    console.log(`5xx or unanswered or unexpected: ${fiveXX}`);
    for (const line of tally.failures.slice(0, 20)) console.log(`  ${line}`);
    return mismatches.length === 0 && fiveXX === 0 ? 0 : 1;
  } finally {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
