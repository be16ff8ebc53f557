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
    expect(rows.map((row) => [row.count, row.type, row.title, row.firstLine, row.lastLine])).toEqual([
      [6, 'E', 'db: connection refused by <*>', 1, 8],
      [1, 'W', 'disk <*> full', 6, 6],
    ]);
    const text = run('summarize', path.join(dir, 'stream.log'));
    expect(text.stdout).toMatch(
      /^2 distinct failures\n +6 {2}E {2}line 1-8 +db: connection refused by <\*>\n +1 {2}W {2}line 6 +disk <\*> full\n$/,
    );
  });

  it('gives the first line of a stack block, and line numbers past many read buffers and long lines', () => {
    const lines: string[] = [];
    const quiet = 'INFO request served in 12 ms from the cache of the edge node';
    for (let i = 0; i < 4000; i++) lines.push(quiet);
    lines.push(`INFO a long line ${'x'.repeat(300_000)}`);
    for (let i = 0; i < 3000; i++) lines.push(quiet);
    // A crash with its stack: its first line is where it is, its frames do not count again.
    const crash = [
      'Traceback (most recent call last):',
      '  File "/srv/app/jobs.py", line 41, in run',
      '    settle(batch)',
      'ValueError: batch is empty',
      '',
    ];
    lines.push(...crash); // lines 7002-7006
    for (let i = 0; i < 5000; i++) lines.push(i === 2500 ? 'ERROR queue drained before shutdown' : quiet);
    lines.push(...crash); // lines 12007-12011
    writeFileSync(path.join(dir, 'big.log'), `${lines.join('\n')}\n`);
    const r = run('summarize', '--json', path.join(dir, 'big.log'));
    expect(r.status).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((row) => [row.count, row.type, row.firstLine, row.lastLine])).toEqual([
      [2, 'C', 7002, 12007],
      [1, 'E', 9507, 9507],
    ]);
    expect(lines[7001]).toBe(crash[0]);
    expect(lines[9506]).toBe('ERROR queue drained before shutdown');
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
