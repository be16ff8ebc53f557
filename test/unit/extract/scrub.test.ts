/**
 * Secrets scrubbed from log text (lib/extract/scrub.ts): a corpus of secret
 * formats written for this test, each of which must vanish, beside text that
 * merely looks like one and must stay.
 */
import { extractBuffer } from '#lib/extract/index';
import { Scrubber, scrubLine, scrubLines } from '#lib/extract/scrub';
import { failuresOf } from '#lib/service/events';

const SECRETS: Array<[string, string, string]> = [
  ['a password in a query string', 'GET /login?user=amy&password=hunter2&next=/ 302', 'hunter2'],
  [
    'a bearer token',
    'upstream answered 401 to Authorization: Bearer 9f8e7d6c5b4a39281706',
    '9f8e7d6c5b4a39281706',
  ],
  [
    'a bearer token without its header',
    'retrying with bearer 9f8e7d6c5b4a39281706aa',
    '9f8e7d6c5b4a39281706aa',
  ],
  [
    'basic credentials',
    'proxy sent Proxy-Authorization: Basic YWxpY2U6d29uZGVybGFuZA==',
    'YWxpY2U6d29uZGVybGFuZA==',
  ],
  ['a cookie', 'request headers: Cookie: session=Zm9vYmFyYmF6cXV4; theme=dark', 'Zm9vYmFyYmF6cXV4'],
  ['a set-cookie', 'Set-Cookie: sid=s%3Aq1w2e3r4t5y6u7i8; Path=/; HttpOnly', 'q1w2e3r4t5y6u7i8'],
  ['a password in a URL', 'could not connect to amqp://orders:Tr0ub4dor&3@mq.internal:5672/', 'Tr0ub4dor'],
  [
    'a JSON secret field',
    '{"level":"error","client_secret":"cs_live_51HxQ2","msg":"oauth failed"}',
    'cs_live_51HxQ2',
  ],
  ['a logfmt token', 'level=error msg="refresh failed" refresh_token=rt-7Hq9Zk2Lm user=amy', 'rt-7Hq9Zk2Lm'],
  ['a YAML-ish password', 'config dump: password: correct-horse-battery', 'correct-horse-battery'],
  ['an AWS access key id', 'S3 PutObject denied for AKIAQ3EGUXZMJ7CWE4NB', 'AKIAQ3EGUXZMJ7CWE4NB'],
  [
    'an AWS secret key',
    'aws_secret_access_key=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',
    'Zq8vR2mXk9LbT4nWc7YpFj3HsD6gA1eQu5oVi0Kx',
  ],
  [
    'a JWT',
    'rejected eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbXkiLCJleHAiOjE3OTYxMTB9.q7Zx0Pp3fQm1Y2tRk8sVb4nWc6dLhJ9a',
    'eyJzdWIiOiJhbXkiLCJleHAiOjE3OTYxMTB9',
  ],
  [
    'a card number with spaces',
    'charge of 12.00 EUR declined for card 4539 1488 0343 6467',
    '4539 1488 0343 6467',
  ],
  ['a card number with dashes', 'payment token for 5500-0055-5555-5559 expired', '5500-0055-5555-5559'],
  [
    'a bare card number after a word naming one',
    'fraud check flagged amex 378282246310005',
    '378282246310005',
  ],
  // Each rule runs only on lines holding what it needs; a URL lets a line past the first tests by its `://`.
  ['a field beside a URL', 'POST https://api.example.com/v1 failed: Secret=k9Xr2mQ7vLp3', 'k9Xr2mQ7vLp3'],
  ['a card beside a URL', 'https://shop.example.com/pay declined 4539-1488-0343-6467', '4539-1488-0343-6467'],
  [
    'a scheme token beside a URL',
    'GET https://x.example.com/ with BASIC YWxpY2U6d29uZGVy',
    'YWxpY2U6d29uZGVy',
  ],
];

describe('scrubbing secrets', () => {
  it.each(SECRETS)('removes %s', (_name, line, secret) => {
    const scrubbed = scrubLine(line);
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toMatch(/<redacted>|<card>/);
  });

  it('redacts a private key block line by line, and nothing after its end', () => {
    const text = [
      'loaded signing key',
      '-----BEGIN EC PRIVATE KEY-----',
      'MHcCAQEEIBnJq2Zr9xq4KcQ0vZs1bM3w',
      'oAoGCCqGSM49AwEHoUQDQgAE7f3q2Lz',
      '-----END EC PRIVATE KEY-----',
      'signer ready',
    ].join('\n');
    const scrubbed = scrubLines(text);
    expect(scrubbed).not.toMatch(/MHcCAQ|oAoGCC/);
    expect(scrubbed.split('\n')).toEqual([
      'loaded signing key',
      '<redacted>',
      '<redacted>',
      '<redacted>',
      '<redacted>',
      'signer ready',
    ]);
  });

  it('keeps what only looks like a secret: messages about tokens, numbers that fail Luhn, ids', () => {
    for (const line of [
      'error validating token: expired',
      'basic validation failed for the order form',
      'Caused by: ConnectException: Token service unavailable',
      'order 4539148803436468 shipped',
      'token count 12 exceeds the limit',
      'user password reset requested for amy',
      'GET /api/v1/items/1234567890123 200',
      // passes Luhn, but no word names a card: an id (one in ten do)
      'order 4539148803436467 shipped',
    ]) {
      expect(scrubLine(line)).toBe(line);
    }
  });

  it('makes two lines that differ only in their secret read the same (a scrubbed value is a parameter)', () => {
    const a = scrubLine('login failed: password=hunter2 for amy');
    const b = scrubLine('login failed: password=letmein99 for amy');
    expect(a).toBe(b);
  });

  it('takes extra field names and patterns from configuration', () => {
    const scrubber = new Scrubber({ fields: ['pin'], patterns: [/\bEMP-\d{6}\b/] });
    expect(scrubber.line('pin=4831 accepted for EMP-204817')).toBe('pin=<redacted> accepted for <redacted>');
  });

  it('stays linear on hostile input', () => {
    const started = performance.now();
    for (const line of [
      `${'a'.repeat(100_000)}`,
      `password=${'x'.repeat(100_000)}`,
      `${'4'.repeat(20_000)}`,
      `${'1 '.repeat(50_000)}`,
      `eyJ${'a'.repeat(50_000)}.eyJ`,
      `Authorization: ${'b '.repeat(50_000)}`,
    ]) {
      scrubLine(line);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('scrubbing in extraction', () => {
  it('keeps secrets out of the extract and the signature, and groups logs that differ only in them', () => {
    const log = (password: string, token: string) =>
      `INFO start\nERROR login to postgres://app:${password}@db.internal:5432/shop failed: Authorization: Bearer ${token}\n`;
    const a = extractBuffer(Buffer.from(log('hunter2', 'tok9f8e7d6c5b4a')));
    const b = extractBuffer(Buffer.from(log('letmein99', 'tok0a1b2c3d4e5f')));
    for (const x of [a, b]) {
      expect(`${x.extract}\n${x.signature}`).not.toMatch(/hunter2|letmein99|tok9f8e|tok0a1b/);
    }
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it('scrubs a stream record before it becomes a report', () => {
    const [failure] = failuresOf([
      {
        severity: 'error',
        severityText: 'error',
        message: 'login failed password=hunter2',
        error: {
          type: 'AuthError',
          message: 'bad api_key=sk_live_123456789',
          stack: 'AuthError: x\n    at login (/app/a.js:1:1)',
        },
        context: {},
        format: 'json',
      },
    ]);
    expect(`${failure?.text}\n${failure?.signature}`).not.toMatch(/hunter2|sk_live_123456789/);
  });
});

describe('scrubbing whatever the spelling', () => {
  it.each([
    ['PassWord=hunter2 rejected', 'hunter2'],
    ['config: API-KEY: k-19af03bd77', 'k-19af03bd77'],
    ['header X-Api-Key=k-19af03bd77 sent', 'k-19af03bd77'],
    ['{"Private-Key": "pk-0a9b8c7d"}', 'pk-0a9b8c7d'],
    ['SECRETACCESSKEY=Zq8vR2mXk9LbT4nWc7Yp', 'Zq8vR2mXk9LbT4nWc7Yp'],
    ['retry with BEARER 9f8e7d6c5b4a39281706', '9f8e7d6c5b4a39281706'],
    ['amex on file: 3782 822463 10005', '3782 822463 10005'],
    ['POSTGRES://app:s3cr3t-pw@db.internal/app', 's3cr3t-pw'],
  ])('%s', (line, secret) => {
    expect(scrubLine(line)).not.toContain(secret);
  });

  it('finds an extra field name in either spelling of its separators', () => {
    const scrubber = new Scrubber({ fields: ['db_pass'] });
    expect(scrubber.line('connect db-pass=xyzzy42 failed')).not.toContain('xyzzy42');
    expect(scrubber.line('connect DB_PASS: "xyzzy42" failed')).not.toContain('xyzzy42');
  });
});
