/**
 * rsyslog's omelasticsearch (Debian's rsyslog 8, unpacked by
 * scripts/unpack-rsyslog.sh: it conflicts with syslog-ng as a package)
 * forwarding syslog messages to the stack's Elasticsearch-compatible /_bulk:
 * rsyslog reports no failed item, and each failure message counts on its own
 * report, the same failure from two hosts on one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const ROOT = process.env.RSYSLOG_ROOT ?? '/opt/logsift-rsyslog';
const stack = withStack();

function moduleDir(): string {
  const lib = join(ROOT, 'usr', 'lib');
  const arch = existsSync(lib)
    ? readdirSync(lib).find((d) => existsSync(join(lib, d, 'rsyslog', 'omelasticsearch.so')))
    : undefined;
  if (!arch)
    throw new Error(
      `no rsyslog with omelasticsearch under ${ROOT}: run scripts/unpack-rsyslog.sh ${ROOT} (.ci/run does)`,
    );
  return join(lib, arch);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ready) => probe.listen(0, '127.0.0.1', ready));
  const port = (probe.address() as { port: number }).port;
  await new Promise((done) => probe.close(done));
  return port;
}

let rsyslogd: ChildProcess | undefined;
let dir: string;
let output = '';
let inPort: number;

beforeAll(async () => {
  const lib = moduleDir();
  dir = mkdtempSync(join(tmpdir(), 'logsift-rsyslog-'));
  inPort = await freePort();
  const { port } = new URL(stack.url);
  writeFileSync(
    join(dir, 'rsyslog.conf'),
    `global(workDirectory="${dir}")
module(load="imptcp")
module(load="omelasticsearch")
input(type="imptcp" address="127.0.0.1" port="${inPort}")
*.* action(type="omelasticsearch" server="127.0.0.1" serverport="${port}" searchIndex="syslog"
           bulkmode="on" errorfile="${join(dir, 'errors.json')}")
`,
  );
  rsyslogd = spawn(
    join(ROOT, 'usr', 'sbin', 'rsyslogd'),
    ['-n', '-f', join(dir, 'rsyslog.conf'), '-M', join(lib, 'rsyslog'), '-i', join(dir, 'pid')],
    { env: { ...process.env, LD_LIBRARY_PATH: lib }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  rsyslogd.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  rsyslogd.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Ready once its TCP input accepts a connection.
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(inPort, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (rsyslogd.exitCode !== null) break;
    await new Promise((tick) => setTimeout(tick, 100));
  }
  throw new Error(`rsyslogd did not start:\n${output}`);
}, 30_000);

afterAll(async () => {
  if (rsyslogd && rsyslogd.exitCode === null) {
    rsyslogd.kill('SIGTERM');
    await new Promise((done) => rsyslogd?.once('exit', done));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function send(lines: string[]): Promise<void> {
  const socket = connect(inPort, '127.0.0.1');
  await new Promise<void>((ready) => socket.once('connect', () => ready()));
  await new Promise<void>((done) => socket.end(lines.map((line) => `${line}\n`).join(''), () => done()));
}

async function reportWith(text: string, occurrences: number): Promise<{ occurrences: number; type: string }> {
  for (let i = 0; i < 100; i++) {
    const answer = await request(stack.url, `/?format=json&q=${encodeURIComponent(text)}`);
    const found = (answer.body['reports'] as Array<{ occurrences: number; type: string }>) ?? [];
    if (found.length === 1 && found[0]!.occurrences >= occurrences) return found[0]!;
    await new Promise((tick) => setTimeout(tick, 200));
  }
  throw new Error(`no report with "${text}" counted ${occurrences} times;\nrsyslogd said:\n${output}`);
}

describe('rsyslog omelasticsearch', () => {
  it('forwards syslog messages in bulk: failed items none, each failure on its report', async () => {
    await send([
      '<27>Dec  1 10:00:00 db-2 pgbouncer[812]: closing because: server conn crashed? (age=12s)',
      '<27>Dec  1 10:00:04 db-7 pgbouncer[9031]: closing because: server conn crashed? (age=3s)',
      '<28>Dec  1 10:00:05 web-3 app[77]: WARN cache "sessions" is 91% full',
      '<30>Dec  1 10:00:06 web-3 systemd[1]: Started Daily apt upgrade and clean activities.',
    ]);
    const crashed = await reportWith('server conn crashed', 2);
    expect(crashed.occurrences).toBe(2);
    const full = await reportWith('"sessions" is', 1);
    expect(full.type).toBe('W');
    expect((await request(stack.url, '/?format=json&q=apt%20upgrade')).body['reports']).toEqual([]);
    // omelasticsearch writes every item the server refused to its errorfile.
    const errors = join(dir, 'errors.json');
    expect(existsSync(errors) ? readFileSync(errors, 'utf8') : '').toBe('');
  }, 60_000);
});
