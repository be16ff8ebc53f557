/**
 * `npm run bench`: one run on this machine, printing
 *   1. `logsift extract` on two 100 MB logs of scripts/gen-log.mjs (its
 *      default mix and --realistic): MB/s, ratio to `grep -ciE
 *      'warning|error|callstack'` on the same file (runs alternated, medians),
 *      peak RSS (/usr/bin/time -v) on 100 and 400 MB (scripts/bench-extract.ts),
 *      and where its CPU time goes (node --cpu-prof, top self-time functions);
 *   2. HTTP ingest on the local stack, 8 and 32 concurrent clients posting
 *      2–60 KB logs: logs/s, p50, p99, each beside the same load against a
 *      bare busboy server in the same run, and the ratio;
 *   2b. a burst from cold: 64 clients at once, 1,000 small logs, the answers
 *      by status and the count of answers that lie;
 *   3. GET / and GET /issues p50 with 1,000 and with 100,000 reports (seeded
 *      with BatchWriteItem in the items DynamoReportStore.create writes);
 *   4. each function's bundle (serverless package) and its cold module load.
 * Options: --only=extract,ingest,burst,lists,bundles   --quick (smaller counts)
 *          --profile-dir=DIR (with --profile: keep the ingest profiles there)
 *          --profile (also profile the gateway with its handlers, and the emulators, under load)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_LIST_SHARDS } from '#lib/config';
import { benchExtract } from './bench-extract.ts';
import { seedReports } from './bench-seed.ts';
import { dynamoClient, REPO_ROOT } from './local-stack.ts';

const args = process.argv.slice(2);
const only = new Set(
  (args.find((a) => a.startsWith('--only='))?.slice(7) ?? 'extract,ingest,burst,lists,bundles').split(','),
);
const quick = args.includes('--quick');
const profiling = args.includes('--profile');
const work = mkdtempSync(join(tmpdir(), 'logsift-bench-'));
const summary: [string, string, string][] = [];
const note = (what: string, figure: string, target = '') => {
  summary.push([what, figure, target]);
  console.log(`  ${what}: ${figure}${target ? `   (${target})` : ''}`);
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

// ---------------------------------------------------------------------------
// 1. extract vs grep

interface CpuFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CpuFrame }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self time in a .cpuprofile (busy time only), top n, as "share name": by function, or by
 * where the code lives (a package under node_modules, a lib/ or functions/
 * file, node's own internals, idle, GC).
 */
function topFunctions(profilePath: string, n: number, by: 'function' | 'place' = 'function'): string[] {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return; // shares of the time the thread was busy
    const name = by === 'function' ? functionName(frame) : placeName(frame);
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`);
}

function functionName(frame: CpuFrame): string {
  const file = frame.url.replace(/^.*\/(lib|node_modules|dist)\//, '$1/').replace(/^node:/, '');
  return `${frame.functionName || '(anonymous)'} ${file ? `(${file}:${frame.lineNumber + 1})` : ''}`;
}

function placeName(frame: CpuFrame): string {
  const url = frame.url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/((?:lib|functions|scripts)\/.*)$/.exec(url);
  if (own) return own[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  if (url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native/builtin)';
  return url;
}

/** Each directory's profile (one process), by where its busy time went. */
function summariseProfiles(dirs: string[]): void {
  console.log('  where the time goes (node --cpu-prof, busy time by package/module):');
  for (const dir of dirs) {
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) continue;
    const path = join(dir, file);
    const { samples, timeDeltas, nodes } = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
    const idle = new Set(nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    let busy = 0;
    samples.forEach((id, i) => {
      if (!idle.has(id)) busy += timeDeltas[i] ?? 0;
    });
    console.log(`   ${dir.split('/').pop()}: ${(busy / 1000).toFixed(0)} ms busy`);
    for (const line of topFunctions(path, 7, 'place')) console.log(`      ${line}`);
  }
}

/** scripts/bench-extract.ts: both generated logs against grep, peak RSS; then a CPU profile of one run. */
async function runExtractBench(): Promise<void> {
  console.log('\n== logsift extract vs grep on 100 MB logs (generated and realistic)');
  for (const { what, figure, target } of await benchExtract({ quick, workDir: work }))
    note(what, figure, target);
  const file = join(work, 'bench-profile.log');
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/gen-log.mjs'), '--realistic', '100', file]);
  const profDir = join(work, 'prof-extract');
  mkdirSync(profDir);
  execFileSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profDir}`, join(REPO_ROOT, 'bin/logsift.cjs'), 'extract', file],
    {
      stdio: 'ignore',
    },
  );
  const profile = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!;
  console.log('  where the time goes on the realistic log (node --cpu-prof, self time, main thread):');
  for (const line of topFunctions(join(profDir, profile), 8)) console.log(`    ${line}`);
  rmSync(file);
}

// ---------------------------------------------------------------------------
// 2. HTTP ingest

interface StackInfo {
  url: string;
  pid: number;
  dynamoEndpoint: string;
  env: Record<string, string>;
}

async function startBenchStack(
  profileDir?: string,
  gatewayProfileDir?: string,
): Promise<{ info: StackInfo; child: ChildProcess; stop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  if (gatewayProfileDir) env['BENCH_GATEWAY_PROFILE'] = gatewayProfileDir;
  // Profiled, this process (the S3 and DynamoDB emulators) writes its profile on exit.
  const child = spawn(process.execPath, [...profileFlags(profileDir), ...TSX, 'scripts/bench-stack.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => {
      throw new Error('bench stack exited before it was ready');
    }),
  ])) as [string];
  const info = JSON.parse(line) as StackInfo;
  return {
    info,
    child,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

/** Deterministic logs of 2–60 KB: INFO lines and one failure from a pool of 24. */
function ingestBodies(count: number): Buffer[] {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const bodies: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const size = 2048 + rnd(58 * 1024);
    const failureAt = rnd(40);
    const lines: string[] = [];
    let bytes = 0;
    for (let k = 0; bytes < size; k++) {
      const line =
        k === failureAt
          ? `2026-11-28 10:00:${String(k % 60).padStart(2, '0')} ERROR [worker-${rnd(16)}] svc.Module${rnd(24)}: operation failed: timeout after ${rnd(9000)}ms`
          : `2026-11-28 10:00:${String(k % 60).padStart(2, '0')} INFO  [http-${rnd(200)}] web.Access: GET /api/v1/items/${rnd(1e6)} 200 ${rnd(5000)}ms`;
      lines.push(line);
      bytes += line.length + 1;
    }
    bodies.push(Buffer.from(`${lines.join('\n')}\n`));
  }
  return bodies;
}

interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Runs of load() so far: each run's logs end in lines of their own. */
let loadRuns = 0;

/**
 * `total` posts of the bodies, `clients` at a time. Every post is a log never
 * sent before — as a shipper's are —, its last line naming the run and the
 * post: a repeated log would skip the archive's S3 PUT (identical bytes are
 * stored once), which real traffic does not.
 */
async function load(url: string, bodies: Buffer[], total: number, clients: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const run = ++loadRuns;
  const client = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const form = new FormData();
      const last = Buffer.from(`2026-11-28 10:01:00 INFO run ${run} post ${i} done\n`);
      form.append('file', new Blob([bodies[i % bodies.length]!, last]), 'app.log');
      const started = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        body: form,
        headers: { accept: 'application/json' },
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      if (response.status !== 200 && response.status !== 201) errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: total / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}

/** A process's CPU time so far (user + system, all its threads), in ms, from /proc (Linux; 0 elsewhere). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, the 14th and 15th fields, in clock ticks (USER_HZ, 100 on Linux)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Runs tsx as a loader in the same node process, so node's own flags (--cpu-prof) apply. */
const TSX = ['--import', 'tsx'];
const profileFlags = (dir?: string) => (dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);

async function benchIngest(): Promise<void> {
  console.log('\n== HTTP ingest: 8 and 32 concurrent clients posting 2–60 KB logs');
  const bodies = ingestBodies(64);
  const total = quick ? 160 : 480;
  // --profile-dir=DIR keeps the profiles (else they go with the run's temporary directory).
  const keep = args.find((a) => a.startsWith('--profile-dir='))?.slice(14);
  const profileDir = profiling ? (keep ?? join(work, 'prof-ingest')) : undefined;
  const emulatorsProfile = profileDir && join(profileDir, 'emulators (s3rver + dynalite, whole run)');
  const gatewayProfile = profileDir && join(profileDir, 'gateway and handlers (whole run)');
  for (const dir of [emulatorsProfile, gatewayProfile]) if (dir) mkdirSync(dir, { recursive: true });
  const stack = await startBenchStack(emulatorsProfile, gatewayProfile);
  const bare = spawn(process.execPath, [...TSX, 'scripts/bench-bare.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [bareUrl] = (await once(createInterface({ input: bare.stdout! }), 'line')) as [string];
  try {
    // warm: JIT, id blocks, keep-alive sockets on both sides
    await load(`${stack.info.url}/logs`, bodies, 64, 8);
    await load(bareUrl, bodies, 64, 8);
    const mean = bodies.reduce((a, b) => a + b.length, 0) / bodies.length / 1024;
    console.log(`  ${total} logs per run (mean ${mean.toFixed(0)} KB), stack and bare server alternated`);
    for (const clients of [8, 32]) {
      const cpu = [cpuMs(stack.info.pid), cpuMs(stack.child.pid!), process.cpuUsage()] as const;
      const ours = await load(`${stack.info.url}/logs`, bodies, total, clients);
      const [gateway, emulators] = [cpuMs(stack.info.pid) - cpu[0], cpuMs(stack.child.pid!) - cpu[1]];
      const client = process.cpuUsage(cpu[2]);
      const bareBefore = [cpuMs(bare.pid!), process.cpuUsage()] as const;
      const base = await load(bareUrl, bodies, total, clients);
      const bareServer = cpuMs(bare.pid!) - bareBefore[0];
      const bareClient = process.cpuUsage(bareBefore[1]);
      const perLog = (x: number) => (x / total).toFixed(2);
      const clientMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
      note(
        `CPU per log (user + system), ${clients} clients`,
        `gateway ${perLog(gateway)} ms, emulators ${perLog(emulators)} ms, load generator ${perLog(clientMs(client))} ms; ` +
          `bare server ${perLog(bareServer)} ms, its load generator ${perLog(clientMs(bareClient))} ms`,
      );
      note(
        `ingest via local stack, ${clients} clients`,
        `${ours.perSecond.toFixed(0)} logs/s, p50 ${ms(ours.p50)}, p99 ${ms(ours.p99)}, ${ours.errors} errors`,
        'p99 < 1 s, 0 errors',
      );
      note(
        `bare busboy server, ${clients} clients`,
        `${base.perSecond.toFixed(0)} logs/s, p50 ${ms(base.p50)}, p99 ${ms(base.p99)}`,
      );
      note(
        `stack / bare, ${clients} clients`,
        (ours.perSecond / base.perSecond).toFixed(3),
        clients === 8 ? 'target ≥ 0.3' : 'target ≥ 0.25',
      );
    }
  } finally {
    bare.kill('SIGTERM');
    await stack.stop();
  }
  if (gatewayProfile && emulatorsProfile) summariseProfiles([gatewayProfile, emulatorsProfile]);
}

// ---------------------------------------------------------------------------
// 2b. a burst from cold

/**
 * A fresh stack, then 64 clients at once posting 1,000 small failure logs: the
 * answers by status, and how many lied — a 2xx without a stored log's answer,
 * or a failure that is not a 503/429 with Retry-After in the error shape.
 */
async function benchBurst(): Promise<void> {
  const clients = 64;
  const total = quick ? 400 : 1_000;
  console.log(`\n== burst from cold: ${clients} clients at once, ${total} small failure logs`);
  const stack = await startBenchStack();
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  let lies = 0;
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (;;) {
          const i = next++;
          if (i >= total) return;
          const body = `2026-12-01T10:00:00Z ERROR job ${i} failed: queue ${i % 7} is full (${i} waiting)\n`;
          const t0 = performance.now();
          const response = await fetch(`${stack.info.url}/logs`, {
            method: 'POST',
            body,
            headers: { 'content-type': 'text/plain' },
          });
          const text = await response.text();
          latencies.push(performance.now() - t0);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          let json: { logId?: unknown; error?: { code?: unknown } } = {};
          try {
            json = JSON.parse(text) as typeof json;
          } catch {}
          const stored = response.ok && typeof json.logId === 'string' && json.error === undefined;
          const retry =
            (response.status === 503 || response.status === 429) &&
            response.headers.has('retry-after') &&
            typeof json.error?.code === 'string';
          if (!stored && !retry) lies++;
        }
      }),
    );
  } finally {
    await stack.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const byStatus = [...statuses.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  note(`burst answers by status (${total} posts)`, byStatus);
  note('burst answers that lie', String(lies), 'target 0');
  note(
    'burst throughput and latency',
    `${(total / seconds).toFixed(0)} logs/s, p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}`,
  );
}

// ---------------------------------------------------------------------------
// 3. list latency vs table size

async function listLatency(url: string, path: string, n: number): Promise<number> {
  const headers = { accept: 'text/html' };
  // warm: the worker thread and its JIT, so that both table sizes are measured alike
  for (let i = 0; i < 30; i++) await (await fetch(`${url}${path}`, { headers })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

async function benchLists(): Promise<void> {
  const big = quick ? 20_000 : 100_000;
  console.log(`\n== GET / and GET /issues with 1,000 and ${big.toLocaleString('en')} reports (p50 of 50)`);
  // The deployed list shape, not the local stack's single shard: seeding (scripts/bench-seed.ts) reads it too.
  process.env['LIST_SHARDS'] ??= String(DEFAULT_LIST_SHARDS);
  const stack = await startBenchStack();
  const ddb = DynamoDBDocumentClient.from(dynamoClient(stack.info.dynamoEndpoint), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const table = stack.info.env['REPORTS_TABLE']!;
  try {
    const figures: Record<string, number> = {};
    let seeded = 0;
    for (const size of [1_000, big]) {
      const started = performance.now();
      const rate = await seedReports(ddb, table, seeded, size, 8);
      console.log(
        `  seeded ${(size - seeded).toLocaleString('en')} reports in ${((performance.now() - started) / 1000).toFixed(0)} s (${rate.toFixed(0)}/s)`,
      );
      seeded = size;
      for (const path of ['/', '/issues']) {
        figures[`${path} ${size}`] = await listLatency(stack.info.url, path, 50);
      }
    }
    for (const path of ['/', '/issues']) {
      const small = figures[`${path} 1000`]!;
      const large = figures[`${path} ${big}`]!;
      note(
        `GET ${path} p50, 1k → ${big / 1000}k reports`,
        `${ms(small)} → ${ms(large)} (×${(large / small).toFixed(2)})`,
        'target ≤ ×1.5',
      );
    }
  } finally {
    ddb.destroy();
    await stack.stop();
  }
}

// ---------------------------------------------------------------------------
// 4. bundles and cold load

function benchBundles(): void {
  console.log('\n== function bundles (serverless package, esbuild) and cold module load');
  const out = join(work, 'package');
  execFileSync('npx', ['serverless', 'package', '--package', out], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
  });
  const unzipped = join(work, 'unzipped');
  for (const zip of readdirSync(out).filter((f) => f.endsWith('.zip') && f !== 'custom-resources.zip')) {
    note(`package ${zip}`, `${(statSync(join(out, zip)).size / 1e6).toFixed(2)} MB zipped`);
    execFileSync('unzip', ['-q', '-o', join(out, zip), '-d', unzipped]);
  }
  const dir = join(unzipped, 'functions');
  const env = {
    ...process.env,
    LOGSIFT_BUCKET: 'bench',
    LOGS_TABLE: 'bench',
    REPORTS_TABLE: 'bench',
    META_TABLE: 'bench',
    AWS_REGION: 'eu-west-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const load = (file: string) => {
    const started = performance.now();
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], { env });
    return performance.now() - started;
  };
  const runs = quick ? 3 : 5;
  const baseline = median(Array.from({ length: runs }, () => load(join(REPO_ROOT, 'package.json'))));
  console.log(`  node start + exit alone: ${ms(baseline)} (subtracted below)`);
  const rows: string[] = [];
  const withSdk: { size: number; cold: number }[] = [];
  const withoutSdk: { size: number; cold: number }[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const path = join(dir, file);
    const size = statSync(path).size / 1024;
    load(path); // page cache warm: a cold Lambda's cost is compiling and running it, not the disk
    const cold = median(Array.from({ length: runs }, () => load(path))) - baseline;
    rows.push(`    ${file.padEnd(24)} ${`${size.toFixed(0)} KB`.padStart(9)} ${ms(cold).padStart(10)}`);
    (size > 500 ? withSdk : withoutSdk).push({ size, cold });
  }
  const range = (xs: number[], unit: (x: number) => string) =>
    `${unit(Math.min(...xs))}–${unit(Math.max(...xs))}`;
  for (const [label, group] of [
    ['bundles with the AWS SDK', withSdk],
    ['bundles without it', withoutSdk],
  ] as const) {
    if (group.length === 0) continue;
    const sizes = range(
      group.map((g) => g.size),
      (x) => `${x.toFixed(0)} KB`,
    );
    const colds = group.map((g) => g.cold);
    note(
      `${label} (${group.length})`,
      `${sizes}, cold load median ${ms(median(colds))} (${range(colds, ms)})`,
    );
  }
  console.log(`    ${'handler'.padEnd(24)} ${'bundle'.padStart(9)} ${'cold load'.padStart(10)}`);
  for (const row of rows) console.log(row);
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`logsift bench — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  try {
    if (only.has('extract')) await runExtractBench();
    if (only.has('ingest')) await benchIngest();
    if (only.has('burst')) await benchBurst();
    if (only.has('lists')) await benchLists();
    if (only.has('bundles')) benchBundles();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const width = Math.max(...summary.map(([w]) => w.length));
  console.log(`\n== summary (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const [what, figure, target] of summary) {
    console.log(`  ${what.padEnd(width)}  ${figure}${target ? `   [${target}]` : ''}`);
  }
}

if (!existsSync('/usr/bin/time')) {
  console.error('bench: /usr/bin/time is missing (apt-get install time)');
  process.exit(1);
}
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
