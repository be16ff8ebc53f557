import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { failureOfEntry } from '#lib/extract/event';
import { configureFingerprintRules, parseFingerprintRules } from '#lib/extract/fingerprint-rules';
import { Extractor } from '#lib/extract/index';
import { ingestEvents } from '#lib/service/events';
import { harness, ingest } from '../service/helpers.ts';

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

  it('reads a gzip-compressed or UTF-16 log as the text it holds: extract and summarize as for the plain file', () => {
    const text = [
      'ok',
      'ERROR queue drained before shutdown',
      'ok',
      'ERROR queue drained before shutdown',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'rotated.log'), text);
    writeFileSync(path.join(dir, 'rotated.log.1.gz'), gzipSync(text));
    for (const command of [['extract'], ['extract', '--json'], ['summarize', '--json']]) {
      const plain = run(...command, path.join(dir, 'rotated.log'));
      const gz = run(...command, path.join(dir, 'rotated.log.1.gz'));
      expect([gz.status, gz.stdout.replaceAll('rotated.log.1.gz', 'rotated.log')]).toEqual([0, plain.stdout]);
    }
    expect(run('summarize', '--json', path.join(dir, 'rotated.log.1.gz')).stdout).toContain('"lastLine":4');
    // UTF-16 with its mark, as PowerShell writes, read as the same text
    writeFileSync(path.join(dir, 'rotated.utf16.log'), Buffer.from(`\ufeff${text}`, 'utf16le'));
    const wide = run('summarize', '--json', path.join(dir, 'rotated.utf16.log'));
    expect(wide.stdout).toBe(run('summarize', '--json', path.join(dir, 'rotated.log')).stdout);
    writeFileSync(
      path.join(dir, 'corrupt.gz'),
      Buffer.concat([gzipSync(text).subarray(0, 10), Buffer.alloc(30, 0xff)]),
    );
    const corrupt = run('extract', path.join(dir, 'corrupt.gz'));
    expect(corrupt.status).not.toBe(0);
    expect(corrupt.stderr).toContain('does not inflate');
  });

  it('runs as a program without the CA bundle NODE_EXTRA_CA_CERTS names, and as `node FILE` with it', () => {
    // Node warns at start-up when it cannot load that bundle: the warning shows whether it tried.
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: path.join(dir, 'no-such-bundle.pem') };
    const asProgram = spawnSync(bin, ['extract', path.join(dir, 'app.log')], {
      cwd: root,
      encoding: 'utf8',
      env,
    });
    expect(asProgram.status).toBe(0);
    expect(asProgram.stderr).toBe('');
    expect(asProgram.stdout).toBe(run('extract', path.join(dir, 'app.log')).stdout);
    const viaNode = spawnSync(process.execPath, [bin, '--help'], { cwd: root, encoding: 'utf8', env });
    expect(viaNode.stderr).toContain('no-such-bundle.pem');
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

/**
 * The CLI groups a log as the service does under the same FINGERPRINT_RULES:
 * each fingerprint is checked against the report key the service's own
 * in-process path (ingest of a document; a stream's events) gives the same bytes.
 */
describe('logsift with fingerprint rules', () => {
  const RULES = JSON.stringify([{ fingerprint: 'license server down', message: '*license*' }]);
  const seat = 'INFO booting\nERROR license check for seat 12 failed: server did not answer\n';
  const lease = 'INFO booting\nWARNING feature export disabled: license lease expired\n';
  let seatFile: string;
  let leaseFile: string;

  const withEnv = (env: Record<string, string | undefined>, ...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FINGERPRINT_RULES: undefined, ...env },
    });
  const fingerprints = (r: ReturnType<typeof withEnv>) => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { fingerprint: string; rule?: { fingerprint: string } });
  };

  /** The report key the service gives a document, with `rules` configured as at its cold start. */
  async function serviceKey(text: string, rules: string | undefined): Promise<string> {
    configureFingerprintRules(parseFingerprintRules(rules));
    try {
      const result = await ingest(harness(), text);
      return result.report!.reportKey;
    } finally {
      configureFingerprintRules([]);
    }
  }

  beforeAll(() => {
    seatFile = path.join(dir, 'seat.log');
    leaseFile = path.join(dir, 'lease.log');
    writeFileSync(seatFile, seat);
    writeFileSync(leaseFile, lease);
  });

  it('keeps two failures apart without rules, as the service does', async () => {
    const [a, b] = fingerprints(withEnv({}, 'extract', '--json', seatFile, leaseFile));
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
    expect(a!.fingerprint).toBe(await serviceKey(seat, undefined));
    expect(b!.fingerprint).toBe(await serviceKey(lease, undefined));
  });

  it('reads FINGERPRINT_RULES and gives both logs the fingerprint the service gives them', async () => {
    const [a, b] = fingerprints(
      withEnv({ FINGERPRINT_RULES: RULES }, 'extract', '--json', seatFile, leaseFile),
    );
    const key = await serviceKey(seat, RULES);
    expect(await serviceKey(lease, RULES)).toBe(key);
    expect([a!.fingerprint, b!.fingerprint]).toEqual([key, key]);
    expect(a!.rule?.fingerprint).toBe('license server down');
    const text = withEnv({ FINGERPRINT_RULES: RULES }, 'extract', seatFile);
    expect(text.stdout).toContain(`fingerprint: ${key}\n`);
  });

  it('takes the rules from --fingerprint-rules, as JSON or @FILE, over the environment', async () => {
    const key = await serviceKey(lease, RULES);
    const other = JSON.stringify([{ fingerprint: 'boots', message: '*seat*' }]);
    const inline = fingerprints(
      withEnv({ FINGERPRINT_RULES: other }, 'extract', '--json', '--fingerprint-rules', RULES, leaseFile),
    );
    expect(inline[0]!.fingerprint).toBe(key);
    const rulesFile = path.join(dir, 'rules.json');
    writeFileSync(rulesFile, RULES);
    const fromFile = fingerprints(
      withEnv({}, 'extract', '--json', `--fingerprint-rules=@${rulesFile}`, leaseFile),
    );
    expect(fromFile[0]!.fingerprint).toBe(key);
  });

  it('summarizes a stream under the rules with the report keys the service counts it on', async () => {
    const body = `${seat}${lease}2026-12-01 09:00:00 ERROR disk /srv at 97% full\n${lease}`;
    const file = path.join(dir, 'license-stream.log');
    writeFileSync(file, body);
    const rows = fingerprints(withEnv({ FINGERPRINT_RULES: RULES }, 'summarize', '--json', file)) as Array<{
      fingerprint: string;
      count: number;
    }>;

    configureFingerprintRules(parseFingerprintRules(RULES));
    try {
      // As functions/ingest-log.ts reads a text body with ?unit=event.
      const failures: ReturnType<typeof failureOfEntry>[] = [];
      const extractor = new Extractor({ onEntry: (entry) => failures.push(failureOfEntry(entry)) });
      extractor.push(Buffer.from(body));
      const { sha256 } = extractor.finish();
      const h = harness();
      const counted = await ingestEvents(
        h.stores,
        { bytes: Buffer.from(body), sha256, contentType: 'text/plain' },
        failures.length,
        failures,
        h.clock.now(),
      );
      const service = counted.reports.map(({ report, counted }) => [report.reportKey, counted]);
      expect(rows.map((row) => [row.fingerprint, row.count])).toEqual(service);
      expect(rows.map((row) => row.count)).toEqual([3, 1]);
    } finally {
      configureFingerprintRules([]);
    }
  });

  it('exits 2 naming the rule and field of a bad rule, from the option or the environment', () => {
    const bad = withEnv({}, 'extract', '--fingerprint-rules', '[{"fingerprint":"x","mesage":"*"}]', seatFile);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--fingerprint-rules[0] has an unknown field "mesage"');
    const env = withEnv({ FINGERPRINT_RULES: '{' }, 'summarize', seatFile);
    expect(env.status).toBe(2);
    expect(env.stderr).toContain('logsift: FINGERPRINT_RULES is not JSON');
    expect(withEnv({}, 'extract', seatFile, '--fingerprint-rules').status).toBe(2);
    expect(
      withEnv({}, 'extract', '--fingerprint-rules', `@${path.join(dir, 'none.json')}`, seatFile).stderr,
    ).toContain('cannot read fingerprint rules');
  });
});
