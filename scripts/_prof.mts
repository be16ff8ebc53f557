import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/emprof', '--import', 'tsx', 'scripts/bench-stack.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_GATEWAY_PROFILE: '/tmp/gwprof' } });
const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
const { url } = JSON.parse(line);
let seed = 7; const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
const bodies: Buffer[] = [];
for (let i = 0; i < 64; i++) { const lines: string[] = []; const size = 2048 + rnd(58*1024); let b = 0; const f = rnd(40); for (let k = 0; b < size; k++) { const l = k === f ? `2026-11-28 10:00:00 ERROR [worker-${rnd(16)}] svc.Module${rnd(24)}: operation failed: timeout after ${rnd(9000)}ms` : `2026-11-28 10:00:00 INFO  [http-${rnd(200)}] web.Access: GET /api/v1/items/${rnd(1e6)} 200 ${rnd(5000)}ms`; lines.push(l); b += l.length + 1; } bodies.push(Buffer.from(lines.join('\n') + '\n')); }
let next = 0; const N = 400; const t0 = performance.now();
await Promise.all(Array.from({ length: 8 }, async () => { while (next < N) { const i = next++; const form = new FormData(); form.append('file', new Blob([bodies[i % 64]!]), 'a.log'); const r = await fetch(`${url}/logs`, { method: 'POST', body: form }); await r.arrayBuffer(); } }));
console.log('logs/s', (N / ((performance.now() - t0) / 1000)).toFixed(0));
child.kill('SIGTERM'); await once(child, 'exit');
