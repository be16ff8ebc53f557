/**
 * Logs of any size: the client asks for an upload (a log id and a presigned
 * S3 PUT URL), sends the bytes to S3 itself, and the upload is processed from
 * S3 as a stream — by the S3 event on AWS, by `POST .../complete` locally (or
 * on AWS as a fallback). Processing is one pass over the bytes: each chunk
 * feeds the extractor (hash, failure lines, fingerprint) and the gzip stream
 * of the archive copy; then the report is counted exactly as for POST /logs
 * (lib/service/ingest.ts `recordLog`). Memory is bounded by the stream and
 * multipart buffers, not by the log.
 *
 * An upload that is a gzip-compressed log file (a rotated `app.log.1.gz`) is
 * read as the text it holds, inflated in the same pass and bounded by
 * MAX_UPLOAD_BYTES inflated, and a UTF-16 one (its byte-order mark) as its
 * UTF-8 text: that text is what is extracted and archived.
 *
 * Exactly one processor counts an upload: it claims the upload with a lease
 * (one conditional write), and the outcome (the POST /logs answer, or the
 * error) is stored with the upload and answered again on every later call.
 */
import { randomUUID } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
import { constants, createGunzip } from 'node:zlib';
import { Conflict, DomainError, Invalid, NotFound, TooLarge, Unavailable } from '#lib/errors';
import { Extractor } from '#lib/extract/index';
import { isGzip, utf8Chunks } from '#lib/extract/text-encoding';
import type { Stores, UploadObjects, UploadState, UploadStates } from '#lib/store/ports';
import { recordLog } from './ingest.ts';
import { archivesScrubbed, ScrubbedCopy } from './lifecycle.ts';
import { ingestView } from './views.ts';

export interface UploadConfig {
  /** Largest upload processed (S3 takes up to 5 GiB in one PUT). */
  maxUploadBytes: number;
  maxExtractBytes: number;
  /** Lifetime of the presigned PUT URL. */
  uploadUrlSeconds: number;
}

export interface UploadDeps {
  stores: Stores;
  objects: UploadObjects;
  states: UploadStates;
  config: UploadConfig;
  /** Where lease times come from (tests move it by hand); the real clock by default. */
  clock?: () => Date;
}

/** An HTTP answer: the status and JSON body. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const systemClock = () => new Date();

export const statusPath = (logId: string) => `/logs/uploads/${logId}`;
export const completePath = (logId: string) => `/logs/uploads/${logId}/complete`;

export async function createUpload(deps: UploadDeps, now: Date): Promise<Answer> {
  const logId = await deps.stores.ids.nextLogId();
  await deps.states.create(logId, now.toISOString());
  const seconds = deps.config.uploadUrlSeconds;
  const uploadUrl = await deps.objects.putUrl(logId, seconds);
  return {
    status: 201,
    body: {
      logId,
      uploadUrl,
      method: 'PUT',
      statusUrl: statusPath(logId),
      completeUrl: completePath(logId),
      expiresAt: new Date(now.getTime() + seconds * 1000).toISOString(),
      maxBytes: deps.config.maxUploadBytes,
    },
  };
}

/** GET /logs/uploads/{logId}: 202 while pending or processing, then the outcome. */
export async function uploadStatus(deps: UploadDeps, logId: string): Promise<Answer> {
  const state = await deps.states.get(logId);
  if (!state) throw new NotFound(`no upload ${logId}`);
  if (state.phase === 'done') return { status: 200, body: state.body ?? {} };
  if (state.phase === 'failed') return finalAnswer(state);
  return waiting(state.logId, state.phase);
}

/** POST /logs/uploads/{logId}/complete: process now (or answer the stored outcome). */
export async function completeUpload(deps: UploadDeps, logId: string, leaseMs: number): Promise<Answer> {
  const settled = await processUpload(deps, logId, leaseMs);
  if (settled.kind === 'finished') return settled.answer;
  if (settled.kind === 'busy') return waiting(logId, 'processing');
  if (settled.kind === 'unknown') throw new NotFound(`no upload ${logId}`);
  throw new Conflict(
    `nothing was uploaded for log ${logId} yet: PUT the log to its uploadUrl first`,
    'not_uploaded',
  );
}

export type Settled =
  | { kind: 'finished'; answer: Answer }
  | { kind: 'busy' }
  | { kind: 'not_uploaded' }
  | { kind: 'unknown' };

/**
 * Processes one upload unless it is finished or another processor holds it.
 * A failure worth retrying (storage) releases the claim and throws; a bad
 * upload (empty, too big) is a finished outcome, answered as its 4xx.
 */
export async function processUpload(deps: UploadDeps, logId: string, leaseMs: number): Promise<Settled> {
  const state = await deps.states.get(logId);
  if (!state) return { kind: 'unknown' };
  if (state.phase === 'done' || state.phase === 'failed')
    return { kind: 'finished', answer: finalAnswer(state) };
  const now = (deps.clock ?? systemClock)();
  if (state.phase === 'processing' && (state.leaseUntil ?? '') >= now.toISOString()) return { kind: 'busy' };

  const size = await deps.objects.size(logId);
  if (size === null) return { kind: 'not_uploaded' };

  const token = randomUUID();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  if (!(await deps.states.claim(logId, token, now.toISOString(), leaseUntil))) {
    const current = await deps.states.get(logId);
    if (current && (current.phase === 'done' || current.phase === 'failed'))
      return { kind: 'finished', answer: finalAnswer(current) };
    return { kind: 'busy' };
  }

  let answer: Answer;
  let phase: 'done' | 'failed' = 'done';
  // A bad upload is an outcome, kept and answered again: these are the upload
  // protocol's own answers, as its 200/201 are.
  const refusal =
    size === 0
      ? { status: 400, code: 'empty_log', message: 'the log is empty' }
      : size > deps.config.maxUploadBytes
        ? {
            status: 413,
            code: 'payload_too_large',
            message: `log is larger than ${deps.config.maxUploadBytes} bytes`,
          }
        : null;
  if (refusal) {
    phase = 'failed';
    answer = { status: refusal.status, body: { error: { code: refusal.code, message: refusal.message } } };
  } else {
    try {
      answer = await ingestUpload(deps, logId, now);
    } catch (error) {
      if (error instanceof UnreadableUpload) {
        // Its bytes, not storage, refused it: an outcome, kept as an empty upload's is.
        phase = 'failed';
        answer = {
          status: error.status,
          body: { error: { code: error.refusal.code, message: error.message } },
        };
      } else {
        // Storage, or anything unforeseen: give the claim up so a retry runs afresh.
        await deps.states.release(logId, token).catch(() => {});
        if (error instanceof DomainError && !(error instanceof Unavailable)) {
          console.error(`upload ${logId}: refused while processing`, error);
        }
        throw error;
      }
    }
  }
  if (!(await deps.states.finish(logId, token, phase, answer.status, answer.body))) {
    // Our lease lapsed and another processor took over: its outcome is the one kept.
    const current = await deps.states.get(logId);
    if (current && (current.phase === 'done' || current.phase === 'failed'))
      return { kind: 'finished', answer: finalAnswer(current) };
    return { kind: 'busy' };
  }
  // Its bytes are archived (or it was refused): the upload object has served its purpose.
  await deps.objects.delete(logId).catch(() => {});
  return { kind: 'finished', answer };
}

/** An upload whose bytes refuse it (not gzip past its header, or inflating past the limit, or empty). */
class UnreadableUpload extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly refusal: DomainError,
  ) {
    super(refusal.message);
  }
}

/**
 * The upload's content: its bytes, or, when they are a gzip file, the text
 * they inflate to, bounded by `maxBytes` (a compressed bomb stops there); as
 * UTF-8 when that is UTF-16 with its mark. A gzip file cut off mid-stream
 * gives the text it holds so far. The first failure of the content itself is
 * kept in `failed`, apart from storage's.
 */
async function openContent(
  source: Readable,
  maxBytes: number,
  failed: { refusal?: UnreadableUpload },
): Promise<Readable> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // the gzip magic is three bytes, however the first chunks fall
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 3) {
    const next = await chunks.next();
    if (next.done) break;
    head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
  }
  async function* whole() {
    if (head.length > 0) yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const bytes = Readable.from(whole(), { objectMode: false });
  if (!isGzip(head)) return Readable.from(utf8Chunks(bytes), { objectMode: false });
  const gunzip = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
  gunzip.once('error', (error) => {
    failed.refusal ??= new UnreadableUpload(
      400,
      new Invalid(
        'invalid_gzip',
        `the upload starts as gzip but does not inflate (${error.message}); upload it whole, or uncompressed`,
      ),
    );
  });
  let inflated = 0;
  const bound = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflated += chunk.length;
      if (inflated <= maxBytes) return done(null, chunk);
      failed.refusal ??= new UnreadableUpload(
        413,
        new TooLarge(`the gzip-compressed log inflates to more than ${maxBytes} bytes`),
      );
      done(failed.refusal);
    },
  });
  return Readable.from(utf8Chunks(pipeline(bytes, gunzip, bound, () => {})), { objectMode: false });
}

/** The single streaming pass: S3 object -> extractor + gzip archive copy; then count the report. */
async function ingestUpload(deps: UploadDeps, logId: string, now: Date): Promise<Answer> {
  const { stores, config } = deps;
  const extractor = new Extractor({ maxExtractBytes: config.maxExtractBytes });
  const failed: { refusal?: UnreadableUpload } = {};
  const source = await openContent(await deps.objects.open(logId), config.maxUploadBytes, failed);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        extractor.push(chunk);
        done(null, chunk);
      } catch (error) {
        done(error as Error);
      }
    },
  });
  // ARCHIVE_MODE=scrubbed: the staged copy is the scrubbed one, filed under its own hash.
  const copy = archivesScrubbed() ? new ScrubbedCopy() : null;
  let storedBytes = 0;
  const scrub = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const out = copy ? copy.push(chunk) : chunk;
      storedBytes += out.length;
      done(null, out);
    },
    flush(done) {
      const out = copy ? copy.end() : Buffer.alloc(0);
      storedBytes += out.length;
      done(null, out);
    },
  });
  const body: Readable = copy ? pipeline(source, tap, scrub, () => {}) : pipeline(source, tap, () => {});
  let staged: Awaited<ReturnType<typeof stores.archive.stageBlob>>;
  try {
    staged = await stores.archive.stageBlob(logId, body);
  } catch (error) {
    throw failed.refusal ?? error;
  }
  if (failed.refusal) {
    await staged.discard().catch(() => {});
    throw failed.refusal;
  }
  const extracted = extractor.finish();
  if (extracted.bytes === 0) {
    await staged.discard().catch(() => {});
    throw new UnreadableUpload(400, new Invalid('empty_log', 'the log is empty'));
  }
  const extraction = copy ? { ...extracted, sha256: copy.sha256(), bytes: storedBytes } : extracted;
  try {
    await staged.commit(extraction.sha256, extraction.bytes);
  } catch (error) {
    await staged.discard().catch(() => {});
    throw error;
  }
  // Counted here in both COUNT_MODEs: processing is already off the request, and
  // the upload's stored outcome is the POST /logs answer with its report.
  const { deferral: _counted, ...counting } = stores;
  const result = await recordLog(counting, logId, extraction, now, {});
  return { status: result.isNew ? 201 : 200, body: ingestView(result) };
}

function finalAnswer(state: UploadState): Answer {
  return { status: state.status ?? 500, body: state.body ?? {} };
}

function waiting(logId: string, phase: 'pending' | 'processing'): Answer {
  return {
    status: 202,
    body: { logId, status: phase, statusUrl: statusPath(logId), completeUrl: completePath(logId) },
  };
}
