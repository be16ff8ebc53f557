/**
 * Sealed list cursors: the DynamoDB key to resume a Query from, signed with
 * HMAC-SHA256 and bound to the list it came from (index, partition, order and
 * filters). A cursor is client input, so nothing in it reaches DynamoDB unless
 * this deployment signed it for this very list; anything else — forged, edited,
 * from another list or another deployment — is refused as `invalid_cursor`
 * before any storage call.
 *
 * The key comes from the per-deployment secret CURSOR_SECRET. Without one a
 * process-random key is used (with a warning): cursors then work within one
 * process only, which is enough for tests, not for a deployment.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Invalid } from '#lib/errors';

export type KeyShape = Record<string, 'S' | 'N'>;
export type Key = Record<string, string | number>;
/**
 * Where each shard of a sharded list stands: resume after `[pk, sort]` (the
 * last entry taken from it), `'start'` (nothing taken yet) or `'done'`.
 */
export type ShardPosition = [string, string | number] | 'start' | 'done';

const MAX_CURSOR_LENGTH = 2048;
const MAX_STRING = 512;
/** Room per shard in a sharded cursor: a 64-character key and a timestamp, base64-encoded. */
const SHARD_POSITION_LENGTH = 160;

let processKey: Buffer | undefined;

function keyFor(secret: string | undefined): Buffer {
  if (secret !== undefined && secret !== '') return Buffer.from(secret, 'utf8');
  if (!processKey) {
    processKey = randomBytes(32);
    console.warn(
      'logsift: CURSOR_SECRET is not set; list cursors are signed with a per-process key and do not survive a restart',
    );
  }
  return processKey;
}

const invalid = () =>
  new Invalid('invalid_cursor', 'invalid or expired cursor; start again from the first page');

export class CursorSealer {
  private readonly key: Buffer;

  constructor(secret: string | undefined) {
    this.key = keyFor(secret);
  }

  private mac(list: string, payload: string): Buffer {
    return createHmac('sha256', this.key).update(list).update('\0').update(payload).digest();
  }

  /** `list` names the list and its filters; the cursor opens only for the same `list`. */
  seal(list: string, key: Key): string {
    const payload = Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
    return `${payload}.${this.mac(list, payload).toString('base64url')}`;
  }

  open(cursor: string, list: string, shape: KeyShape): Key {
    const parsed = this.verified(cursor, list, MAX_CURSOR_LENGTH);
    // Signed by us, so well-formed unless the key leaked; checked all the same.
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid();
    const key = parsed as Record<string, unknown>;
    const names = Object.keys(shape);
    if (Object.keys(key).length !== names.length) throw invalid();
    for (const name of names) {
      const value = key[name];
      const ok =
        shape[name] === 'S'
          ? typeof value === 'string' && value !== '' && value.length <= MAX_STRING
          : typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
      if (!ok) throw invalid();
    }
    return key as Key;
  }

  /** A sharded list's cursor: one position per shard, in shard order (compact: no partition values). */
  sealShards(list: string, positions: ShardPosition[]): string {
    const payload = Buffer.from(JSON.stringify(positions), 'utf8').toString('base64url');
    return `${payload}.${this.mac(list, payload).toString('base64url')}`;
  }

  /** The positions of `shards` shards whose sort key is of type `sortType`; invalid_cursor otherwise. */
  openShards(cursor: string, list: string, shards: number, sortType: 'S' | 'N'): ShardPosition[] {
    const parsed = this.verified(cursor, list, MAX_CURSOR_LENGTH + shards * SHARD_POSITION_LENGTH);
    if (!Array.isArray(parsed) || parsed.length !== shards) throw invalid();
    for (const position of parsed as unknown[]) {
      if (position === 'start' || position === 'done') continue;
      if (!Array.isArray(position) || position.length !== 2) throw invalid();
      const [pk, sort] = position as unknown[];
      const pkOk = typeof pk === 'string' && pk !== '' && pk.length <= MAX_STRING;
      const sortOk =
        sortType === 'S'
          ? typeof sort === 'string' && sort !== '' && sort.length <= MAX_STRING
          : typeof sort === 'number' && Number.isSafeInteger(sort) && sort >= 0;
      if (!pkOk || !sortOk) throw invalid();
    }
    return parsed as ShardPosition[];
  }

  /** The payload of a cursor this deployment signed for `list`; invalid_cursor for anything else. */
  private verified(cursor: string, list: string, maxLength: number): unknown {
    if (cursor.length > maxLength || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/.test(cursor)) {
      throw invalid();
    }
    const [payload, signature] = cursor.split('.') as [string, string];
    const expected = this.mac(list, payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
  }
}
