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
      /^type: E\ntitle: db: connection refused by <\*>\nculprit: -\nfingerprint: [0-9a-f]{64}\nsha256: [0-9a-f]{64}\nbytes: 64\nsignature:\n/,
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

  it('prints one JSON object per file, many files in one process', () => {
    writeFileSync(path.join(dir, 'crash.log'), 'TypeError: boom\n    at run (/app/a.js:1:1)\n');
    const r = run('extract', '--json', path.join(dir, 'app.log'), path.join(dir, 'crash.log'));
    expect(r.status).toBe(0);
    const objects = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(objects.map((o) => [path.basename(o.file), o.type, o.title])).toEqual([
      ['app.log', 'E', 'db: connection refused by <*>'],
      ['crash.log', 'C', 'TypeError: boom'],
    ]);
    expect(objects[1].culprit).toBe('run (a.js)');
  });

  it('summarizes a file as a stream would count it: each failure event on its own', () => {
    const lines = [];
    for (let i = 0; i < 5; i++)
      lines.push(`2026-12-01 10:00:0${i} ERROR db: connection refused by 10.0.0.${i}`);
    lines.push('2026-12-01 10:00:09 WARN disk 91% full', 'INFO fine');
    lines.push('2026-12-01 10:00:10 ERROR db: connection refused by 10.9.9.9');
    writeFileSync(path.join(dir, 'stream.log'), `${lines.join('\n')}\n`);
    const r = run('summarize', '--json', path.join(dir, 'stream.log'));
    expect(r.status).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((row) => [row.count, row.type, row.title])).toEqual([
      [6, 'E', 'db: connection refused by <*>'],
      [1, 'W', 'disk <*> full'],
    ]);
    const text = run('summarize', path.join(dir, 'stream.log'));
    expect(text.stdout).toMatch(/^2 distinct failures\n +6 {2}E {2}db: connection refused by <\*>\n/);
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
