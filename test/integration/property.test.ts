/**
 * Property-based: random valid and invalid requests thrown at the Lambda
 * handlers of functions/*.ts, called in this process with API Gateway v2
 * events against real emulators (s3rver, dynalite). After each request:
 *   - no 5xx, whatever the input (there is no outage here to excuse one);
 *   - a 4xx changed nothing (no log record, no report);
 * and after each run of requests: every report counts exactly the log records
 * that point at it, and none is left pending (scripts/load-audit.ts).
 */
import { gzipSync } from 'node:zlib';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import fc from 'fast-check';
import { auditStorage } from '../../scripts/load-audit.ts';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

let emulators: TestEmulators;
const handlers: Record<string, Handler> = {};
/** Ids answered so far: reports, filed issues (POST /issues), ghost issues (POST /logs), list cursors. */
const known = {
  reports: [] as string[],
  filed: [] as string[],
  ghosts: [] as string[],
  cursors: [] as string[],
};
const anyIssue = () => [...known.filed, ...known.ghosts];

beforeAll(async () => {
  emulators = await startEmulatorsForTest();
  Object.assign(process.env, {
    ...emulators.resources.env,
    AWS_ENDPOINT_URL_S3: emulators.s3Endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: emulators.dynamoEndpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    LOGSIFT_S3_FORCE_PATH_STYLE: '1',
    CURSOR_SECRET: 'property-test-secret',
  });
  // imported only now: each handler builds its app from the environment at load
  for (const name of [
    'ingest-log',
    'create-issue',
    'patch-issue',
    'delete-issue',
    'get-issue',
    'list-issues',
    'list-reports',
  ]) {
    handlers[name] = ((await import(`../../functions/${name}.ts`)) as { handler: Handler }).handler;
  }
}, 60_000);

afterAll(async () => {
  await emulators?.stop();
});

interface Call {
  fn: string;
  method: string;
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Whether this request may change storage (checked after a 4xx). */
  writes: boolean;
}

function eventOf(call: Call): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${call.method} ${call.path}`,
    rawPath: call.path,
    rawQueryString: new URLSearchParams(call.query ?? {}).toString(),
    headers: { accept: 'application/json', ...(call.headers ?? {}) },
    queryStringParameters: call.query,
    pathParameters: call.params,
    requestContext: { http: { method: call.method, path: call.path } },
    body: (call.body ?? Buffer.alloc(0)).toString('base64'),
    isBase64Encoded: true,
  } as unknown as APIGatewayProxyEventV2;
}

function multipart(fields: Record<string, string>, file: Buffer | null): { body: Buffer; type: string } {
  const boundary = `prop${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.log"\r\n\r\n`),
      file,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

// --- generators ---------------------------------------------------------------

const failureWord = fc.constantFrom('disk', 'socket', 'queue', 'cache', 'parser');
const severity = fc.constantFrom('ERROR', 'WARNING', 'error:', 'Warning');
/** A log: failure lines from a small vocabulary (so reports repeat), noise, or nothing failing. */
const logText = fc
  .record({
    lines: fc.array(fc.tuple(severity, failureWord, fc.nat(99_999)), { maxLength: 4 }),
    noise: fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 3 }),
  })
  .map(({ lines, noise }) =>
    [
      ...noise.map((n) => `info ${n.replace(/error|warning|callstack/gi, '')}`),
      ...lines.map(([s, w, n]) => `${s} ${w} failed after ${n} ms`),
    ].join('\n'),
  );
// long four-byte summaries often, so that issues fill up (by bytes) within a run
const summary = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constant(''), weight: 1 },
  { arbitrary: fc.constant('𝄞'.repeat(2000)), weight: 5 },
  { arbitrary: fc.constant('x'.repeat(2001)), weight: 1 },
);
const idLike = (digits: number) =>
  fc.oneof(
    fc.nat(10 ** digits - 1).map((n) => String(n).padStart(digits, '0')),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('1e308', '-00001', '../etc', '０００００１'),
  );
const pick = (pool: () => string[]) =>
  fc.nat().map((n) => {
    const items = pool();
    return items.length > 0 ? items[n % items.length]! : '000000';
  });
const knownOr = (pool: () => string[], other: fc.Arbitrary<string>) => fc.oneof(other, pick(pool));

const ingest = fc
  .tuple(
    logText,
    fc.constantFrom(
      'multipart',
      'text',
      'ndjson',
      'json',
      'gzip',
      'deep',
      'badtype',
      'badjson',
      'cut',
      'gzipfile',
      'utf16',
    ),
  )
  .map(([log, how]): Call => {
    const call = { fn: 'ingest-log', method: 'POST', path: '/logs', writes: true };
    const text = Buffer.from(log);
    switch (how) {
      case 'multipart': {
        const form = multipart({}, text);
        return { ...call, headers: { 'content-type': form.type }, body: form.body };
      }
      case 'text':
        return { ...call, headers: { 'content-type': 'text/plain' }, body: text };
      case 'ndjson':
        return {
          ...call,
          headers: { 'content-type': 'application/x-ndjson' },
          body: Buffer.from(
            log
              .split('\n')
              .map((message) => JSON.stringify({ message }))
              .join('\n'),
          ),
        };
      case 'json':
        return {
          ...call,
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(JSON.stringify({ message: log })),
        };
      case 'gzip':
        return {
          ...call,
          headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' },
          body: gzipSync(text),
        };
      case 'deep':
        return {
          ...call,
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(`{"message":${'['.repeat(5000)}${']'.repeat(5000)}}`),
        };
      case 'cut': {
        // a form that stops inside its file part or its closing boundary
        const form = multipart({}, text);
        const cut = form.body.subarray(0, Math.max(1, form.body.length - 1 - (text.length % 30)));
        return { ...call, headers: { 'content-type': form.type }, body: cut };
      }
      case 'gzipfile': {
        const form = multipart({}, gzipSync(text));
        return { ...call, headers: { 'content-type': form.type }, body: form.body };
      }
      case 'utf16':
        return {
          ...call,
          headers: { 'content-type': 'text/plain' },
          body: Buffer.from(`\ufeff${log}`, 'utf16le'),
        };
      case 'badtype':
        return { ...call, headers: { 'content-type': 'image/png' }, body: text };
      default:
        return {
          ...call,
          headers: { 'content-type': 'application/x-ndjson' },
          body: Buffer.from(`{"message":\n${log}`),
        };
    }
  });

const fileBug = fc
  .tuple(
    // most bugs are filed with a log of one hot failure, so that its issue fills up
    fc.oneof(
      { arbitrary: logText, weight: 1 },
      { arbitrary: fc.constant('ERROR hot path refused the request\n'), weight: 2 },
    ),
    summary,
    fc.constantFrom(true, true, true, false),
    knownOr(() => known.reports, idLike(9)),
  )
  .map(([log, s, withFile, reportId]) => bugCall(log, s, withFile, reportId));

/** POST /issues: a bug with its log, or against a report by id. */
function bugCall(log: string, summary: string, withFile: boolean, reportId: string): Call {
  const form = withFile ? multipart({ summary }, Buffer.from(log)) : multipart({ summary, reportId }, null);
  return {
    fn: 'create-issue',
    method: 'POST',
    path: '/issues',
    headers: { 'content-type': form.type },
    body: form.body,
    writes: true,
  };
}

/**
 * One run always fills an issue: ten bugs of the hot failure with 8 KB
 * summaries pass the issue's 64 KB of summaries (lib/store/budgets.ts), so the
 * 409 of a full issue is met under the same invariants whatever the random
 * runs did (a random delete of the hot issue can undo their filling).
 */
const fillsAnIssue: Call[] = Array.from({ length: 10 }, () =>
  bugCall('ERROR hot path refused the request\n', '𝄞'.repeat(2000), true, ''),
);

const patch = fc
  .tuple(
    // mostly filed issues, so that real status changes happen; ghosts and malformed ids too
    fc.oneof(
      { arbitrary: pick(() => known.filed), weight: 4 },
      { arbitrary: pick(() => known.ghosts), weight: 1 },
      { arbitrary: idLike(6), weight: 1 },
    ),
    fc.oneof(
      { arbitrary: fc.constantFrom('open', 'closed'), weight: 3 },
      { arbitrary: fc.constantFrom('ghost', 'Open', '', 'x'.repeat(100)), weight: 1 },
    ),
  )
  .map(
    ([issueId, status]): Call => ({
      fn: 'patch-issue',
      method: 'PATCH',
      path: `/issues/${issueId}`,
      params: { issueId },
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ new_status: status })),
      writes: true,
    }),
  );

const remove = knownOr(anyIssue, idLike(6)).map(
  (issueId): Call => ({
    fn: 'delete-issue',
    method: 'DELETE',
    path: `/issues/${issueId}`,
    params: { issueId },
    writes: true,
  }),
);

const forgedCursor = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc
    .record({
      pk: fc.string({ maxLength: 5 }),
      listKey: fc.constantFrom('report', 'x', ''),
      occurrences: fc.constantFrom(1, 1e308, -1),
    })
    .map((k) => Buffer.from(JSON.stringify({ i: 'reportsByOccurrences', k })).toString('base64url')),
  fc.nat().map((n) => (known.cursors.length > 0 ? known.cursors[n % known.cursors.length]! : 'x')),
);

const list = fc
  .tuple(
    fc.constantFrom('list-issues', 'list-reports'),
    fc.record(
      {
        status: fc.constantFrom('open', 'closed', 'all', 'Ghost', ''),
        sort: fc.constantFrom('lastSeen', 'occurrences', 'firstSeen', 'bogus'),
        limit: fc.constantFrom('1', '2', '0', '201', 'x'),
        type: fc.constantFrom('C', 'E', 'W', 'Z'),
        cursor: forgedCursor,
      },
      { requiredKeys: [] },
    ),
  )
  .map(
    ([fn, query]): Call => ({
      fn,
      method: 'GET',
      path: fn === 'list-issues' ? '/issues' : '/',
      query,
      writes: false,
    }),
  );

const read = knownOr(anyIssue, idLike(6)).map(
  (issueId): Call => ({
    fn: 'get-issue',
    method: 'GET',
    path: `/issues/${issueId}`,
    params: { issueId },
    writes: false,
  }),
);

const anyCall = fc.oneof(
  { arbitrary: ingest, weight: 4 },
  { arbitrary: fileBug, weight: 3 },
  { arbitrary: patch, weight: 2 },
  { arbitrary: remove, weight: 1 },
  { arbitrary: list, weight: 2 },
  { arbitrary: read, weight: 1 },
);

// --- invariants ---------------------------------------------------------------

async function itemCount(table: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await emulators.ddb.send(
      new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey: start }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

const snapshot = async () => ({
  logs: await itemCount(emulators.names.logsTable),
  reports: await itemCount(emulators.names.reportsTable),
});

function remember(call: Call, status: number, body: Record<string, unknown>) {
  if (status >= 300) return;
  const add = (pool: string[], value: unknown) => {
    if (typeof value === 'string' && !pool.includes(value)) pool.push(value);
  };
  add(known.reports, body['reportId']);
  if (call.fn === 'create-issue') add(known.filed, body['issueId']);
  if (call.fn === 'ingest-log') add(known.ghosts, body['issueId']);
  add(known.cursors, body['nextCursor']);
  if (call.fn === 'delete-issue') {
    known.filed = known.filed.filter((id) => id !== body['issueId']);
    known.ghosts = known.ghosts.filter((id) => id !== body['issueId']);
  }
}

it('no 5xx, nothing stored by a 4xx, every count equal to its logs, over random requests', async () => {
  const seen = new Map<string, number>();
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(anyCall, { minLength: 1, maxLength: 4 }), async (calls) => {
      runs++;
      for (const call of calls) {
        const before = call.writes ? await snapshot() : null;
        const reply = await handlers[call.fn]!(eventOf(call));
        const status = reply.statusCode ?? 0;
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(String(reply.body)) as Record<string, unknown>;
        } catch {}
        const what = `${call.method} ${call.path} ${JSON.stringify(call.query ?? {})} -> ${status} ${String(reply.body).slice(0, 200)}`;
        if (status >= 500 || status < 200) throw new Error(`5xx or no status: ${what}`);
        if (before && status >= 400) {
          const after = await snapshot();
          if (after.logs !== before.logs || after.reports !== before.reports) {
            throw new Error(
              `a ${status} changed storage (${JSON.stringify(before)} -> ${JSON.stringify(after)}): ${what}`,
            );
          }
        }
        remember(call, status, body);
        const tally = `${call.fn} ${status}`;
        seen.set(tally, (seen.get(tally) ?? 0) + 1);
      }
      const audit = await auditStorage({ ...emulators, env: emulators.resources.env });
      if (audit.mismatches.length > 0 || audit.pending > 0) {
        throw new Error(`audit: ${audit.pending} pending; ${audit.mismatches.join('; ')}`);
      }
    }),
    // a number of runs, not a time budget: on a loaded machine the test takes longer, never covers less
    { numRuns: 120, examples: [[fillsAnIssue]] },
  );
  // the runs covered what they are for: successes, refusals of each kind, a full issue
  expect(runs).toBe(120);
  const tallies = [...seen.keys()];
  for (const expected of [
    'ingest-log 201',
    'ingest-log 400',
    'create-issue 201',
    'create-issue 400',
    'patch-issue 200',
  ]) {
    expect(tallies).toContain(expected);
  }
  expect(tallies.some((tally) => /^(list-issues|list-reports) 400$/.test(tally))).toBe(true);
  expect(tallies).toContain('create-issue 409');
}, 300_000);
