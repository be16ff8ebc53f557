// How fixtures/rsyslog-omelasticsearch-bulk.ndjson was captured (not run by the tests: rsyslog is not a
// dependency). rsyslog conflicts with syslog-ng as a Debian package, so it runs unpacked:
//   cd $ROOT && apt-get download rsyslog rsyslog-elasticsearch libestr0 libfastjson4 && for d in *.deb; do dpkg -x $d .; done
//   RSYSLOG_ROOT=$ROOT node rsyslog-capture.mjs > body.ndjson
// It feeds four syslog lines over TCP to rsyslogd (imptcp) and prints the body omelasticsearch posts
// with its default template to a loopback _bulk endpoint.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = process.env.RSYSLOG_ROOT ?? '/tmp/rsys/root';
const lib = path.join(root, 'usr/lib/x86_64-linux-gnu');
const bodies = [];
const http = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    bodies.push(body);
    const n = body.toString().split('\n').filter(Boolean).length / 2;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        took: 1,
        errors: false,
        items: Array.from({ length: n }, () => ({ index: { status: 201 } })),
      }),
    );
  });
});
await new Promise((r) => http.listen(0, '127.0.0.1', r));
const probe = net.createServer();
await new Promise((r) => probe.listen(0, '127.0.0.1', r));
const inPort = probe.address().port;
await new Promise((r) => probe.close(r));
const dir = mkdtempSync(path.join(tmpdir(), 'rsyslog-'));
writeFileSync(
  path.join(dir, 'rsyslog.conf'),
  `global(workDirectory="${dir}")
module(load="imptcp")
module(load="omelasticsearch")
input(type="imptcp" address="127.0.0.1" port="${inPort}")
*.* action(type="omelasticsearch" server="127.0.0.1" serverport="${http.address().port}" searchIndex="system" bulkmode="on")
`,
);
const rs = spawn(
  path.join(root, 'usr/sbin/rsyslogd'),
  ['-n', '-f', path.join(dir, 'rsyslog.conf'), '-M', path.join(lib, 'rsyslog'), '-i', path.join(dir, 'pid')],
  { env: { ...process.env, LD_LIBRARY_PATH: lib }, stdio: ['ignore', 'ignore', 'inherit'] },
);
await new Promise((r) => setTimeout(r, 1500));
const sock = net.connect(inPort, '127.0.0.1');
await new Promise((r) => sock.on('connect', r));
sock.end(
  [
    '<27>May  1 10:00:00 db-2 pgbouncer[812]: closing because: server conn crashed? (age=12s)',
    '<10>May  1 10:00:01 app-9 kernel: Out of memory: Killed process 4242 (java) total-vm:812344kB',
    '<30>May  1 10:00:02 web-3 systemd[1]: Started Daily apt upgrade and clean activities.',
    '<12>May  1 10:00:03 web-3 app[77]: WARN cache "sessions" is 91% full',
  ]
    .map((l) => `${l}\n`)
    .join(''),
);
for (let i = 0; i < 100 && bodies.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
rs.kill('SIGTERM');
await new Promise((r) => rs.on('exit', r));
http.close();
process.stdout.write(Buffer.concat(bodies));
