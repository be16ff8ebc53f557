import type { Context, S3Event, S3EventRecord } from 'aws-lambda';
import { Conflict, Unavailable } from '#lib/errors';
import {
  completeUpload,
  createUpload,
  processUpload,
  type UploadDeps,
  uploadStatus,
} from '#lib/service/upload';
import { processUploadsHandler } from '../../../functions/process-upload.ts';
import { crashLog, type Harness, harness, ingest, MAX_EXTRACT_BYTES, MINUTE, paymentLog } from './helpers.ts';

const LEASE_MS = 5 * MINUTE;

function depsOf(h: Harness, maxUploadBytes = 64 * 1024 * 1024): UploadDeps {
  return {
    stores: h.stores,
    objects: h.objects,
    states: h.states,
    config: { maxUploadBytes, maxExtractBytes: MAX_EXTRACT_BYTES, uploadUrlSeconds: 3600 },
    clock: h.clock.now,
  };
}

/** A log of some 200 KB: many quiet lines, then a crash (read back in many chunks). */
function bigCrashLog(line: number): string {
  const quiet = Array.from({ length: 3000 }, (_, i) => `INFO request ${i} served in ${i % 50} ms`).join('\n');
  return `${quiet}\n${crashLog(line)}`;
}

/** Ask for an upload and PUT `text` to its URL, as a client does. */
async function uploaded(h: Harness, deps: UploadDeps, text: string): Promise<string> {
  const created = await createUpload(deps, h.clock.now());
  h.objects.receive(String(created.body['uploadUrl']), Buffer.from(text, 'utf8'));
  return String(created.body['logId']);
}

/** Make the next processor stop for good once it has claimed (a Lambda that timed out). */
function dieAfterClaim(h: Harness): Promise<void> {
  return new Promise((reached) => {
    h.faults.before('archive.stage', () => {
      reached();
      return new Promise<void>(() => {});
    });
  });
}

describe('uploads', () => {
  it('creates an upload with a URL to PUT to, pending until processed', async () => {
    const h = harness();
    const deps = depsOf(h);
    const created = await createUpload(deps, h.clock.now());

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      logId: '000000001',
      method: 'PUT',
      expiresAt: '2026-12-01T09:00:00.000Z',
      statusUrl: '/logs/uploads/000000001',
    });
    expect(String(created.body['uploadUrl'])).toMatch(/^memory:\/\/uploads\/000000001\?/);
    expect(await uploadStatus(deps, '000000001')).toMatchObject({ status: 202, body: { status: 'pending' } });
  });

  it('refuses to complete an upload before its bytes arrived', async () => {
    const h = harness();
    const deps = depsOf(h);
    await createUpload(deps, h.clock.now());
    await expect(completeUpload(deps, '000000001', LEASE_MS)).rejects.toMatchObject({
      constructor: Conflict,
      code: 'not_uploaded',
    });
    expect((await h.states.get('000000001'))?.phase).toBe('pending');
  });

  it('processes an upload once, answers as POST /logs, and answers the stored outcome again', async () => {
    const h = harness();
    const deps = depsOf(h);
    const text = bigCrashLog(40);
    const logId = await uploaded(h, deps, text);

    const answer = await completeUpload(deps, logId, LEASE_MS);
    expect(answer).toEqual({
      status: 201,
      body: { logId, reportId: logId, issueId: '000001', type: 'C', new: true, occurrences: 1 },
    });
    expect(await uploadStatus(deps, logId)).toEqual({ status: 200, body: answer.body });
    expect(await completeUpload(deps, logId, LEASE_MS)).toEqual(answer);

    expect((await h.stores.reports.getByReportId(logId))?.occurrences).toBe(1);
    expect(h.faults.calls('reports.create')).toBe(1);
    expect(await h.stores.logs.get(logId)).toMatchObject({ reportId: logId, bytes: Buffer.byteLength(text) });
    const log = await h.stores.logs.get(logId);
    expect((await h.stores.archive.getBlob(log!.sha256))?.toString('utf8')).toBe(text);
    expect(h.stores.archive.stagedCount).toBe(0);
    expect(h.objects.has(logId)).toBe(false);
  });

  it('counts an upload of a known failure as an occurrence (200)', async () => {
    const h = harness();
    const deps = depsOf(h);
    const known = await ingest(h, paymentLog(1));
    const logId = await uploaded(h, deps, paymentLog(2));

    const answer = await completeUpload(deps, logId, LEASE_MS);
    expect(answer).toMatchObject({
      status: 200,
      body: { reportId: known.log.logId, new: false, occurrences: 2 },
    });
  });

  it('keeps the refusal of an empty upload as its outcome', async () => {
    const h = harness();
    const deps = depsOf(h);
    const logId = await uploaded(h, deps, '');
    const refused = { status: 400, body: { error: { code: 'empty_log', message: 'the log is empty' } } };
    expect(await completeUpload(deps, logId, LEASE_MS)).toEqual(refused);
    expect(await uploadStatus(deps, logId)).toEqual(refused);
    expect((await h.states.get(logId))?.phase).toBe('failed');
  });

  it('refuses an upload over the limit with 413, archiving nothing', async () => {
    const h = harness();
    const deps = depsOf(h, 1024);
    const logId = await uploaded(h, deps, bigCrashLog(1));
    expect(await completeUpload(deps, logId, LEASE_MS)).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large' } },
    });
    expect(h.stores.archive.blobCount).toBe(0);
    expect(await h.stores.logs.get(logId)).toBeNull();
  });

  it('answers busy to a second processor while the first holds the lease', async () => {
    const h = harness();
    const deps = depsOf(h);
    const logId = await uploaded(h, deps, crashLog(7));
    let second: Awaited<ReturnType<typeof processUpload>> | undefined;
    let secondAnswer: Awaited<ReturnType<typeof completeUpload>> | undefined;
    h.faults.before('archive.stage', async () => {
      second = await processUpload(deps, logId, LEASE_MS);
      secondAnswer = await completeUpload(deps, logId, LEASE_MS);
    });

    const first = await processUpload(deps, logId, LEASE_MS);
    expect(second).toEqual({ kind: 'busy' });
    expect(secondAnswer).toMatchObject({ status: 202, body: { status: 'processing' } });
    expect(first).toMatchObject({ kind: 'finished', answer: { status: 201 } });
    expect((await h.stores.reports.getByReportId(logId))?.occurrences).toBe(1);
  });

  it('lets another processor take over once the lease of one that died has lapsed', async () => {
    const h = harness();
    const deps = depsOf(h);
    const logId = await uploaded(h, deps, crashLog(7));
    const died = dieAfterClaim(h);
    void processUpload(deps, logId, LEASE_MS);
    await died;

    h.clock.advance(LEASE_MS - 1000);
    expect(await processUpload(deps, logId, LEASE_MS)).toEqual({ kind: 'busy' });

    h.clock.advance(2000);
    const takeover = await processUpload(deps, logId, LEASE_MS);
    expect(takeover).toMatchObject({
      kind: 'finished',
      answer: { status: 201, body: { logId, occurrences: 1 } },
    });
    expect(await uploadStatus(deps, logId)).toMatchObject({ status: 200, body: { logId, occurrences: 1 } });
    expect((await h.stores.logs.get(logId))?.receivedAt).toBe(h.clock.now().toISOString());
  });

  it('gives the claim up when storage fails mid-way, and the retry counts the log once', async () => {
    const h = harness();
    const deps = depsOf(h);
    const logId = await uploaded(h, deps, crashLog(9));
    h.faults.failNext('reports.create');

    await expect(processUpload(deps, logId, LEASE_MS)).rejects.toBeInstanceOf(Unavailable);
    expect(await uploadStatus(deps, logId)).toMatchObject({ status: 202, body: { status: 'pending' } });
    expect(h.objects.has(logId)).toBe(true);

    const retry = await processUpload(deps, logId, LEASE_MS);
    expect(retry).toMatchObject({ kind: 'finished', answer: { status: 201, body: { occurrences: 1 } } });
    expect(h.stores.archive.blobCount).toBe(1);
    expect(h.stores.reports.counted().reports).toBe(1);
  });
});

function s3Record(key: string): S3EventRecord {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'eu-west-1',
    eventTime: '2026-12-01T08:00:00.000Z',
    eventName: 'ObjectCreated:Put',
    userIdentity: { principalId: 'AWS:uploader' },
    requestParameters: { sourceIPAddress: '192.0.2.10' },
    responseElements: { 'x-amz-request-id': 'request', 'x-amz-id-2': 'id2' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'uploads',
      bucket: {
        name: 'logsift-logs',
        ownerIdentity: { principalId: 'owner' },
        arn: 'arn:aws:s3:::logsift-logs',
      },
      object: { key, size: 1, eTag: 'etag', sequencer: '0055AED6DCD90281E5' },
    },
  };
}

const s3Event = (...keys: string[]): S3Event => ({ Records: keys.map(s3Record) });

/** The one part of a Lambda context the processor reads. */
const lambdaContext = (remainingMs: number) =>
  ({ getRemainingTimeInMillis: () => remainingMs }) as Pick<Context, 'getRemainingTimeInMillis'> as Context;

describe('processUpload on the S3 event', () => {
  beforeEach(() => {
    // The processor's JSON log lines (Powertools writes them to stdout itself, not through console).
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('processes every uploads/ object of the event and skips other keys', async () => {
    const h = harness();
    const deps = depsOf(h);
    const a = await uploaded(h, deps, crashLog(1));
    const b = await uploaded(h, deps, paymentLog(5));
    const handler = processUploadsHandler(deps);

    await handler(s3Event(`uploads/${a}`, 'staging/000000001.gz', `uploads/${b}`), lambdaContext(60_000));
    expect(await uploadStatus(deps, a)).toMatchObject({ status: 200, body: { type: 'C', new: true } });
    expect(await uploadStatus(deps, b)).toMatchObject({ status: 200, body: { type: 'E', new: true } });
    expect(h.stores.reports.counted().reports).toBe(2);

    // S3 redelivers events: the stored outcomes stand and nothing counts twice.
    await handler(s3Event(`uploads/${a}`), lambdaContext(60_000));
    expect((await h.stores.reports.getByReportId(a))?.occurrences).toBe(1);
  });

  it('fails the event for Lambda to retry while another processor holds an upload, then takes over', async () => {
    const h = harness();
    const deps = depsOf(h);
    const logId = await uploaded(h, deps, crashLog(3));
    const handler = processUploadsHandler(deps);
    const died = dieAfterClaim(h);
    void handler(s3Event(`uploads/${logId}`), lambdaContext(60_000));
    await died;

    await expect(handler(s3Event(`uploads/${logId}`), lambdaContext(60_000))).rejects.toThrow(
      `uploads ${logId} are being processed elsewhere`,
    );
    // The lease is the run time left plus a margin of 30 s.
    h.clock.advance(60_000 + 30_000 + 1);
    await handler(s3Event(`uploads/${logId}`), lambdaContext(60_000));
    expect(await uploadStatus(deps, logId)).toMatchObject({ status: 200, body: { logId, new: true } });
  });

  it('rethrows a storage failure so Lambda retries the event, and the retry counts once', async () => {
    const h = harness();
    const deps = depsOf(h);
    const logId = await uploaded(h, deps, crashLog(4));
    const handler = processUploadsHandler(deps);
    h.faults.failNext('archive.copy');

    await expect(handler(s3Event(`uploads/${logId}`))).rejects.toBeInstanceOf(Unavailable);
    await handler(s3Event(`uploads/${logId}`));
    expect((await h.stores.reports.getByReportId(logId))?.occurrences).toBe(1);
    expect(h.stores.archive.stagedCount).toBe(0);
  });
});
