import { gzipSync } from 'node:zlib';
import { HttpError } from '#lib/http/errors';
import { readLogBody } from '#lib/http/log-body';
import { decodeEvent } from '#lib/http/request';
import { event, multipart } from './event.ts';

const MAX = 4096;

function post(body: Buffer | string, headers: Record<string, string>, base64 = true) {
  return decodeEvent(event({ method: 'POST', path: '/logs', headers, body, base64 }));
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected an HttpError, got an answer');
}

describe('readLogBody: raw bodies', () => {
  it('keeps a text/plain body byte for byte', async () => {
    const body = Buffer.from([0x45, 0x00, 0xff, 0x0a]);
    expect(await readLogBody(post(body, { 'content-type': 'application/octet-stream' }), MAX)).toEqual(body);
    expect((await readLogBody(post('ERROR x\n', { 'content-type': 'text/plain' }), MAX)).toString()).toBe(
      'ERROR x\n',
    );
  });

  it('answers 413 for a raw body over the bound and 400 for an empty one', async () => {
    expect(
      (await failure(readLogBody(post('x'.repeat(MAX + 1), { 'content-type': 'text/plain' }), MAX))).status,
    ).toBe(413);
    expect((await failure(readLogBody(post('', { 'content-type': 'text/plain' }), MAX))).code).toBe(
      'empty_log',
    );
  });

  it('answers 415 for a missing or unknown media type or encoding', async () => {
    expect((await failure(readLogBody(post('x', {}), MAX))).status).toBe(415);
    expect((await failure(readLogBody(post('x', { 'content-type': 'image/png' }), MAX))).status).toBe(415);
    const br = await failure(
      readLogBody(post('x', { 'content-type': 'text/plain', 'content-encoding': 'br' }), MAX),
    );
    expect([br.status, br.code]).toEqual([415, 'unsupported_encoding']);
  });

  it('still reads the file part of a multipart form', async () => {
    const { body, contentType } = await multipart({ file: { filename: 'a.log', data: 'ERROR y\n' } });
    expect((await readLogBody(post(body, { 'content-type': contentType }), MAX)).toString()).toBe(
      'ERROR y\n',
    );
  });
});

describe('readLogBody: gzip', () => {
  const log = 'INFO start\nERROR disk full\n';

  it('inflates a gzip body of any raw or record type', async () => {
    const gz = gzipSync(log);
    for (const type of ['application/octet-stream', 'text/plain']) {
      const got = await readLogBody(post(gz, { 'content-type': type, 'content-encoding': 'gzip' }), MAX);
      expect(got.toString()).toBe(log);
    }
    const nd = gzipSync('{"message":"ERROR a"}\n{"message":"ERROR b"}\n');
    const lines = await readLogBody(
      post(nd, { 'content-type': 'application/x-ndjson', 'content-encoding': 'x-gzip' }),
      MAX,
    );
    expect(lines.toString()).toBe('ERROR a\nERROR b\n');
  });

  it('inflates concatenated gzip members (what appending shippers send)', async () => {
    const gz = Buffer.concat([gzipSync('ERROR one\n'), gzipSync('ERROR two\n')]);
    const got = await readLogBody(
      post(gz, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }),
      MAX,
    );
    expect(got.toString()).toBe('ERROR one\nERROR two\n');
  });

  it('accepts a body that inflates to exactly the bound and refuses one byte more with 413', async () => {
    const exact = gzipSync(Buffer.alloc(MAX, 'a'));
    const headers = { 'content-type': 'text/plain', 'content-encoding': 'gzip' };
    expect((await readLogBody(post(exact, headers), MAX)).length).toBe(MAX);
    const over = await failure(readLogBody(post(gzipSync(Buffer.alloc(MAX + 1, 'a')), headers), MAX));
    expect([over.status, over.code]).toEqual([413, 'payload_too_large']);
  });

  it('answers 413 for a zip bomb without inflating it', async () => {
    // 64 MiB of zeros is ~64 KB of gzip; the bound stops inflating at 4 KiB.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(MAX * 32);
    const error = await failure(
      readLogBody(
        post(bomb, { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' }),
        MAX,
      ),
    );
    expect(error.status).toBe(413);
  });

  it('answers 400 for bytes that are not gzip', async () => {
    const error = await failure(
      readLogBody(post('plain text', { 'content-type': 'text/plain', 'content-encoding': 'gzip' }), MAX),
    );
    expect([error.status, error.code]).toEqual([400, 'invalid_gzip']);
  });

  it('explains a gzip body a proxy decoded as UTF-8 on its way', async () => {
    const mangled = Buffer.from(gzipSync(log).toString('utf8'), 'utf8');
    const error = await failure(
      readLogBody(post(mangled, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }), MAX),
    );
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/application\/octet-stream/);
  });

  it('reads a gzip-compressed log file as its text: a file part, a raw body, application/gzip', async () => {
    const gz = gzipSync(log);
    const { body, contentType } = await multipart({ file: { filename: 'app.log.1.gz', data: gz } });
    expect((await readLogBody(post(body, { 'content-type': contentType }), MAX)).toString()).toBe(log);
    for (const type of ['application/octet-stream', 'text/plain', 'application/gzip', 'application/x-gzip'])
      expect((await readLogBody(post(gz, { 'content-type': type }), MAX)).toString()).toBe(log);
    // compressed, then sent gzip-encoded as well
    const twice = gzipSync(gz);
    expect(
      (
        await readLogBody(post(twice, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }), MAX)
      ).toString(),
    ).toBe(log);
  });

  it('reads a UTF-16 log (its mark, as PowerShell writes it) as UTF-8, compressed or not', async () => {
    const text = 'PS> .\\deploy.ps1\r\nERROR: Cannot bind to C:\\Ünïcode\\日本\r\n';
    const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le');
    const { body, contentType } = await multipart({ file: { filename: 'deploy.log', data: utf16 } });
    expect((await readLogBody(post(body, { 'content-type': contentType }), MAX)).toString()).toBe(text);
    expect((await readLogBody(post(gzipSync(utf16), { 'content-type': 'text/plain' }), MAX)).toString()).toBe(
      text,
    );
    // the bound holds for the UTF-8 text kept: three bytes for each of these two-byte characters
    const wide = Buffer.from(`\ufeff${'日'.repeat(2000)}`, 'utf16le');
    const over = await failure(readLogBody(post(wide, { 'content-type': 'application/octet-stream' }), MAX));
    expect([over.status, over.code]).toEqual([413, 'payload_too_large']);
  });

  it('reads what a compressed file cut off mid-stream holds so far', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `INFO line ${i} of a log still being written`).join(
      '\n',
    );
    const gz = gzipSync(long);
    const got = (
      await readLogBody(post(gz.subarray(0, gz.length - 40), { 'content-type': 'text/plain' }), 1 << 20)
    ).toString();
    expect(got.length).toBeGreaterThan(0);
    expect(long.startsWith(got)).toBe(true);
  });

  it('refuses a compressed file that does not inflate (400) or inflates past the bound (413)', async () => {
    const corrupt = Buffer.concat([gzipSync(log).subarray(0, 10), Buffer.alloc(40, 0xff)]);
    const bad = await failure(readLogBody(post(corrupt, { 'content-type': 'application/gzip' }), MAX));
    expect([bad.status, bad.code]).toEqual([400, 'invalid_gzip']);
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const { body, contentType } = await multipart({ file: { filename: 'bomb.gz', data: bomb } });
    const big = await failure(readLogBody(post(body, { 'content-type': contentType }), 1024 * 1024));
    expect([big.status, big.code]).toEqual([413, 'payload_too_large']);
    expect(big.message).toMatch(/POST \/logs\/uploads/);
  });

  it('refuses a gzip-encoded multipart form with 415', async () => {
    const { body, contentType } = await multipart({ file: { filename: 'a.log', data: 'ERROR y\n' } });
    const error = await failure(
      readLogBody(post(gzipSync(body), { 'content-type': contentType, 'content-encoding': 'gzip' }), MAX),
    );
    expect(error.status).toBe(415);
  });
});

describe('readLogBody: NDJSON and JSON records', () => {
  const ndjson = { 'content-type': 'application/x-ndjson' };

  it('takes message, log or msg from each record, one line per record, in order', async () => {
    const body = [
      '{"message":"ERROR from vector","host":"a"}',
      '',
      '{"log":"WARNING from fluent bit\\n","stream":"stderr"}',
      '{"msg":"ERROR from pino","level":50}',
    ].join('\n');
    const got = await readLogBody(post(body, ndjson), MAX);
    expect(got.toString()).toBe('ERROR from vector\nWARNING from fluent bit\nERROR from pino\n');
  });

  it('keeps a multi-line message (a stack trace) as several lines', async () => {
    const record = { message: 'Traceback (most recent call last):\n  File "a.py", line 1\nValueError: x' };
    const got = await readLogBody(post(`${JSON.stringify(record)}\n`, ndjson), MAX);
    expect(got.toString()).toBe(`${record.message}\n`);
  });

  it('keeps a record without a message field whole, as JSON', async () => {
    const got = await readLogBody(post('{"level":"error","text":"boom"}\n', ndjson), MAX);
    expect(got.toString()).toBe('{"level":"error","text":"boom"}\n');
  });

  it('answers 400 naming the first line that is not a JSON object', async () => {
    const body = '{"message":"ok"}\n{"message":"ok"}\nnot json at all\n';
    const error = await failure(readLogBody(post(body, ndjson), MAX));
    expect([error.status, error.code]).toEqual([400, 'invalid_ndjson']);
    expect(error.message).toMatch(/^line 3 /);
    const scalar = await failure(readLogBody(post('{"message":"ok"}\n42\n', ndjson), MAX));
    expect(scalar.message).toMatch(/^line 2 is not a JSON object/);
  });

  it('answers 400 for NDJSON with no records at all', async () => {
    expect((await failure(readLogBody(post('\n\n', ndjson), MAX))).code).toBe('empty_log');
  });

  it('reads application/json as an array of records, one record, or JSON lines', async () => {
    const json = { 'content-type': 'application/json' };
    const array = '[{"log":"ERROR one","date":1.5},{"log":"ERROR two"}]';
    expect((await readLogBody(post(array, json), MAX)).toString()).toBe('ERROR one\nERROR two\n');
    expect((await readLogBody(post('{\n  "message": "ERROR solo"\n}', json), MAX)).toString()).toBe(
      'ERROR solo\n',
    );
    expect((await readLogBody(post('{"msg":"a"}\n{"msg":"b"}\n', json), MAX)).toString()).toBe('a\nb\n');
    expect((await failure(readLogBody(post('[1]', json), MAX))).message).toMatch(
      /record 1 is not a JSON object/,
    );
  });
});

describe('readLogBody: JSON nesting bound', () => {
  /** A record whose message is arrays nested `depth` deep (it is kept as JSON text). */
  const nested = (depth: number) => `{"message":${'['.repeat(depth)}${']'.repeat(depth)}}`;

  it('answers a body nested 20,000 deep with a 400 naming the bound, in JSON and NDJSON', async () => {
    const deep = nested(20_000);
    for (const [type, body] of [
      ['application/json', deep],
      ['application/x-ndjson', `{"message":"ok"}\n${deep}\n`],
    ] as const) {
      const error = await failure(readLogBody(post(body, { 'content-type': type }), 1024 * 1024));
      expect(error.status).toBe(400);
      expect(error.code).toBe('json_too_deep');
      expect(error.message).toMatch(/deeper than 64 levels/);
    }
  });

  it('keeps a message nested 64 levels and refuses 65, and so for a record kept whole', async () => {
    expect(
      (await readLogBody(post(nested(64), { 'content-type': 'application/json' }), MAX)).length,
    ).toBeGreaterThan(0);
    expect(
      (await failure(readLogBody(post(nested(65), { 'content-type': 'application/json' }), MAX))).code,
    ).toBe('json_too_deep');
    // no message field: the record itself is kept as JSON, so the record counts
    const whole = (depth: number) => `{"ctx":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    expect(
      (await readLogBody(post(whole(64), { 'content-type': 'application/json' }), MAX)).length,
    ).toBeGreaterThan(0);
    expect(
      (await failure(readLogBody(post(whole(65), { 'content-type': 'application/json' }), MAX))).code,
    ).toBe('json_too_deep');
  });

  it('does not count brackets inside strings, escaped quotes included', async () => {
    const body = JSON.stringify({ message: `ERROR ${'['.repeat(500)} "quoted \\" [[[" ${'{'.repeat(500)}` });
    const log = await readLogBody(post(body, { 'content-type': 'application/json' }), MAX);
    expect(log.toString()).toContain('ERROR [[[');
  });
});
