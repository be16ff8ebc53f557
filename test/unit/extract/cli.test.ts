import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin/logsift.cjs');
let dir: string;

function run(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  dir = mkdtempSync(path.join(tmpdir(), 'logsift-cli-'));
  writeFileSync(
    path.join(dir, 'app.log'),
    'ok\n2024-05-01 10:00:01 ERROR db: connection refused by 10.0.0.1\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('logsift extract (built CLI)', () => {
  it('prints type, fingerprint, sha256, bytes, signature and extract', () => {
    const r = run('extract', path.join(dir, 'app.log'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^type: E\nfingerprint: [0-9a-f]{64}\nsha256: [0-9a-f]{64}\nbytes: 64\nsignature:\n/,
    );
    expect(r.stdout).toContain('  ERROR db: connection refused by <*>\n');
    expect(r.stdout).toContain('extract:\n  2024-05-01 10:00:01 ERROR db: connection refused by 10.0.0.1\n');
  });

  it('prints one JSON object with --json', () => {
    const r = run('extract', '--json', path.join(dir, 'app.log'));
    expect(r.status).toBe(0);
    const x = JSON.parse(r.stdout);
    expect(x).toMatchObject({ type: 'E', bytes: 64, extractTruncated: false });
    expect(x.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exits 2 with a message for a missing file', () => {
    const r = run('extract', path.join(dir, 'nope.log'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file');
  });

  it('exits 2 with usage for a wrong command line', () => {
    expect(run().status).toBe(2);
    expect(run('frobnicate').stderr).toContain('usage: logsift');
    expect(run('extract').status).toBe(2);
  });
});
