#!/usr/bin/env node
// Writes a synthetic log of typical lines for throughput benchmarks:
//   node scripts/gen-log.mjs SIZE_MB OUT
// Mostly INFO lines of a few common shapes, about 1 in 200 a WARNING/ERROR line,
// about 1 in 5000 followed by a short JVM stack. Deterministic (fixed seed).
import { createWriteStream } from 'node:fs';

const [sizeArg, out] = process.argv.slice(2);
const size = Number(sizeArg) * 1024 * 1024;
if (!out || !Number.isFinite(size) || size <= 0) {
  console.error('usage: node scripts/gen-log.mjs SIZE_MB OUT');
  process.exit(2);
}

let seed = 42;
const rnd = (n) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const ip = () => `10.${rnd(256)}.${rnd(256)}.${rnd(256)}`;
const ts = (i) =>
  `2024-03-${String(1 + (i % 28)).padStart(2, '0')} 12:${String(rnd(60)).padStart(2, '0')}:${String(rnd(60)).padStart(2, '0')},${rnd(1000)}`;
const info = [
  (i) => `${ts(i)} INFO  [main] org.example.server.Handler: Accepted connection from /${ip()}:${rnd(65536)}`,
  (i) =>
    `${ts(i)} INFO  [pool-${rnd(8)}-thread-${rnd(64)}] dfs.DataNode$PacketResponder: Received block blk_${rnd(1e9)} of size ${rnd(1 << 26)} from /${ip()}`,
  (i) =>
    `${ts(i)} DEBUG [worker-${rnd(16)}] cache.Store: hit ratio ${rnd(100)}.${rnd(100)}% for shard ${rnd(512)}`,
  (i) =>
    `${ts(i)} INFO  [http-nio-8080-exec-${rnd(200)}] web.Access: GET /api/v1/items/${rnd(1e6)} 200 ${rnd(5000)}ms`,
];
const bad = [
  (i) => `${ts(i)} WARNING [main] net.Client: Slow request ${rnd(1e6)} took ${rnd(9000)}ms`,
  (i) => `${ts(i)} ERROR [worker-${rnd(16)}] db.Pool: Connection refused by ${ip()}:5432`,
];
const stack = [
  'java.lang.IllegalStateException: pool exhausted',
  '\tat org.example.db.Pool.acquire(Pool.java:118)',
  '\tat org.example.server.Handler.handle(Handler.java:52)',
  '\tat java.base/java.lang.Thread.run(Thread.java:833)',
];

const ws = createWriteStream(out);
let written = 0;
let i = 0;
function pump() {
  while (written < size) {
    const lines = [];
    for (let k = 0; k < 2000; k++, i++) {
      const r = rnd(5000);
      if (r === 0) lines.push(bad[1](i), ...stack);
      else if (r < 25) lines.push(bad[r % 2](i));
      else lines.push(info[r % info.length](i));
    }
    const chunk = `${lines.join('\n')}\n`;
    written += Buffer.byteLength(chunk);
    if (!ws.write(chunk)) return ws.once('drain', pump);
  }
  ws.end();
}
pump();
