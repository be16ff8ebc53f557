/**
 * Opaque list cursors: the DynamoDB key to resume a Query from, with the index
 * it belongs to. A cursor is client input, so its shape is checked exactly
 * before it reaches DynamoDB: a forged or stale one is a 400, not a 5xx.
 */
import { badRequest } from '#lib/http/errors';

export type KeyShape = Record<string, 'S' | 'N'>;
type Key = Record<string, string | number>;

export function encodeCursor(index: string, key: Key): string {
  return Buffer.from(JSON.stringify({ i: index, k: key }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, index: string, shape: KeyShape): Key {
  const invalid = () =>
    badRequest('invalid or expired cursor; start again from the first page', 'invalid_cursor');
  if (cursor.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { i, k } = (parsed ?? {}) as { i?: unknown; k?: unknown };
  if (i !== index || k === null || typeof k !== 'object' || Array.isArray(k)) throw invalid();
  const key = k as Record<string, unknown>;
  const names = Object.keys(shape);
  if (Object.keys(key).length !== names.length) throw invalid();
  for (const name of names) {
    const value = key[name];
    const ok =
      shape[name] === 'S' ? typeof value === 'string' && value.length <= 512 : Number.isFinite(value);
    if (!ok) throw invalid();
  }
  return key as Key;
}
