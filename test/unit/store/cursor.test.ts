import { Invalid } from '#lib/errors';
import { CursorSealer } from '#lib/store/cursor';

const shape = { pk: 'S', listKey: 'S', occurrences: 'N' } as const;
const key = { pk: 'abc', listKey: 'report', occurrences: 12 };
const list = '["reportsByOccurrences","report","desc","",""]';

function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof Invalid) return error.code;
    throw error;
  }
  return 'accepted';
}

const forge = (payload: unknown, signature = 'A'.repeat(43)) =>
  `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;

describe('sealed cursors', () => {
  const sealer = new CursorSealer('a per-deployment secret');

  it('round-trips a key for the same list', () => {
    expect(sealer.open(sealer.seal(list, key), list, shape)).toEqual(key);
  });

  it('refuses a cursor of another list or of other filters', () => {
    const cursor = sealer.seal(list, key);
    expect(refused(() => sealer.open(cursor, list.replace('desc', 'asc'), shape))).toBe('invalid_cursor');
    expect(refused(() => sealer.open(cursor, '["issuesByStatus","Closed","desc","",""]', shape))).toBe(
      'invalid_cursor',
    );
  });

  it('refuses a cursor signed with another secret', () => {
    const other = new CursorSealer('another deployment');
    expect(refused(() => sealer.open(other.seal(list, key), list, shape))).toBe('invalid_cursor');
  });

  it('refuses forged keys however well-formed: empty, foreign listKey, 1e308, Ghost', () => {
    for (const payload of [
      { pk: '', listKey: 'report', occurrences: 1 },
      { pk: 'abc', listKey: 'elsewhere', occurrences: 1 },
      { pk: 'abc', listKey: 'report', occurrences: 1e308 },
      { pk: 'abc', issueStatusKey: 'Ghost', issueId: '000001' },
    ]) {
      expect(refused(() => sealer.open(forge(payload), list, shape))).toBe('invalid_cursor');
    }
  });

  it('refuses an edited payload under a real signature', () => {
    const [, signature] = sealer.seal(list, key).split('.');
    const edited = forge({ ...key, occurrences: 13 }, signature);
    expect(refused(() => sealer.open(edited, list, shape))).toBe('invalid_cursor');
  });

  it('refuses garbage and over-long cursors', () => {
    for (const bad of ['%%%', 'bm90IGpzb24', 'a.b', `${'A'.repeat(3000)}.${'A'.repeat(43)}`, '']) {
      expect(refused(() => sealer.open(bad, list, shape))).toBe('invalid_cursor');
    }
  });

  it('without a secret, signs with a per-process key (cursors still work within the process)', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const a = new CursorSealer(undefined);
    const b = new CursorSealer('');
    expect(b.open(a.seal(list, key), list, shape)).toEqual(key);
    expect(refused(() => sealer.open(a.seal(list, key), list, shape))).toBe('invalid_cursor');
    warn.mockRestore();
  });
});

describe('sealed cursors of sharded lists', () => {
  const sealer = new CursorSealer('a per-deployment secret');
  const sharded = '["reportsByLastSeen","report",16,"desc","",""]';
  const pk = 'f'.repeat(64);
  const positions = Array.from({ length: 16 }, (_, i) =>
    i % 3 === 0
      ? ('done' as const)
      : i % 3 === 1
        ? ('start' as const)
        : ([pk, `2026-11-0${1 + (i % 9)}T00:00:00.000Z`] as [string, string]),
  );

  it('round-trips every shard position for the same list, within a URL-sized cursor', () => {
    const cursor = sealer.sealShards(sharded, positions);
    expect(sealer.openShards(cursor, sharded, 16, 'S')).toEqual(positions);
    const full = sealer.sealShards(
      sharded,
      positions.map(() => [pk, '2026-11-01T00:00:00.000Z']),
    );
    expect(full.length).toBeLessThan(4096);
    expect(sealer.openShards(full, sharded, 16, 'S')).toHaveLength(16);
  });

  it('refuses another list, another shard count, a wrong sort type or an edited position', () => {
    const cursor = sealer.sealShards(sharded, positions);
    expect(refused(() => sealer.openShards(cursor, sharded.replace('desc', 'asc'), 16, 'S'))).toBe(
      'invalid_cursor',
    );
    expect(refused(() => sealer.openShards(cursor, sharded, 8, 'S'))).toBe('invalid_cursor');
    expect(refused(() => sealer.openShards(cursor, sharded, 16, 'N'))).toBe('invalid_cursor');
    const [, signature] = cursor.split('.');
    expect(
      refused(() =>
        sealer.openShards(
          forge(
            positions.map(() => 'start'),
            signature,
          ),
          sharded,
          16,
          'S',
        ),
      ),
    ).toBe('invalid_cursor');
    // A well-signed payload that is no position list is refused all the same.
    expect(refused(() => sealer.openShards(sealer.seal(sharded, { pk: 'x' }), sharded, 16, 'S'))).toBe(
      'invalid_cursor',
    );
  });
});
