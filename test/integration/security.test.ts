/**
 * Hostile and odd input against the running stack: every bad request gets a
 * clear 4xx in the error shape and changes nothing; odd but legitimate logs are
 * archived byte for byte; pages escape what logs and summaries carry and send
 * strict headers; and with tokens configured, the routes ask for them.
 */
import { auditStorage } from '../../scripts/load-audit.ts';
import { type Answer, request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const stack = withStack();

const send = (path: string, init?: RequestInit, base = stack.url) => request(base, path, init);

function form(parts: Record<string, string | Buffer>, file?: string | Buffer): FormData {
  const data = new FormData();
  if (file !== undefined) data.append('file', new Blob([file]), 'app.log');
  for (const [name, value] of Object.entries(parts)) {
    data.append(name, typeof value === 'string' ? value : new Blob([value]));
  }
  return data;
}

/** Nothing an answer may show about the inside. */
function expectNothingInternal(answer: Answer) {
  expect(answer.status).toBeLessThan(500);
  for (const name of Object.values(stack.env).filter((value) => /^logsift-/.test(value))) {
    expect(answer.text).not.toContain(name);
  }
  expect(answer.text).not.toMatch(/Exception|\n\s+at |\/work\/|node_modules|\.ts:\d|errorMessage|stackTrace/);
}

function expectClientError(answer: Answer, status: number | number[], code?: string) {
  expectNothingInternal(answer);
  expect(Array.isArray(status) ? status : [status]).toContain(answer.status);
  expect(answer.body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
  if (code) expect(answer.body.error?.code).toBe(code);
}

/** What a bad request must not change: every log record and every report's count and status. */
async function snapshot() {
  const audit = await auditStorage({ ...stack, env: stack.env });
  const issues = await send('/?format=json&limit=200');
  return {
    logs: audit.logs,
    reports: (issues.body['reports'] as Array<Record<string, unknown>>).map((report) => ({
      id: report['reportId'],
      occurrences: report['occurrences'],
      status: report['status'],
    })),
  };
}

let reportId: string;
let issueId: string;

beforeAll(async () => {
  const log = await send('/logs', { method: 'POST', body: form({}, 'ERROR sigma baseline failure\n') });
  expect({ status: log.status, body: log.body }).toEqual({
    status: 201,
    body: expect.objectContaining({ reportId: expect.any(String) }),
  });
  reportId = String(log.body['reportId']);
  issueId = String(log.body['issueId']);
  const bug = await send('/issues', { method: 'POST', body: form({ reportId, summary: 'baseline' }) });
  expect({ status: bug.status, body: bug.body }).toEqual({ status: 201, body: expect.anything() });
}, 60_000);

const json = (body: string) => ({ body, headers: { 'content-type': 'application/json' } });

const BAD_REQUESTS: Array<[string, string, RequestInit | (() => RequestInit), number | number[], string?]> = [
  ['POST /logs with no body', '/logs', { method: 'POST' }, [400, 415]],
  [
    'POST /logs with an empty text body',
    '/logs',
    { method: 'POST', body: '', headers: { 'content-type': 'text/plain' } },
    400,
  ],
  [
    'POST /logs as XML',
    '/logs',
    { method: 'POST', body: '<log/>', headers: { 'content-type': 'application/xml' } },
    415,
  ],
  [
    'POST /logs multipart garbage',
    '/logs',
    {
      method: 'POST',
      body: '\u0000\u0001--zz\r\nnot a part',
      headers: { 'content-type': 'multipart/form-data; boundary=zz' },
    },
    400,
  ],
  [
    'POST /logs multipart with no file part',
    '/logs',
    () => ({ method: 'POST', body: form({ other: 'x' }) }),
    400,
  ],
  ['POST /logs with an empty file', '/logs', () => ({ method: 'POST', body: form({}, '') }), 400],
  [
    'POST /logs with a file over MAX_LOG_BYTES',
    '/logs',
    () => ({ method: 'POST', body: form({}, Buffer.alloc(4 * 1024 * 1024 + 1, 'e')) }),
    413,
    'payload_too_large',
  ],
  [
    'POST /logs with a raw body over MAX_LOG_BYTES',
    '/logs',
    {
      method: 'POST',
      body: Buffer.alloc(4 * 1024 * 1024 + 1, 'e'),
      headers: { 'content-type': 'application/octet-stream' },
    },
    413,
    'payload_too_large',
  ],
  [
    'POST /issues without a summary',
    '/issues',
    () => ({ method: 'POST', body: form({}, 'ERROR sigma x\n') }),
    400,
  ],
  [
    'POST /issues with an empty summary',
    '/issues',
    () => ({ method: 'POST', body: form({ summary: '  ' }, 'ERROR sigma x\n') }),
    400,
  ],
  [
    'POST /issues with a 2,001-character summary',
    '/issues',
    () => ({ method: 'POST', body: form({ summary: 's'.repeat(2001) }, 'ERROR sigma x\n') }),
    400,
    'summary_too_long',
  ],
  [
    'POST /issues for an unknown report',
    '/issues',
    () => ({ method: 'POST', body: form({ reportId: '000999999', summary: 'x' }) }),
    404,
  ],
  [
    'POST /issues for a malformed report id',
    '/issues',
    () => ({ method: 'POST', body: form({ reportId: '../1', summary: 'x' }) }),
    400,
  ],
  [
    'POST /issues with a file and a reportId',
    '/issues',
    () => ({ method: 'POST', body: form({ reportId, summary: 'x' }, 'ERROR sigma x\n') }),
    400,
  ],
  [
    'POST /issues with a log without failures',
    '/issues',
    () => ({ method: 'POST', body: form({ summary: 'x' }, 'all fine\n') }),
    422,
  ],
  ['POST /issues with malformed JSON', '/issues', { method: 'POST', ...json('{"summary": ') }, 400],
  [
    'POST /issues with JSON of the wrong shape',
    '/issues',
    { method: 'POST', ...json('["summary", "x"]') },
    400,
  ],
  [
    'POST /issues with a non-string summary',
    '/issues',
    { method: 'POST', ...json('{"summary": 5, "reportId": 1}') },
    400,
  ],
  [
    'PATCH an issue to an unknown status',
    '',
    { method: 'PATCH', ...json('{"new_status":"wontfix"}') },
    400,
    'invalid_status',
  ],
  ['PATCH an issue with no status', '', { method: 'PATCH', ...json('{}') }, 400],
  ['PATCH an issue with malformed JSON', '', { method: 'PATCH', ...json('{new_status: open}') }, 400],
  [
    'PATCH an issue with JSON of the wrong shape',
    '',
    { method: 'PATCH', ...json('{"new_status":["open"]}') },
    400,
  ],
  ['PATCH an unknown issue', '/issues/999999', { method: 'PATCH', ...json('{"new_status":"closed"}') }, 404],
  ['DELETE an unknown issue', '/issues/999999', { method: 'DELETE' }, 404],
];

describe('bad input gets a clear 4xx and changes nothing', () => {
  // every row padded to five: jest takes a missing last argument for a `done` callback
  const rows = BAD_REQUESTS.map(
    ([name, path, init, status, code]) => [name, path, init, status, code ?? ''] as const,
  );
  it.each(rows)('%s', async (_, path, init, status, code) => {
    const before = await snapshot();
    const answer = await send(path || `/issues/${issueId}`, typeof init === 'function' ? init() : init);
    expectClientError(answer, status, code);
    expect(await snapshot()).toEqual(before);
  });

  const BAD_IDS = [
    'abc',
    '-00000001',
    '+00000001',
    '1e5',
    '0000001e2',
    '0x0000001',
    ' 00000001',
    '0000000001',
    '9'.repeat(300),
    '..%2F..%2Fetc%2Fpasswd',
    '%2E%2E%2F000000001',
    '000000001%00',
    '%F0%9F%92%A5',
  ];
  const ROUTES = ['/logs/{id}', '/logs/{id}/datetime', '/logs/extracted/{id}', '/issues/{id}'];

  it.each(ROUTES)('malformed, signed, exponent, over-long and traversal ids on %s', async (route) => {
    const before = await snapshot();
    for (const id of BAD_IDS) {
      const answer = await send(route.replace('{id}', id));
      expectClientError(answer, [400, 404]);
    }
    for (const method of ['PATCH', 'DELETE']) {
      const answer = await send(`/issues/${BAD_IDS[9]}`, { method, ...json('{"new_status":"closed"}') });
      expectClientError(answer, [400, 404]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('multipart without a boundary is a 400', async () => {
    // The handler answers it, in the service's error shape, as on AWS.
    const before = await snapshot();
    const answer = await send('/logs', {
      method: 'POST',
      body: 'garbage',
      headers: { 'content-type': 'multipart/form-data' },
    });
    expectNothingInternal(answer);
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/boundary/i);
    expect(answer.body.error?.code).toEqual(expect.any(String));
    expect(await snapshot()).toEqual(before);
  });

  it('unknown ids are 404', async () => {
    for (const path of [
      '/logs/999999999',
      '/logs/999999999/datetime',
      '/logs/extracted/999999999',
      '/issues/999999',
    ]) {
      expectClientError(await send(path), 404, 'not_found');
    }
  });

  it('unknown routes are 404 and wrong methods 405, in the asker format', async () => {
    for (const path of [
      '/nope',
      '/logs/000000001/raw/x',
      '/issues/000001/history',
      '/.env',
      '/..%2F..%2Fserverless.yml',
    ]) {
      expectClientError(await send(path), 404);
    }
    for (const [method, path] of [
      ['PUT', '/logs'],
      ['DELETE', '/'],
      ['POST', `/issues/${issueId}`],
      ['PUT', `/issues/${issueId}`],
      ['PATCH', '/logs/000000001'],
    ] as const) {
      const answer = await send(path, { method });
      expectClientError(answer, 405);
      expect(answer.headers.get('allow')).toBeTruthy();
    }
    const page = await fetch(`${stack.url}/nope`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('odd but legitimate logs are archived byte for byte', () => {
  const line = Buffer.alloc(1024 * 1024, 'x');
  const ODD: Array<[string, Buffer]> = [
    ['NUL bytes', Buffer.from('ERROR tau\u0000in the middle\u0000\nend\u0000')],
    [
      'invalid UTF-8',
      Buffer.concat([
        Buffer.from('ERROR tau bad bytes '),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80]),
        Buffer.from('\n'),
      ]),
    ],
    ['a 1 MB line', Buffer.concat([Buffer.from('ERROR tau long line '), line, Buffer.from('\n')])],
    ['10^5 tiny lines', Buffer.from(`${'a\n'.repeat(100_000)}ERROR tau at the end\n`)],
    ['no trailing newline and CRLF', Buffer.from('INFO a\r\nERROR tau crlf\r\nlast')],
  ];

  it.each(ODD)(
    '%s, as multipart and as a raw body',
    async (_, bytes) => {
      for (const init of [
        { method: 'POST', body: form({}, bytes) },
        { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' } },
      ]) {
        const answer = await send('/logs', init);
        expect([200, 201]).toContain(answer.status);
        const raw = await fetch(`${stack.url}/logs/${String(answer.body['logId'])}`);
        expect(raw.status).toBe(200);
        expect(Buffer.from(await raw.arrayBuffer()).equals(bytes)).toBe(true);
      }
    },
    60_000,
  );
});

describe('pages escape what logs and summaries carry', () => {
  const script = '<script>alert(1)</script>';
  const quote = '"><img src=x onerror=alert(2)>';
  const link = 'javascript:alert(3)';
  let hostile: { reportId: string; issueId: string; logId: string };

  beforeAll(async () => {
    const log = `INFO a\nERROR upsilon ${script} ${quote} ${link}\n`;
    const answer = await send('/issues', {
      method: 'POST',
      body: form({ summary: `upsilon ${script} ${quote} ${link}` }, log),
    });
    expect(answer.status).toBe(201);
    hostile = {
      reportId: String(answer.body['reportId']),
      issueId: String(answer.body['issueId']),
      logId: String(answer.body['logId']),
    };
  }, 60_000);

  const pages = () => [
    '/',
    '/?q=upsilon',
    `/?q=${encodeURIComponent(script)}`,
    '/issues',
    `/issues?q=${encodeURIComponent(quote)}`,
    `/issues/${hostile.issueId}`,
    `/logs/extracted/${hostile.reportId}`,
    `/issues/new?reportId=${hostile.reportId}`,
    `/logs/${hostile.logId}`,
  ];

  it('escapes <script>, attribute-breaking quotes and javascript: URLs on every page', async () => {
    for (const path of pages()) {
      const response = await fetch(`${stack.url}${path}`, { headers: { accept: 'text/html' } });
      const page = await response.text();
      expect(response.status).toBe(200);
      expect(page).not.toContain('<script');
      expect(page).not.toContain('<img src=x');
      expect(page).not.toMatch(/(href|src|action)\s*=\s*["']?\s*javascript:/i);
      // the pages that show the summary, the extract or the log itself show it escaped
      const detail = !path.startsWith('/issues/new');
      if (detail && [hostile.issueId, hostile.reportId, hostile.logId].some((id) => path.endsWith(id))) {
        expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      }
    }
  });

  it('sends a strict CSP and nosniff with every page', async () => {
    for (const path of pages()) {
      const response = await fetch(`${stack.url}${path}`, { headers: { accept: 'text/html' } });
      await response.arrayBuffer();
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|script-src/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('serves a raw log as text/plain with nosniff, so it never runs as a page', async () => {
    const response = await fetch(`${stack.url}/logs/${hostile.logId}?format=text`, {
      headers: { accept: 'text/html' },
    });
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(await response.text()).toContain(script);
  });
});

describe('with tokens configured', () => {
  const INGEST = 'ingest-token-1';
  const ADMIN = 'admin-token-1';
  const READ = 'read-token-1';
  const as = (token?: string, extra: RequestInit = {}): RequestInit => ({
    ...extra,
    headers: {
      ...((extra.headers as Record<string, string>) ?? {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });

  const guarded = withStack({
    env: { INGEST_TOKENS: `${INGEST},ingest-token-2`, ADMIN_TOKENS: ADMIN, READ_TOKENS: READ },
  });

  const call = (path: string, init: RequestInit) => send(path, init, guarded.url);
  const logBody = () => ({ method: 'POST', body: form({}, 'ERROR phi guarded failure\n') });

  it('POST /logs: 401 without a token, 403 with a wrong or read one, 2xx with ingest or admin', async () => {
    const none = await call('/logs', as(undefined, logBody()));
    expectClientError(none, 401, 'unauthorized');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectClientError(await call('/logs', as('wrong', logBody())), 403, 'forbidden');
    expectClientError(await call('/logs', as(READ, logBody())), 403, 'forbidden');
    expect((await call('/logs', as(INGEST, logBody()))).status).toBe(201);
    expect((await call('/logs', as('ingest-token-2', logBody()))).status).toBe(200);
    expect((await call('/logs', as(ADMIN, logBody()))).status).toBe(200);
  });

  it('filing, changing and deleting need admin', async () => {
    const bug = () => ({ method: 'POST', body: form({ summary: 'phi' }, 'ERROR phi guarded failure\n') });
    expectClientError(await call('/issues', as(undefined, bug())), 401);
    expectClientError(await call('/issues', as(INGEST, bug())), 403);
    const filed = await call('/issues', as(ADMIN, bug()));
    expect(filed.status).toBe(201);
    const id = String(filed.body['issueId']);
    const close = { method: 'PATCH', ...json('{"new_status":"closed"}') };
    expectClientError(await call(`/issues/${id}`, as(undefined, close)), 401);
    expectClientError(await call(`/issues/${id}`, as(INGEST, close)), 403);
    const formClose = { method: 'POST', body: new URLSearchParams({ new_status: 'closed' }) };
    expectClientError(await call(`/issues/${id}/status`, as(INGEST, formClose)), 403);
    expectClientError(await call(`/issues/${id}`, as(READ, { method: 'DELETE' })), 403);
    expect((await call(`/issues/${id}?format=json`, as(READ))).body['status']).toBe('Open');
    expect((await call(`/issues/${id}`, as(ADMIN, close))).status).toBe(200);
    expect((await call(`/issues/${id}`, as(ADMIN, { method: 'DELETE' }))).status).toBe(200);
  });

  it('reads need a read, ingest or admin token when READ_TOKENS is set', async () => {
    const log = await call('/logs', as(INGEST, logBody()));
    const { logId, reportId } = log.body as { logId: string; reportId: string };
    for (const path of ['/', '/issues', `/logs/${logId}`, `/logs/extracted/${reportId}`]) {
      expectClientError(await call(path, as()), 401);
      expectClientError(await call(path, as('nope')), 403);
      for (const token of [READ, INGEST, ADMIN]) expect((await call(path, as(token))).status).toBe(200);
    }
  });

  it('the open stack above ran without tokens', async () => {
    expect((await send('/logs', { method: 'POST', body: form({}, 'ERROR phi open\n') })).status).toBe(201);
  });
});
