/**
 * Logs of any size, end to end on the local stack: POST /logs/uploads, a PUT of
 * the bytes straight to s3rver through the presigned URL, POST .../complete
 * (what the S3 event does on AWS), the status URL, and GET /logs/{id} serving
 * the same bytes back. The 200 MB log is written to a temp file and streamed
 * everywhere: neither this test nor the service holds it in memory.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extractStream } from '#lib/extract/index';
import { auditStorage } from '../../scripts/load-audit.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

const MiB = 1024 * 1024;
const BIG_BYTES = 200 * MiB;
/** The stack's MAX_UPLOAD_BYTES: the 200 MB log fits, a 202 MiB one does not. */
const UPLOAD_CAP = 201 * MiB;

let stack: Stack;
let dir: string;

beforeAll(async () => {
  stack = await startStack({ env: { MAX_UPLOAD_BYTES: String(UPLOAD_CAP) } });
  dir = mkdtempSync(join(tmpdir(), 'logsift-upload-'));
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** One failure, Python-style: an error line and its traceback. */
const FAILURE = [
  '2026-11-28 10:00:00,123 ERROR [worker-7] upload.Store: could not flush segment 0x7f3a to /var/data/seg-19',
  'Traceback (most recent call last):',
  '  File "/srv/app/store.py", line 88, in flush',
  '    self._write(segment)',
  '  File "/srv/app/store.py", line 131, in _write',
  '    raise IOError("disk full")',
  'OSError: disk full',
  '',
].join('\n');

/**
 * Writes `bytes` (at least) of ordinary INFO lines with FAILURE in the middle,
 * with backpressure, so the file never exists in memory.
 */
async function writeBigLog(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  let written = 0;
  let failureWritten = false;
  let n = 0;
  while (written < bytes) {
    const lines: string[] = [];
    for (let k = 0; k < 2000; k++, n++) {
      lines.push(
        `2026-11-28 10:${String((n >> 6) % 60).padStart(2, '0')}:00,${n % 1000} INFO  [http-nio-${n % 200}] web.Access: GET /api/v1/items/${n} 200 ${n % 5000}ms`,
      );
    }
    let chunk = `${lines.join('\n')}\n`;
    if (!failureWritten && written >= bytes / 2) {
      chunk += FAILURE;
      failureWritten = true;
    }
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** PUTs a file to a presigned URL as curl -T would: streamed, with its Content-Length. */
function putFile(url: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { 'content-length': statSync(path).size } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    createReadStream(path).on('error', reject).pipe(req);
  });
}

async function sha256OfStream(body: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of body) hash.update(chunk);
  return hash.digest('hex');
}

interface Created {
  logId: string;
  uploadUrl: string;
  statusUrl: string;
  completeUrl: string;
}

async function createUpload(): Promise<Created> {
  const response = await fetch(`${stack.url}/logs/uploads`, { method: 'POST' });
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

/** POST /logs with the log as the form's file, answered as JSON. */
function postLog(log: string, filename: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([log]), filename);
  return fetch(`${stack.url}/logs`, { method: 'POST', body: form, headers: { accept: 'application/json' } });
}

const complete = (upload: Created) => fetch(`${stack.url}${upload.completeUrl}`, { method: 'POST' });
const status = (upload: Created) => fetch(`${stack.url}${upload.statusUrl}`);
const getJson = async (path: string) =>
  (await (await fetch(`${stack.url}${path}`, { headers: { accept: 'application/json' } })).json()) as Record<
    string,
    unknown
  >;

/** The gateway's resident memory now and its peak so far, in MiB (the handlers run in its process). */
function memoryOfStack(): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${stack.pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

describe('POST /logs/uploads', () => {
  it('answers a log id, a presigned S3 PUT URL reachable here, and where to follow the upload', async () => {
    const upload = await createUpload();
    expect(upload.logId).toMatch(/^\d{9}$/);
    const url = new URL(upload.uploadUrl);
    expect(`${url.protocol}//${url.host}`).toBe(stack.s3Endpoint);
    expect(url.pathname).toMatch(new RegExp(`/uploads/${upload.logId}$`));
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(upload.statusUrl).toBe(`/logs/uploads/${upload.logId}`);
    expect(upload.completeUrl).toBe(`/logs/uploads/${upload.logId}/complete`);
  });

  it('is pending until the bytes arrive, and completing before that is a 409', async () => {
    const upload = await createUpload();
    const pending = await status(upload);
    expect(pending.status).toBe(202);
    expect(await pending.json()).toMatchObject({ logId: upload.logId, status: 'pending' });
    const early = await complete(upload);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('not_uploaded');
  });

  it('answers 404 for an upload never created and 400 for a malformed id', async () => {
    expect((await fetch(`${stack.url}/logs/uploads/999999998`)).status).toBe(404);
    expect((await fetch(`${stack.url}/logs/uploads/999999998/complete`, { method: 'POST' })).status).toBe(
      404,
    );
    expect((await fetch(`${stack.url}/logs/uploads/12x/complete`, { method: 'POST' })).status).toBe(400);
  });

  it('refuses an empty upload as POST /logs does, and keeps answering that', async () => {
    const upload = await createUpload();
    const path = join(dir, 'empty.log');
    writeFileSync(path, '');
    expect(await putFile(upload.uploadUrl, path)).toBe(200);
    const first = await complete(upload);
    expect(first.status).toBe(400);
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe('empty_log');
    expect((await complete(upload)).status).toBe(400);
    expect((await status(upload)).status).toBe(400);
  });

  it('refuses an upload above MAX_UPLOAD_BYTES with 413 before reading it', async () => {
    const upload = await createUpload();
    const path = join(dir, 'too-big.log');
    // a sparse file: 202 MiB of zeros that cost no disk here
    writeFileSync(path, '');
    truncateSync(path, UPLOAD_CAP + MiB);
    expect(await putFile(upload.uploadUrl, path)).toBe(200);
    const answer = await complete(upload);
    expect(answer.status).toBe(413);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    rmSync(path);
  }, 60_000);

  it('reads a gzip-compressed or UTF-16 log file as the text it holds, and serves that text back', async () => {
    const text = 'boot\n2026-11-28 ERROR rotated log: the ledger refused posting 4411\nbye\n';
    const path = join(dir, 'app.log.1.gz');
    writeFileSync(path, gzipSync(text));
    const upload = await createUpload();
    expect(await putFile(upload.uploadUrl, path)).toBe(200);
    const answer = await complete(upload);
    expect(answer.status).toBe(201);
    const body = (await answer.json()) as { reportId: string; type: string };
    expect(body).toMatchObject({ reportId: upload.logId, type: 'E' });
    expect(String((await getJson(`/logs/extracted/${body.reportId}`))['extract'])).toContain(
      'ledger refused',
    );
    expect(await (await fetch(`${stack.url}/logs/${upload.logId}`)).text()).toBe(text);
    // and as UTF-16 with its mark (PowerShell's `>`): the same text, the same failure
    const wide = join(dir, 'app.utf16.log');
    writeFileSync(wide, Buffer.from(`\ufeff${text}`, 'utf16le'));
    const second = await createUpload();
    expect(await putFile(second.uploadUrl, wide)).toBe(200);
    expect(await (await complete(second)).json()).toMatchObject({ reportId: upload.logId, occurrences: 2 });
    expect(await (await fetch(`${stack.url}/logs/${second.logId}`)).text()).toBe(text);
    // the same log posted uncompressed is the same failure
    const posted = await postLog(text, 'app.log');
    expect(await posted.json()).toMatchObject({ reportId: upload.logId, occurrences: 3 });
  });

  it('refuses an upload that starts as gzip but does not inflate (400) or inflates past MAX_UPLOAD_BYTES (413), for good', async () => {
    const corrupt = join(dir, 'corrupt.gz');
    writeFileSync(
      corrupt,
      Buffer.concat([gzipSync('ERROR x\n'.repeat(100)).subarray(0, 12), Buffer.alloc(4000, 0xa5)]),
    );
    // ~200 KB of gzip that inflates to a MiB more than the cap
    const bomb = join(dir, 'bomb.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(UPLOAD_CAP + MiB, 'A')));
    for (const [path, code, statusCode] of [
      [corrupt, 'invalid_gzip', 400],
      [bomb, 'payload_too_large', 413],
    ] as const) {
      const upload = await createUpload();
      expect(await putFile(upload.uploadUrl, path)).toBe(200);
      const first = await complete(upload);
      expect([first.status, ((await first.json()) as { error: { code: string } }).error.code]).toEqual([
        statusCode,
        code,
      ]);
      expect((await complete(upload)).status).toBe(statusCode);
      expect((await status(upload)).status).toBe(statusCode);
      expect((await fetch(`${stack.url}/logs/${upload.logId}`)).status).toBe(404);
    }
    const audit = await auditStorage(stack);
    expect(audit.mismatches).toEqual([]);
    expect(audit.pending).toBe(0);
  }, 60_000);

  it('counts a small upload exactly once when two completions race', async () => {
    const upload = await createUpload();
    const path = join(dir, 'race.log');
    writeFileSync(path, 'boot\n2026-11-28 ERROR lease test: claim raced by a twin\nbye\n');
    expect(await putFile(upload.uploadUrl, path)).toBe(200);
    const answers = await Promise.all([complete(upload), complete(upload)]);
    const codes = answers.map((a) => a.status).sort();
    expect([
      [201, 201],
      [201, 202],
    ]).toContainEqual(codes);
    const done = await status(upload);
    expect(done.status).toBe(200);
    const result = (await done.json()) as { reportId: string; occurrences: number };
    expect(result.occurrences).toBe(1);
    expect((await getJson(`/logs/extracted/${result.reportId}`))['occurrences']).toBe(1);
    expect(await (await fetch(`${stack.url}/logs/${upload.logId}`)).text()).toBe(readFileSync(path, 'utf8'));
  });
});

describe('a 200 MB log through a presigned upload', () => {
  it('is extracted, counted and archived in one streaming pass with flat memory, and served back byte for byte', async () => {
    const path = join(dir, 'big.log');
    await writeBigLog(path, BIG_BYTES);
    const size = statSync(path).size;
    const expected = await extractStream(createReadStream(path, { highWaterMark: MiB }));
    expect(expected.type).toBe('C');

    const upload = await createUpload();
    expect(await putFile(upload.uploadUrl, path)).toBe(200);
    expect((await status(upload)).status).toBe(202);

    // Warm the completion handler (its worker thread and modules) so that what
    // follows measures the processing alone.
    expect((await fetch(`${stack.url}/logs/uploads/999999997/complete`, { method: 'POST' })).status).toBe(
      404,
    );
    const before = memoryOfStack();
    const answer = await complete(upload);
    const after = memoryOfStack();
    const body = (await answer.json()) as Record<string, unknown>;
    expect(answer.status).toBe(201);
    expect(body).toMatchObject({
      logId: upload.logId,
      reportId: upload.logId,
      type: 'C',
      new: true,
      occurrences: 1,
    });

    const growth = after.peak - before.rss;
    console.log(
      `200 MB upload (${size} bytes): gateway RSS ${before.rss.toFixed(0)} MiB before, ` +
        `peak ${after.peak.toFixed(0)} MiB during processing (+${growth.toFixed(0)} MiB)`,
    );
    // Holding the log would add at least its 200 MiB (and a base64 copy); streaming adds buffers only.
    expect(growth).toBeLessThan(150);

    // The same failure, as the pure extractor sees it, and counted like POST /logs counts it.
    const report = await getJson(`/logs/extracted/${upload.logId}`);
    expect(report).toMatchObject({ type: expected.type, fingerprint: expected.fingerprint });
    expect(String(report['extract'])).toContain('OSError: disk full');
    const posted = await postLog(FAILURE, 'same-failure.log');
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ reportId: upload.logId, new: false, occurrences: 2 });

    // A second completion and the status URL answer the stored result.
    const again = await complete(upload);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(body);
    const done = await status(upload);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual(body);

    // The log record and the bytes: too big for an API answer, served from S3, identical.
    expect(await getJson(`/logs/${upload.logId}`)).toMatchObject({ bytes: size, sha256: expected.sha256 });
    const raw = await fetch(`${stack.url}/logs/${upload.logId}`, { redirect: 'manual' });
    expect(raw.status).toBe(307);
    const served = await fetch(`${stack.url}/logs/${upload.logId}`);
    expect(served.status).toBe(200);
    expect(await sha256OfStream(served.body as unknown as AsyncIterable<Uint8Array>)).toBe(expected.sha256);
    rmSync(path);
  }, 240_000);
});
