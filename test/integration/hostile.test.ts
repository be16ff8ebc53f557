/**
 * Hostile input against the running stack (issue 13): each finding of the
 * adversarial pass as a test. Every answer must be a 2xx or a clean 4xx, and
 * a 4xx must leave storage as it found it (the load audit's invariants: no
 * pending record, every count equal to the logs that point at its report).
 */
import { auditStorage } from '../../scripts/load-audit.ts';
import { type Answer, logForm, request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const INGEST = 'hostile-ingest-token';
const ADMIN = 'hostile-admin-token';
const stack = withStack({ env: { INGEST_TOKENS: INGEST, ADMIN_TOKENS: ADMIN } });

const SIGNATURE_BYTES = 96 * 1024; // lib/store/budgets.ts
const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function send(path: string, init: RequestInit = {}, token: string | null = ADMIN): Promise<Answer> {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return request(stack.url, path, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
}

const postJson = (path: string, body: unknown, method = 'POST') =>
  send(path, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** A failure no other test shares. */
let unique = 0;
const failure = (word: string) =>
  `start\nERROR ${word} ${'qvwxyz'[unique++ % 6]}unit refused to start\nstop\n`;

async function expectClean() {
  const audit = await auditStorage(stack);
  expect(audit.mismatches).toEqual([]);
  expect(audit.pending).toBe(0);
  return audit;
}

/** Words of letters only (no digits or hex runs to mask), distinct for each n. */
function word(n: number): string {
  let s = '';
  let x = n;
  for (let i = 0; i < 6; i++) {
    s += String.fromCharCode(103 + (x % 20)); // g..z
    x = Math.floor(x / 20) + i * 13;
  }
  return s;
}

/** Multipart bytes with a chosen boundary (fetch's FormData picks its own). */
function multipart(boundary: string, parts: Array<{ name: string; filename?: string; data: string }>) {
  const chunks = parts.map((part) => {
    const file = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    return `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\n\r\n${part.data}\r\n`;
  });
  return {
    body: Buffer.from(`${chunks.join('')}--${boundary}--\r\n`, 'utf8'),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('item sizes (findings 1 and 2)', () => {
  it('counts and answers 2xx a log whose signature is over 400 KB, and its retry too, leaving nothing pending', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) {
      lines.push(`ERROR ${Array.from({ length: 400 }, (_, j) => word(i * 1000 + j + 7)).join(' ')}`);
    }
    const log = `${lines.join('\n')}\n`;
    const first = await send('/logs', { method: 'POST', body: logForm(log) }, INGEST);
    expect(first.status).toBe(201);
    const again = await send('/logs', { method: 'POST', body: logForm(log) }, INGEST);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ reportId: first.body['reportId'], occurrences: 2 });
    const report = await send(`/logs/extracted/${String(first.body['reportId'])}?format=json`);
    const signature = String(report.body['signature']);
    expect(utf8(signature)).toBeGreaterThan(1000);
    expect(utf8(signature)).toBeLessThanOrEqual(SIGNATURE_BYTES);
    const raw = await fetch(`${stack.url}/logs/${String(again.body['logId'])}`, {
      headers: { accept: 'text/plain' },
    });
    expect((await raw.text()) === log).toBe(true);
    await expectClean();
  }, 60_000);

  it('measures a CJK signature in UTF-8 bytes (what AWS counts), not UTF-16 units (what dynalite counts)', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) {
      let text = '';
      for (let j = 0; j < 1560; j++) text += String.fromCharCode(0x4e00 + ((i * 1560 + j * 7) % 20000));
      lines.push(`ERROR ${text}`);
    }
    const log = `${lines.join('\n')}\n`;
    expect(utf8(log)).toBeGreaterThan(1_400_000);
    const answer = await send('/logs', { method: 'POST', body: logForm(log) }, INGEST);
    expect(answer.status).toBe(201);
    const report = await send(`/logs/extracted/${String(answer.body['reportId'])}?format=json`);
    const signature = String(report.body['signature']);
    expect(utf8(signature)).toBeLessThanOrEqual(SIGNATURE_BYTES);
    // a UTF-16 count would have kept more: the stored copy was cut by bytes
    expect(signature.length).toBeLessThan(SIGNATURE_BYTES / 2);
    expect(signature).not.toContain('\uFFFD');
    await expectClean();
  }, 60_000);

  it('bounds further summaries by bytes: 2,000 four-byte characters each fill the issue after a few', async () => {
    const filed = await send('/issues', {
      method: 'POST',
      body: logForm(failure('summarybytes'), { summary: 'first' }),
    });
    expect(filed.status).toBe(201);
    const reportId = String(filed.body['reportId']);
    const big = '😀'.repeat(2000);
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await postJson('/issues', { reportId, summary: big })).status);
    const accepted = answers.filter((status) => status === 201).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(12);
    expect(answers.slice(accepted).every((status) => status === 409)).toBe(true);
    // still a working issue: it closes and reopens
    const issue = `/issues/${String(filed.body['issueId'])}`;
    expect((await postJson(issue, { new_status: 'closed' }, 'PATCH')).status).toBe(200);
    expect((await postJson(issue, { new_status: 'open' }, 'PATCH')).status).toBe(200);
    await expectClean();
  }, 60_000);
});

describe('a 4xx stores nothing (finding 3)', () => {
  it('refuses a bug with a file for a full issue before archiving the log', async () => {
    const log = failure('fullissue');
    const filed = await send('/issues', { method: 'POST', body: logForm(log, { summary: 'first' }) });
    const reportId = String(filed.body['reportId']);
    const big = '😀'.repeat(2000);
    while ((await postJson('/issues', { reportId, summary: big })).status === 201) {}
    const before = await expectClean();
    const occurrences = Number((await send(`/logs/extracted/${reportId}?format=json`)).body['occurrences']);
    const refused = await send('/issues', { method: 'POST', body: logForm(log, { summary: big }) });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/further summaries/);
    const after = await expectClean();
    expect(after.logs).toBe(before.logs);
    expect(Number((await send(`/logs/extracted/${reportId}?format=json`)).body['occurrences'])).toBe(
      occurrences,
    );
  }, 60_000);

  it('answers no false 409 when a DELETE races bug filings', async () => {
    const log = failure('deleterace');
    const statuses: number[] = [];
    for (let round = 0; round < 8; round++) {
      const first = await send('/issues', {
        method: 'POST',
        body: logForm(log, { summary: `round ${round}` }),
      });
      statuses.push(first.status);
      const racing = await Promise.all([
        send(`/issues/${String(first.body['issueId'])}`, { method: 'DELETE' }),
        ...[1, 2, 3].map((n) =>
          send('/issues', { method: 'POST', body: logForm(log, { summary: `round ${round}.${n}` }) }),
        ),
      ]);
      statuses.push(...racing.map((answer) => answer.status));
    }
    expect(statuses.filter((status) => status === 409)).toEqual([]);
    expect(statuses.every((status) => status === 200 || status === 201 || status === 404)).toBe(true);
    await expectClean();
  }, 90_000);
});

describe('cursors (finding 4)', () => {
  it('refuses a cursor of another list, and forged ones, with 400 invalid_cursor and no outage', async () => {
    for (const name of ['cursora', 'cursorb', 'cursorc']) {
      expect(
        (await send('/issues', { method: 'POST', body: logForm(failure(name), { summary: name }) })).status,
      ).toBe(201);
    }
    const page = await send('/issues?status=open&limit=1&format=json');
    const cursor = String(page.body['nextCursor']);
    expect(cursor).not.toBe('null');
    expect((await send(`/issues?status=open&limit=1&cursor=${cursor}`)).status).toBe(200);
    const forged = (key: unknown) =>
      Buffer.from(JSON.stringify({ i: 'issuesByStatus', k: key })).toString('base64url');
    for (const path of [
      `/issues?status=closed&limit=1&cursor=${cursor}`,
      `/?limit=1&cursor=${cursor}`,
      `/issues?status=open&limit=1&cursor=${forged({ pk: '', issueStatusKey: 'Open', issueId: '000001' })}`,
      `/issues?status=open&cursor=${forged({ pk: 'x', issueStatusKey: 'Ghost', issueId: '000001' })}`,
      `/?sort=occurrences&cursor=${forged({ pk: 'x', listKey: 'elsewhere', occurrences: 1e308 })}`,
      `/issues?cursor=${cursor.slice(0, -2)}AA`,
    ]) {
      const answer = await send(path);
      expect({ path, status: answer.status, code: answer.body.error?.code }).toEqual({
        path,
        status: 400,
        code: 'invalid_cursor',
      });
      expect(answer.headers.get('retry-after')).toBeNull();
    }
  }, 60_000);
});

describe('JSON depth (finding 5)', () => {
  const deep = `{"message":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;

  it.each([
    ['application/json', deep],
    ['application/x-ndjson', `{"message":"ok"}\n${deep}\n`],
  ])('answers a %s body nested 20,000 deep with a 400 naming the bound', async (type, body) => {
    const answer = await send('/logs', { method: 'POST', body, headers: { 'content-type': type } }, INGEST);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('json_too_deep');
    expect(answer.body.error?.message).toMatch(/deeper than \d+ levels/);
  });

  it('still reads a record nested a few levels', async () => {
    const record = { message: 'ERROR nested record failed', context: { a: { b: { c: [1, [2, [3]]] } } } };
    const answer = await send(
      '/logs',
      { method: 'POST', body: JSON.stringify(record), headers: { 'content-type': 'application/json' } },
      INGEST,
    );
    expect(answer.status).toBeLessThan(300);
  });
});

describe('summary length (finding 6)', () => {
  it('accepts a 2,000-character summary of four-byte characters over multipart, as over JSON', async () => {
    const summary = '𝄞'.repeat(2000);
    const answer = await send('/issues', {
      method: 'POST',
      body: logForm(failure('multibyte'), { summary }),
    });
    expect(answer.status).toBe(201);
    expect(answer.body['summary']).toBe(summary);
    const tooLong = await send('/issues', {
      method: 'POST',
      body: logForm(failure('multibytelong'), { summary: '𝄞'.repeat(2001) }),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error?.code).toBe('summary_too_long');
  });
});

describe('status writes (finding 7)', () => {
  it('never changes the issue a failure was refiled as when a PATCH of the deleted one interleaves', async () => {
    const log = failure('patchrace');
    for (let round = 0; round < 6; round++) {
      const a = await send('/issues', { method: 'POST', body: logForm(log, { summary: `a${round}` }) });
      const aPath = `/issues/${String(a.body['issueId'])}`;
      const [patched, , b] = await Promise.all([
        postJson(aPath, { new_status: 'closed' }, 'PATCH'),
        send(aPath, { method: 'DELETE' }),
        (async () => {
          await send(aPath, { method: 'DELETE' });
          return send('/issues', { method: 'POST', body: logForm(log, { summary: `b${round}` }) });
        })(),
      ]);
      if (patched.status === 200) expect(patched.body['issueId']).toBe(a.body['issueId']);
      else expect(patched.status).toBe(404);
      const issue = await send(`/issues/${String(b.body['issueId'])}?format=json`);
      if (b.body['issueId'] !== a.body['issueId']) {
        expect(issue.body['status']).toBe('Open');
        const events = (issue.body['history'] as Array<{ event: string }>).map((h) => h.event);
        expect(events).not.toContain('closed');
      }
      await send(`/issues/${String(b.body['issueId'])}`, { method: 'DELETE' });
    }
    await expectClean();
  }, 90_000);
});

describe('idempotency keys (finding 8)', () => {
  it('answers 400 for a form cut off inside its file part, as a log or a bug, and keeps serving', async () => {
    const cut = Buffer.from(
      `--cut\r\nContent-Disposition: form-data; name="file"; filename="a.log"\r\n\r\n${failure('cutoff')}`,
    );
    const headers = { 'content-type': 'multipart/form-data; boundary=cut' };
    for (const path of ['/logs', '/issues']) {
      const answer = await send(path, { method: 'POST', body: cut, headers });
      expect([path, answer.status, answer.body.error?.code]).toEqual([path, 400, 'malformed_body']);
    }
    // the process that read them is still there, and nothing was kept
    expect((await send('/logs', { method: 'POST', body: logForm(failure('after cutoff')) })).status).toBe(
      201,
    );
    await expectClean();
  });

  it('tells apart two bodies that differ only where the old boundary normalisation looked', async () => {
    const text = failure('boundary');
    // body 1's file holds its own boundary mid-line ("--K1"), body 2's the text "--B": the old
    // normalisation mapped every "--<boundary>" to "--B", so both read "x --B y"
    const one = multipart('K1', [{ name: 'file', filename: 'a.log', data: `${text}x --K1 y\n` }]);
    const two = multipart('K2', [{ name: 'file', filename: 'a.log', data: `${text}x --B y\n` }]);
    const key = { 'idempotency-key': `collide-${Date.now()}` };
    const first = await send(
      '/logs',
      { method: 'POST', body: one.body, headers: { 'content-type': one.contentType, ...key } },
      INGEST,
    );
    expect(first.status).toBeLessThan(300);
    const second = await send(
      '/logs',
      { method: 'POST', body: two.body, headers: { 'content-type': two.contentType, ...key } },
      INGEST,
    );
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(422);
    expect(second.body.error?.code).toBe('idempotency_key_reused');
    // the same parts under another boundary are the same request: replayed
    const three = multipart('K3', [{ name: 'file', filename: 'a.log', data: `${text}x --K1 y\n` }]);
    const again = await send(
      '/logs',
      { method: 'POST', body: three.body, headers: { 'content-type': three.contentType, ...key } },
      INGEST,
    );
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body['logId']).toBe(first.body['logId']);
  });

  it("never replays one caller's answer to another", async () => {
    const key = { 'idempotency-key': `scoped-${Date.now()}` };
    const log = failure('scoped');
    const asIngest = await send('/logs', { method: 'POST', body: logForm(log), headers: key }, INGEST);
    expect(asIngest.status).toBe(201);
    const asAdmin = await send('/logs', { method: 'POST', body: logForm(log), headers: key }, ADMIN);
    expect(asAdmin.headers.get('idempotent-replayed')).toBeNull();
    expect(asAdmin.body['logId']).not.toBe(asIngest.body['logId']);
    const replay = await send('/logs', { method: 'POST', body: logForm(log), headers: key }, INGEST);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body['logId']).toBe(asIngest.body['logId']);
  });
});
