/**
 * `logsift extract` against `grep -ciE 'warning|error|callstack'` on two 100 MB
 * logs of scripts/gen-log.mjs: its default mix and its --realistic one. Whole
 * processes, wall time, the two commands alternated on the same file so that a
 * change in the machine's speed hits both; medians. Peak RSS of the extract
 * from /usr/bin/time -v. In the same rounds, the floor under any node CLI:
 * node's start-up alone, and a node process that only reads and hashes the file.
 *
 *   npx tsx scripts/bench-extract.ts [--quick]
 *
 * `benchExtract` is what scripts/bench.ts calls; run alone, this prints the same.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { Extractor } from '#lib/extract/index';

const REPO_ROOT = join(__dirname, '..');
const GREP_ARGS = ['-ciE', 'warning|error|callstack'];
/** The floor under any node CLI: the whole process reading the file and taking its SHA-256, and nothing else. */
const HASH_ONLY = `const h = require('node:crypto').createHash('sha256'); const fs = require('node:fs');
const b = Buffer.allocUnsafe(1 << 20); const fd = fs.openSync(process.argv[1], 'r');
for (let n; (n = fs.readSync(fd, b, 0, b.length, null)) > 0; ) h.update(b.subarray(0, n));
process.stdout.write(h.digest('hex'));`;

export interface Figure {
  what: string;
  figure: string;
  target: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One run: wall ms measured here; CPU seconds (user + system) and peak RSS (MiB) as /usr/bin/time -v reports them. */
function run(cmd: string, argv: string[]): { ms: number; cpu: number; rssMiB: number; stdout: string } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...argv], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  // grep exits 1 when nothing matched, which is still a count.
  if (r.status !== 0 && !(cmd === 'grep' && r.status === 1)) {
    throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  }
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  const seconds = (what: string) =>
    Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? 0);
  return { ms, cpu: seconds('User') + seconds('System'), rssMiB: Number(kb ?? 0) / 1024, stdout: r.stdout };
}

/**
 * Where a document's result stops depending on the lines still to come
 * (Extractor.isSettled): from there the CLI only hashes. Null: at no point.
 */
function settledAt(file: string): number | null {
  const x = new Extractor();
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  try {
    let at = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return null;
      x.push(buf.subarray(0, n));
      at += n;
      if (x.isSettled) return at;
    }
  } finally {
    closeSync(fd);
  }
}

export async function benchExtract(opts: { quick?: boolean; workDir: string }): Promise<Figure[]> {
  const rounds = opts.quick ? 3 : 7;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const cli = join(REPO_ROOT, 'bin/logsift.cjs');
  const logs = [
    { name: 'generated', flags: [] as string[] },
    { name: 'realistic', flags: ['--realistic'] },
  ];
  const figures: Figure[] = [];
  for (const log of logs) {
    const file = join(opts.workDir, `extract-${log.name}.log`);
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/gen-log.mjs'), ...log.flags, '100', file]);
    const mb = statSync(file).size / 1e6;
    // Warm the page cache and both programs before counting.
    run('grep', [...GREP_ARGS, file]);
    run(cli, ['extract', file]);
    const ours: number[] = [];
    const viaNode: number[] = [];
    const grep: number[] = [];
    const bare: number[] = [];
    const hashOnly: number[] = [];
    const cpuRatio: number[] = [];
    const rss: number[] = [];
    let count = '';
    for (let i = 0; i < rounds; i++) {
      // As `logsift extract` runs: the bin as a program (its shell line drops NODE_EXTRA_CA_CERTS).
      const x = run(cli, ['extract', file]);
      ours.push(x.ms);
      viaNode.push(run(process.execPath, [cli, 'extract', file]).ms);
      rss.push(x.rssMiB);
      const g = run('grep', [...GREP_ARGS, file]);
      grep.push(g.ms);
      cpuRatio.push(g.cpu / Math.max(x.cpu, 0.001));
      count = g.stdout.trim();
      bare.push(run(process.execPath, ['-e', '0']).ms);
      hashOnly.push(run(process.execPath, ['-e', HASH_ONLY, file]).ms);
    }
    const oursMBs = mb / (median(ours) / 1000);
    const grepMBs = mb / (median(grep) / 1000);
    const of = `${log.name} log, ${mb.toFixed(0)} MB, ${count} grep matches`;
    figures.push(
      {
        what: `extract throughput (${of})`,
        figure: `${oursMBs.toFixed(0)} MB/s (median ${median(ours).toFixed(0)} ms of ${rounds})`,
        target: '',
      },
      {
        what: `grep -ciE throughput (${log.name})`,
        figure: `${grepMBs.toFixed(0)} MB/s (median ${median(grep).toFixed(0)} ms of ${rounds})`,
        target: '',
      },
      { what: `extract / grep (${log.name})`, figure: (oursMBs / grepMBs).toFixed(2), target: '≥ 0.5' },
      {
        what: `extract / grep, the bin run as \`node bin/logsift.cjs\` (${log.name})`,
        figure: `${(median(grep) / median(viaNode)).toFixed(2)} (median ${median(viaNode).toFixed(0)} ms)${
          process.env.NODE_EXTRA_CA_CERTS ? ', which keeps NODE_EXTRA_CA_CERTS' : ''
        }`,
        target: '',
      },
      {
        what: `extract / grep in CPU time, user + system (${log.name})`,
        figure: `${median(cpuRatio).toFixed(2)} (median of the pairs)`,
        target: '',
      },
      {
        what: `floor: node start-up alone, and node reading + SHA-256 of the file (${log.name})`,
        figure: `${median(bare).toFixed(0)} ms and ${median(hashOnly).toFixed(0)} ms (medians of ${rounds}, same run)${
          process.env.NODE_EXTRA_CA_CERTS
            ? '; NODE_EXTRA_CA_CERTS is set: node parses that CA file at every start'
            : ''
        }`,
        target: '',
      },
      {
        what: `extract peak RSS (${log.name})`,
        figure: `${Math.max(...rss).toFixed(0)} MiB (max of ${rounds})`,
        target: '< 200 MiB',
      },
    );
    const settled = settledAt(file);
    figures.push({
      what: `lines read (${log.name})`,
      figure:
        settled === null
          ? 'all (the result can change up to the last line)'
          : `the first ${(settled / 1e6).toFixed(1)} MB: then the signature holds its 256 entries, the extract is cut and a stack was seen; the rest is only hashed`,
      target: '',
    });
    rmSync(file, { force: true });
  }
  if (!opts.quick) {
    // Memory must not grow with the input: the same reader on a file four times larger.
    const file = join(opts.workDir, 'extract-400.log');
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/gen-log.mjs'), '400', file]);
    const x = run(cli, ['extract', file]);
    figures.push({
      what: 'extract peak RSS (generated log, 400 MB)',
      figure: `${x.rssMiB.toFixed(0)} MiB (one run, ${(x.ms / 1000).toFixed(1)} s)`,
      target: '< 200 MiB',
    });
    rmSync(file, { force: true });
  }
  // The extract hashes on a second thread only while a core is idle (lib/extract/read-file.ts).
  figures.push({
    what: 'load average (1 min) after the runs',
    figure: `${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`,
    target: '',
  });
  return figures;
}

if (require.main === module) {
  const workDir = mkdtempSync(join(tmpdir(), 'bench-extract-'));
  benchExtract({ quick: process.argv.includes('--quick'), workDir })
    .then((figures) => {
      const w = Math.max(...figures.map((f) => f.what.length));
      for (const f of figures)
        console.log(`${f.what.padEnd(w)}  ${f.figure}${f.target ? `  (target ${f.target})` : ''}`);
    })
    .finally(() => rmSync(workDir, { recursive: true, force: true }));
}
