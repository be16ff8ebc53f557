/**
 * What alerts cost an ingest, and how soon they arrive: the local stack three
 * times — without ALERT_RULES, with a new-report rule, with a surge rule (both
 * aimed at a receiver on 127.0.0.1) — each taking the same posts: NEW distinct
 * new failures and REPEAT occurrences of one known failure, CONCURRENCY at a
 * time. Prints median and p95 request latency of each kind, and for the
 * new-report rule the delay from a new failure's answer to its delivery.
 * Noisy on a shared machine: compare the runs of one invocation, not across
 * invocations.
 *
 *   npx tsx scripts/bench-alerts.ts            (NEW=100 REPEAT=300 CONCURRENCY=8)
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from './local-stack.ts';

const NEW = Number(process.env.NEW || 100);
const REPEAT = Number(process.env.REPEAT || 300);
const CONCURRENCY = Number(process.env.CONCURRENCY || 8);

const WORDS = ['amber', 'basalt', 'cobalt', 'dune', 'ember', 'fjord', 'garnet', 'heath', 'iris', 'jade'];
/** A failure no other post shares: words, since numbers are masked into one report. */
const distinct = (n: number) =>
  `ERROR bench vault ${WORDS[n % 10]} ${WORDS[Math.floor(n / 10) % 10]} ${WORDS[Math.floor(n / 100) % 10]} sealed\n`;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const fmt = (values: number[]) =>
  `median ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms`;

async function run(label: string, env: Record<string, string>, arrivals: Map<string, number> | null) {
  const dataDir = mkdtempSync(join(tmpdir(), 'logsift-bench-alerts-'));
  const stack = await startLocalStack({ port: 0, dataDir, quiet: true, env });
  try {
    const post = async (body: string) => {
      const started = performance.now();
      const response = await fetch(`${stack.url}/logs`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain' },
      });
      const answer = (await response.json()) as { reportId: string };
      return { ms: performance.now() - started, reportId: answer.reportId, at: Date.now() };
    };
    await post(distinct(999)); // warm: the first request loads every handler's code
    const jobs = [
      ...Array.from({ length: NEW }, (_, i) => ({ kind: 'new', body: distinct(i) })),
      ...Array.from({ length: REPEAT }, () => ({ kind: 'repeat', body: distinct(998) })),
    ];
    jobs.sort(() => Math.random() - 0.5);
    const results: { kind: string; ms: number; reportId: string; at: number }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          results.push({ kind: job.kind, ...(await post(job.body)) });
        }
      }),
    );
    const of = (kind: string) => results.filter((r) => r.kind === kind).map((r) => r.ms);
    console.log(`${label}: new failures ${fmt(of('new'))}; known failure ${fmt(of('repeat'))}`);
    if (arrivals) {
      const deadline = Date.now() + 30_000;
      const fresh = results.filter((r) => r.kind === 'new');
      while (fresh.some((r) => !arrivals.has(r.reportId)) && Date.now() < deadline)
        await new Promise((d) => setTimeout(d, 100));
      const delays = fresh
        .filter((r) => arrivals.has(r.reportId))
        .map((r) => arrivals.get(r.reportId)! - r.at);
      console.log(`${label}: ${delays.length}/${fresh.length} delivered; answer -> delivery ${fmt(delays)}`);
    }
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const arrivals = new Map<string, number>();
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        kind: string;
        report: { reportId: string };
      };
      if (body.kind === 'new' && !arrivals.has(body.report.reportId))
        arrivals.set(body.report.reportId, Date.now());
      res.writeHead(204).end();
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const rules = {
    destinations: { hook: { type: 'webhook', url, secret: 'bench-secret-0123456789abcdef' } },
    rules: [
      { name: 'new', on: 'new', to: ['hook'] },
      { name: 'spike', on: 'surge', to: ['hook'] },
    ],
  };
  try {
    await run('without rules', {}, null);
    const only = (names: string[]) =>
      JSON.stringify({ ...rules, rules: rules.rules.filter((rule) => names.includes(rule.name)) });
    await run('new-report rule', { ALERT_RULES: only(['new']), LOGSIFT_LOCAL_SCHEDULE_MS: '250' }, arrivals);
    await run('surge rule', { ALERT_RULES: only(['spike']), LOGSIFT_LOCAL_SCHEDULE_MS: '250' }, null);
  } finally {
    receiver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
