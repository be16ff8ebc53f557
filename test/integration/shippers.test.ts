/**
 * A real log shipper against the real local stack: Debian's syslog-ng
 * (syslog-ng-core + syslog-ng-mod-http, installed by .ci/run) follows two log
 * files and forwards what is appended to them to POST /logs — one as raw
 * text/plain batches, one as NDJSON records — on loopback. syslog-ng runs
 * unprivileged-style (--no-caps) with its config, persist file, pid file and
 * control socket in a temporary directory, and is stopped by its PID.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Stack, startStack } from '../helpers/stack.ts';

const SYSLOG_NG = '/usr/sbin/syslog-ng';

let stack: Stack;
let dir: string;
let shipper: ChildProcess | undefined;
let shipperOutput = '';
const run = randomUUID().slice(0, 8);

function syslogNgConfig(url: string, textLog: string, jsonLog: string): string {
  // One log line per syslog message (flags(no-parse)); each batch is one POST, so one log.
  return `@version: 3.38
options { stats-freq(0); };

source s_text { file("${textLog}" follow-freq(0.2) flags(no-parse)); };
source s_json { file("${jsonLog}" follow-freq(0.2) flags(no-parse)); };

destination d_text {
  http(url("${url}/logs") method("POST")
       headers("Content-Type: text/plain; charset=utf-8")
       body("\${MSG}")
       batch-lines(500) batch-timeout(300) persist-name("logsift-text"));
};
destination d_ndjson {
  http(url("${url}/logs") method("POST")
       headers("Content-Type: application/x-ndjson")
       body("$(format-json --scope none message=\${MSG} host=\${HOST})")
       batch-lines(500) batch-timeout(300) persist-name("logsift-ndjson"));
};

log { source(s_text); destination(d_text); };
log { source(s_json); destination(d_ndjson); };
`;
}

interface ReportJson {
  reportId: string;
  type: string;
  occurrences: number;
  extract: string;
}

/** Polls the report list until a report whose failure lines contain `text` shows `occurrences`. */
async function waitForReport(text: string, occurrences: number): Promise<ReportJson> {
  const deadline = Date.now() + 45_000;
  let last: ReportJson | undefined;
  while (Date.now() < deadline) {
    const response = await fetch(`${stack.url}/?q=${encodeURIComponent(text)}&format=json`);
    const body = (await response.json()) as { reports: ReportJson[] };
    last = body.reports[0];
    if (last && last.occurrences >= occurrences) return last;
    if (shipper?.exitCode !== null) throw new Error(`syslog-ng exited early:\n${shipperOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `no report with "${text}" seen ${occurrences} times (last: ${JSON.stringify(last)});\nsyslog-ng said:\n${shipperOutput}`,
  );
}

beforeAll(async () => {
  stack = await startStack();
  dir = mkdtempSync(join(tmpdir(), 'logsift-syslog-ng-'));
}, 120_000);

afterAll(async () => {
  if (shipper?.pid && shipper.exitCode === null) {
    const exited = new Promise((resolve) => shipper!.once('exit', resolve));
    process.kill(shipper.pid, 'SIGTERM');
    await exited;
  }
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('syslog-ng forwarding log files', () => {
  const textLog = () => join(dir, 'app.log');
  const jsonLog = () => join(dir, 'app.json.log');

  beforeAll(() => {
    // The files exist, holding a first failure each, before syslog-ng starts: it reads new files from the start.
    writeFileSync(
      textLog(),
      `INFO worker ${run} up\nERROR ${run} upstream refused connection to 10.1.2.3:5432\n`,
    );
    writeFileSync(jsonLog(), `INFO ndjson ${run} up\nWARNING ${run}-json queue depth above limit 17\n`);
    const conf = join(dir, 'syslog-ng.conf');
    writeFileSync(conf, syslogNgConfig(stack.url, textLog(), jsonLog()));
    shipper = spawn(
      SYSLOG_NG,
      [
        '-F',
        '-f',
        conf,
        '-R',
        join(dir, 'persist'),
        '-p',
        join(dir, 'pid'),
        '-c',
        join(dir, 'ctl'),
        '--no-caps',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const collect = (chunk: Buffer) => {
      shipperOutput = (shipperOutput + chunk.toString('utf8')).slice(-20_000);
    };
    shipper.stdout?.on('data', collect);
    shipper.stderr?.on('data', collect);
  });

  it('turns lines appended to a watched file into reports, counting a recurrence', async () => {
    const first = await waitForReport(`${run} upstream refused`, 1);
    expect(first.type).toBe('E');
    expect(first.extract).toBe(`ERROR ${run} upstream refused connection to 10.1.2.3:5432`);
    const log = await fetch(`${stack.url}/logs/${first.reportId}`);
    expect(await log.text()).toContain(`INFO worker ${run} up\nERROR ${run} upstream refused`);

    // The same failure with another address: the same report, one more occurrence.
    appendFileSync(textLog(), `INFO retrying\nERROR ${run} upstream refused connection to 10.9.8.7:6543\n`);
    const again = await waitForReport(`${run} upstream refused`, 2);
    expect(again.reportId).toBe(first.reportId);
    expect(again.occurrences).toBe(2);

    // A crash with a call stack becomes its own report, typed C.
    appendFileSync(
      textLog(),
      `Traceback (most recent call last):\n  File "/srv/${run}/job.py", line 12, in run\nZeroDivisionError: division by zero\n`,
    );
    const crash = await waitForReport(`/srv/${run}/job.py`, 1);
    expect(crash.type).toBe('C');
  }, 90_000);

  it('forwards NDJSON records as a stream, archived as syslog-ng sent them', async () => {
    const warning = await waitForReport(`${run}-json queue depth`, 1);
    expect(warning.type).toBe('W');
    expect(warning.extract).toBe(`WARNING ${run}-json queue depth above limit 17`);
    // A stream's report has an id of its own; its first log holds the records as they came.
    const firstLog = (warning as unknown as { links: { firstLog: string } }).links.firstLog;
    const log = await (await fetch(`${stack.url}${firstLog}`)).text();
    const records = log
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { message: string });
    expect(records.map((r) => r.message)).toEqual([
      `INFO ndjson ${run} up`,
      `WARNING ${run}-json queue depth above limit 17`,
    ]);
  }, 90_000);
});
