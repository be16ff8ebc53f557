/**
 * Secrets an application logged never reach a page or a JSON answer: a corpus
 * of secret formats written for this test is posted as a document and as a
 * stream, and every page and answer that shows the failure is searched for
 * them. The raw archive keeps the bytes as received (GET /logs/{id}, guarded by
 * READ_TOKENS when set).
 */
import { request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const stack = withStack();

const SECRETS = {
  password: 'Tr0ub4dor-and-3',
  bearer: 'eyQx7Lm2Np4Rs6Tv8Wx0Yz3',
  cookie: 'c2Vzc2lvbi1zZWNyZXQ',
  awsKey: 'AKIAQ3EGUXZMJ7CWE4NB',
  card: '4539 1488 0343 6467',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbXkiLCJleHAiOjE3OTYxMTB9.q7Zx0Pp3fQm1Y2tRk8sVb4nW',
};

const log = [
  'INFO boot',
  `ERROR login failed for postgres://app:${SECRETS.password}@db.internal:5432/shop`,
  `ERROR upstream 401 to Authorization: Bearer ${SECRETS.bearer}`,
  `ERROR session rejected: Cookie: sid=${SECRETS.cookie}`,
  `ERROR S3 denied for ${SECRETS.awsKey}`,
  `ERROR payment declined for card ${SECRETS.card}`,
  `ERROR token refused: ${SECRETS.jwt}`,
  '',
].join('\n');

async function everything(reportId: string, issueId: string, logId: string): Promise<string> {
  const pages = await Promise.all(
    [
      `/logs/extracted/${reportId}`,
      `/logs/extracted/${reportId}?format=json`,
      `/issues/${issueId}`,
      `/issues/${issueId}?format=json`,
      '/',
      '/?format=json',
      '/issues?format=json',
      `/logs/${logId}`,
      `/logs/${logId}?format=json`,
    ].map((path) =>
      fetch(`${stack.url}${path}`, {
        headers: { accept: path.includes('json') ? 'application/json' : 'text/html' },
      }).then((r) => r.text()),
    ),
  );
  return pages.join('\n');
}

describe('secrets in logs', () => {
  it('are on no page and in no JSON answer, for a document', async () => {
    const form = new FormData();
    form.append('file', new Blob([log]), 'app.log');
    form.append('summary', 'secrets leak');
    const filed = await request(stack.url, '/issues', { method: 'POST', body: form });
    expect(filed.status).toBe(201);
    const shown = await everything(
      String(filed.body['reportId']),
      String(filed.body['issueId']),
      String(filed.body['logId']),
    );
    for (const [kind, secret] of Object.entries(SECRETS)) {
      expect({ kind, shown: shown.includes(secret) }).toEqual({ kind, shown: false });
    }
    expect(shown).toContain('&lt;redacted&gt;');
    // The archive keeps what was received, for those who may read it.
    const raw = await fetch(`${stack.url}/logs/${String(filed.body['logId'])}?format=text`).then((r) =>
      r.text(),
    );
    expect(raw).toBe(log);
  });

  it('are on no page and in no JSON answer, for a stream record', async () => {
    const record = JSON.stringify({
      level: 'error',
      msg: `login failed password=${SECRETS.password}`,
      err: {
        type: 'AuthError',
        message: `rejected ${SECRETS.jwt}`,
        stack: 'AuthError: rejected\n    at login (/srv/auth.js:9:3)',
      },
    });
    const answer = await request(stack.url, '/logs', {
      method: 'POST',
      body: `${record}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    const report = (answer.body['reports'] as Array<{ reportId: string; issueId: string }>)[0]!;
    const shown = await everything(report.reportId, report.issueId, String(answer.body['logId']));
    expect(shown.includes(SECRETS.password)).toBe(false);
    expect(shown.includes(SECRETS.jwt)).toBe(false);
  });
});
