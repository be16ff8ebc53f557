/**
 * End to end: the real local stack (s3rver, dynalite, the local gateway) over
 * real HTTP, including the original manual's curl commands run with curl.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { withStack } from '../helpers/stack.ts';

const run = promisify(execFile);
const stack = withStack();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'logsift-e2e-'));
});

function logFile(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

async function curl(...args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await run('curl', ['-sS', '-w', '\n%{http_code}', ...args]);
  const cut = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) };
}

const post = (
  path: string,
  form: FormData,
  headers: Record<string, string> = { accept: 'application/json' },
) => fetch(`${stack.url}${path}`, { method: 'POST', body: form, headers, redirect: 'manual' });

function logForm(body: string | Buffer, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(body)]), 'app.log');
  for (const [name, value] of Object.entries(extra)) form.append(name, value);
  return form;
}

/** The JSON fields these tests read. */
interface Answer {
  [field: string]: unknown;
  reports: Array<{ reportId: string }>;
  issues: Array<{ issueId: string }>;
  summaries: Array<{ summary: string }>;
  history: Array<{ event: string }>;
}

const getJson = async (path: string) => {
  const response = await fetch(`${stack.url}${path}`, { headers: { accept: 'application/json' } });
  return { status: response.status, body: (await response.json()) as Answer };
};

const VERBS = ['open', 'close', 'bind', 'read', 'write', 'flush', 'parse', 'load'];
const NOUNS = ['socket', 'file', 'port', 'pipe', 'cache', 'queue', 'index', 'table'];
let unique = 0;
/** A log whose failure (a distinct verb and noun) no other test shares. */
const failingLog = (level = 'ERROR') => {
  const n = unique++;
  const failure = `failed to ${VERBS[n % 8]} ${NOUNS[Math.floor(n / 8) % 8]}`;
  return `2026-11-28 10:00:00 INFO starting\n2026-11-28 10:00:01 ${level} ${failure}\n2026-11-28 10:00:02 INFO done\n`;
};

describe('the original manual, with curl', () => {
  it('posts a log, files a bug, closes it', async () => {
    const path = logFile('manual.log', 'boot ok\nERROR: disk quota exceeded on volume data\nshutdown\n');
    const posted = await curl('-X', 'POST', '-F', `file=@${path}`, `${stack.url}/logs`);
    expect(posted.status).toBe(201);
    const log = JSON.parse(posted.body);
    expect(log).toMatchObject({ type: 'E', new: true, occurrences: 1 });
    expect(log.logId).toMatch(/^\d{9}$/);
    expect(log.reportId).toBe(log.logId);
    expect(log.issueId).toMatch(/^\d{6}$/);

    const filed = await curl(
      '-X',
      'POST',
      '-F',
      `file=@${path}`,
      '-F',
      'summary=New builds are toast',
      `${stack.url}/issues`,
    );
    expect(filed.status).toBe(201);
    const issue = JSON.parse(filed.body);
    expect(issue).toMatchObject({
      issueId: log.issueId,
      status: 'Open',
      summary: 'New builds are toast',
      reportId: log.reportId,
      occurrences: 2,
    });

    const closed = await curl(
      '-X',
      'PATCH',
      '-F',
      'new_status=closed',
      `${stack.url}/issues/${issue.issueId}`,
    );
    expect(closed.status).toBe(200);
    expect(JSON.parse(closed.body).status).toBe('Closed');

    const raw = await curl(`${stack.url}/logs/${log.logId}`);
    expect(raw.body).toBe('boot ok\nERROR: disk quota exceeded on volume data\nshutdown\n');
    const extract = await curl(`${stack.url}/logs/extracted/${log.reportId}`);
    expect(extract.body).toContain('ERROR: disk quota exceeded on volume data');
    const datetime = await curl(`${stack.url}/logs/${log.logId}/datetime`);
    expect(new Date(datetime.body.trim()).toISOString()).toBe(datetime.body.trim());
    const page = await curl(`${stack.url}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(log.reportId);
    const closedList = await curl(`${stack.url}/issues?status=closed`);
    expect(closedList.body).toContain(issue.issueId);
  });
});

describe('logs', () => {
  it('counts the same log twice as one report with 2 occurrences and two archived logs', async () => {
    const body = failingLog();
    const first = await post('/logs', logForm(body));
    const second = await post('/logs', logForm(body));
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const a = (await first.json()) as Record<string, unknown>;
    const b = (await second.json()) as Record<string, unknown>;
    expect(b).toMatchObject({ reportId: a['reportId'], new: false, occurrences: 2 });
    expect(b['logId']).not.toBe(a['logId']);
    for (const id of [a['logId'], b['logId']])
      expect(await (await fetch(`${stack.url}/logs/${id}`)).text()).toBe(body);
  });

  it('archives two logs sent at once under two ids, neither overwriting the other', async () => {
    const bodies = ['alpha\nWARNING low disk\n', 'beta\nWARNING low memory\n'];
    const answers = await Promise.all(
      bodies.map((body) => post('/logs', logForm(body)).then((r) => r.json())),
    );
    const ids = answers.map((answer) => (answer as { logId: string }).logId);
    expect(new Set(ids).size).toBe(2);
    for (const [i, id] of ids.entries())
      expect(await (await fetch(`${stack.url}/logs/${id}`)).text()).toBe(bodies[i]);
  });

  it('archives a log with no failure lines and answers a null report', async () => {
    const response = await post('/logs', logForm('all good\nnothing to see\n'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reportId: null, issueId: null, type: null, new: false });
  });

  it('takes a raw text/plain body, as log shippers send', async () => {
    const response = await fetch(`${stack.url}/logs`, {
      method: 'POST',
      body: failingLog('WARNING'),
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ type: 'W', new: true });
  });

  it('reads a gzip-compressed log file as its text, with curl -F and --data-binary alike', async () => {
    const text = failingLog();
    const path = logFile('app.log.1.gz', '');
    writeFileSync(path, gzipSync(text));
    const asFile = await curl('-H', 'accept: application/json', '-F', `file=@${path}`, `${stack.url}/logs`);
    expect(asFile.status).toBe(201);
    const { logId, reportId } = JSON.parse(asFile.body) as { logId: string; reportId: string };
    const asBody = await curl(
      '-H',
      'accept: application/json',
      '--data-binary',
      `@${path}`,
      `${stack.url}/logs`,
    );
    expect(JSON.parse(asBody.body)).toMatchObject({ reportId, occurrences: 2 });
    expect(await (await fetch(`${stack.url}/logs/${logId}`)).text()).toBe(text);
  });

  it('serves a log byte for byte as text/plain that cannot run as a page', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<script>alert(1)</script>\nERROR \u0000 bad\n'),
      Buffer.from([0xff, 0xfe, 0x0a]),
    ]);
    const { logId } = (await (await post('/logs', logForm(bytes))).json()) as { logId: string };
    const response = await fetch(`${stack.url}/logs/${logId}`);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('redirects a browser form post to the report page', async () => {
    const response = await post('/logs', logForm(failingLog()), {
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/logs\/extracted\/\d{9}$/);
  });

  it('redirects GET /logs to the report list', async () => {
    const response = await fetch(`${stack.url}/logs`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
  });

  it('answers a log, report and datetime as JSON on request', async () => {
    const { logId, reportId } = (await (await post('/logs', logForm(failingLog()))).json()) as Record<
      string,
      string
    >;
    expect((await getJson(`/logs/${logId}`)).body).toMatchObject({ logId, reportId });
    expect((await getJson(`/logs/extracted/${reportId}`)).body).toMatchObject({ reportId, occurrences: 1 });
    expect((await getJson(`/logs/${logId}/datetime?format=json`)).body).toMatchObject({ logId, reportId });
    const list = await getJson('/?limit=200');
    expect(list.body['reports'].some((r: { reportId: string }) => r.reportId === reportId)).toBe(true);
  });
});

describe('issues', () => {
  it('upgrades the ghost of a known report when a bug is filed with a matching log', async () => {
    const body = failingLog();
    const log = (await (await post('/logs', logForm(body))).json()) as Record<string, string>;
    const ghost = await getJson(`/issues/${log['issueId']}`);
    expect(ghost.body).toMatchObject({ status: 'Ghost', summary: '' });
    const listed = await getJson('/issues?limit=200');
    expect(listed.body['issues'].some((i: { issueId: string }) => i.issueId === log['issueId'])).toBe(false);

    const filed = await post('/issues', logForm(body, { summary: 'It breaks at night' }));
    expect(filed.status).toBe(201);
    expect(await filed.json()).toMatchObject({
      issueId: log['issueId'],
      status: 'Open',
      summary: 'It breaks at night',
      occurrences: 2,
    });
    const open = await getJson('/issues?status=open&limit=200');
    expect(open.body['issues'].some((i: { issueId: string }) => i.issueId === log['issueId'])).toBe(true);
  });

  it('files a bug against a report id without a file, keeping a later summary beside the first', async () => {
    const log = (await (await post('/logs', logForm(failingLog()))).json()) as Record<string, string>;
    const form = new FormData();
    form.append('reportId', log['reportId']!);
    form.append('summary', 'first words');
    expect((await post('/issues', form)).status).toBe(201);
    const again = new FormData();
    again.append('reportId', log['reportId']!);
    again.append('summary', 'second words');
    const answer = (await (await post('/issues', again)).json()) as Answer;
    expect(answer['summary']).toBe('first words');
    expect(answer.summaries.map((s) => s.summary)).toEqual(['second words']);
  });

  it('creates an Open issue at once for a bug whose failure is new', async () => {
    const filed = await post('/issues', logForm(failingLog(), { summary: 'brand new' }));
    expect(filed.status).toBe(201);
    expect(await filed.json()).toMatchObject({ status: 'Open', summary: 'brand new', occurrences: 1 });
  });

  it('changes status with url-encoded and JSON bodies, and lists by status', async () => {
    const issue = (await (await post('/issues', logForm(failingLog(), { summary: 's' }))).json()) as Record<
      string,
      string
    >;
    const id = issue['issueId'];
    const closed = await fetch(`${stack.url}/issues/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'new_status=closed',
    });
    expect(((await closed.json()) as Record<string, string>)['status']).toBe('Closed');
    const closedList = await getJson('/issues?status=closed&limit=200');
    expect(closedList.body['issues'].some((i: { issueId: string }) => i.issueId === id)).toBe(true);
    const opened = await fetch(`${stack.url}/issues/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ new_status: 'open' }),
    });
    expect(((await opened.json()) as Record<string, string>)['status']).toBe('Open');
    const openList = await getJson('/issues?status=open&limit=200');
    expect(openList.body['issues'].some((i: { issueId: string }) => i.issueId === id)).toBe(true);
  });

  it('reopens a closed issue as regressed when its failure comes back', async () => {
    const body = failingLog();
    const issue = (await (await post('/issues', logForm(body, { summary: 'r' }))).json()) as Record<
      string,
      string
    >;
    await fetch(`${stack.url}/issues/${issue['issueId']}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"new_status":"closed"}',
    });
    await post('/logs', logForm(body));
    const after = await getJson(`/issues/${issue['issueId']}`);
    expect(after.body).toMatchObject({ status: 'Open', regressed: true });
    expect(after.body['history'].map((h: { event: string }) => h.event)).toEqual([
      'created',
      'closed',
      'regressed',
    ]);
  });

  it('deletes the issue and its report but keeps the archived log', async () => {
    const body = failingLog();
    const log = (await (await post('/logs', logForm(body))).json()) as Record<string, string>;
    const deleted = await fetch(`${stack.url}/issues/${log['issueId']}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect((await getJson(`/issues/${log['issueId']}`)).status).toBe(404);
    expect((await getJson(`/logs/extracted/${log['reportId']}`)).status).toBe(404);
    expect(await (await fetch(`${stack.url}/logs/${log['logId']}`)).text()).toBe(body);
    const again = (await (await post('/logs', logForm(body))).json()) as Record<string, unknown>;
    expect(again).toMatchObject({ new: true, occurrences: 1 });
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  const expectError = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(typeof body.error.code).toBe('string');
    expect(body.error.message).not.toMatch(/at .*\.ts:\d+|node_modules|Exception/);
  };

  it('refuses malformed ids with 400 and unknown ones with 404', async () => {
    for (const path of [
      '/logs/42',
      '/logs/abcdefghi',
      '/logs/extracted/1',
      '/logs/12/datetime',
      '/issues/1',
      '/issues/-00001',
    ]) {
      await expectError(await fetch(`${stack.url}${path}`, { headers: { accept: 'application/json' } }), 400);
    }
    for (const path of [
      '/logs/999999999',
      '/logs/extracted/999999999',
      '/logs/999999999/datetime',
      '/issues/999999',
    ]) {
      await expectError(await fetch(`${stack.url}${path}`, { headers: { accept: 'application/json' } }), 404);
    }
  });

  it('refuses a post without a file, without a summary, or with an unknown status', async () => {
    await expectError(await post('/logs', new FormData()), 400);
    await expectError(await post('/issues', logForm(failingLog())), 400);
    const summaryOnly = new FormData();
    summaryOnly.append('summary', 'no log here');
    await expectError(await post('/issues', summaryOnly), 400);
    const issue = (await (await post('/issues', logForm(failingLog(), { summary: 's' }))).json()) as Record<
      string,
      string
    >;
    const form = new FormData();
    form.append('new_status', 'ghost');
    await expectError(
      await fetch(`${stack.url}/issues/${issue['issueId']}`, { method: 'PATCH', body: form }),
      400,
    );
    expect((await getJson(`/issues/${issue['issueId']}`)).body['status']).toBe('Open');
  });

  it('refuses a bug whose log shows no failure, storing nothing', async () => {
    await expectError(await post('/issues', logForm('all fine\n', { summary: 'x' })), 422);
  });

  it('answers 415 for a body that is neither a form nor text', async () => {
    const response = await fetch(`${stack.url}/logs`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'image/png' },
    });
    await expectError(response, 415);
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    await expectError(await fetch(`${stack.url}/nope`, { headers: { accept: 'application/json' } }), 404);
    const wrong = await fetch(`${stack.url}/issues`, {
      method: 'PUT',
      headers: { accept: 'application/json' },
    });
    await expectError(wrong, 405);
  });
});
