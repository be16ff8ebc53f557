/**
 * Idempotent retries for POST /logs and POST /issues (`Idempotency-Key`), the
 * semantics of Stripe's and the IETF draft's header:
 *
 * - the first request claims the key with one conditional write, runs, and
 *   stores its answer (status, headers such as Location, body) for 24 hours;
 * - a retry with the same key and the same request gets that answer again,
 *   marked `Idempotent-Replayed: true`, and counts nothing twice;
 * - a retry while the first is still running gets 409 idempotency_in_progress;
 * - the same key with a different request is refused with 422;
 * - a first request that fails retryably (5xx) gives its claim up, so the retry
 *   runs afresh; a claim left by a request that died mid-way is taken over
 *   once its lease (longer than the Lambda timeout) has run out.
 *
 * The one window left: the work succeeds but storing its answer fails. The
 * client still gets the real answer; the claim stays pending until its lease
 * ends, so a retry inside the lease gets 409, and one after it runs again.
 */
import { createHash } from 'node:crypto';
import { Busy, Invalid, Unprocessable } from '#lib/errors';
import type { IdempotencyStore, StoredAnswer } from '#lib/store/ports';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** Longer than any run of a handler (the Lambda timeout is 29 s). */
export const IDEMPOTENCY_LEASE_SECONDS = 60;
export const MAX_KEY_LENGTH = 255;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A key is 1..255 printable ASCII characters. */
export function parseIdempotencyKey(raw: string): string {
  if (raw.length === 0 || raw.length > MAX_KEY_LENGTH || !/^[\x20-\x7e]+$/.test(raw)) {
    throw new Invalid(
      'invalid_idempotency_key',
      `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} printable ASCII characters`,
    );
  }
  return raw;
}

/**
 * What makes two requests "the same": method, path, media type and the body's
 * canonical parts (lib/http/form.ts `canonicalParts`: a multipart body's
 * fields and file rather than its random boundary). Each part is
 * length-prefixed, so no two different lists of parts encode alike.
 */
export function requestHash(method: string, path: string, contentType: string, parts: Buffer[]): string {
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  const hash = createHash('sha256');
  for (const part of [Buffer.from(method), Buffer.from(path), Buffer.from(media), ...parts]) {
    hash.update(`${part.length}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

/** Whom a stored answer belongs to: a digest of the caller's bearer token ('' when none). */
export function callerOf(token: string | null): string {
  return sha256(token ?? '').slice(0, 32);
}

/**
 * Run `work` at most once per (scope, caller, key); retries get the stored
 * answer. Keys are the caller's own: the same key sent with another token is
 * another key, so no caller is answered with what another was.
 */
export async function idempotent<A extends StoredAnswer>(
  store: IdempotencyStore,
  scope: string,
  caller: string,
  key: string,
  hash: string,
  now: Date,
  work: () => Promise<A>,
): Promise<StoredAnswer> {
  const id = `idem#${scope}#${caller}#${sha256(key)}`;
  const seconds = Math.floor(now.getTime() / 1000);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await store.claim(id, hash, seconds, IDEMPOTENCY_TTL_SECONDS, IDEMPOTENCY_LEASE_SECONDS)) {
      return runClaimed(store, id, hash, work);
    }
    const record = await store.get(id, seconds);
    if (!record) continue; // expired or released between the claim and the read
    if (record.requestHash !== hash) {
      throw new Unprocessable(
        'idempotency_key_reused',
        'this Idempotency-Key was already used with a different request; use a new key',
      );
    }
    if (record.state === 'done' && record.answer) {
      return {
        ...record.answer,
        headers: { ...record.answer.headers, 'Idempotent-Replayed': 'true' },
      };
    }
    throw new Busy(
      'idempotency_in_progress',
      'a request with this Idempotency-Key is still being processed; retry shortly',
    );
  }
  throw new Busy('idempotency_in_progress', 'this Idempotency-Key is contended; retry shortly');
}

async function runClaimed<A extends StoredAnswer>(
  store: IdempotencyStore,
  id: string,
  hash: string,
  work: () => Promise<A>,
): Promise<A> {
  const answer = await work();
  if (answer.statusCode >= 500) {
    // Nothing durable was promised: let a retry run afresh.
    await store.release(id, hash).catch((error: unknown) => {
      console.error(`idempotency: could not release ${id}; its lease will expire`, error);
    });
    return answer;
  }
  try {
    await store.complete(id, hash, {
      statusCode: answer.statusCode,
      headers: answer.headers,
      body: answer.body,
      isBase64Encoded: answer.isBase64Encoded,
    });
  } catch (error) {
    // The work is done and durable; answering 503 now would invite a second run.
    console.error(`idempotency: could not store the answer for ${id}`, error);
  }
  return answer;
}
