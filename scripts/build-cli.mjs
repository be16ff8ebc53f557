// Bundles the `logsift` CLI (lib/cli.ts) into dist/cli.js, which bin/logsift.cjs
// loads. Runs on every `npm install` (package.json `prepare`), so it must not
// need anything beyond the installed devDependencies.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };
// V8 checks a code cache against its source's length only: an old cache must not outlive its bundle.
rmSync('dist/cli.js.v8cache', { force: true });
await build({ ...common, entryPoints: ['lib/cli.ts'], outfile: 'dist/cli.js' });
// Loaded alone before the CLI, so a big file's hash starts while the rest loads.
await build({ ...common, entryPoints: ['lib/extract/hasher.ts'], outfile: 'dist/hasher.js' });

// node 20 has no compile cache of its own (node 22's is used where there is
// one, bin/logsift.cjs): V8's code cache of dist/cli.js, made after extracts of
// two small logs of scripts/gen-log.mjs, so that it holds the functions an
// extract compiles, not only the bundle's top level. Same node, no flags: V8
// takes a cache only from the node and flags that made it.
const TRAIN = `
const Module = require('node:module');
const fs = require('node:fs');
const vm = require('node:vm');
const path = require('node:path');
const [file, ...logs] = process.argv.slice(1);
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
(async () => {
  for (const log of logs) await mod.exports.main(['extract', log]);
  fs.writeFileSync(file + '.v8cache', script.createCachedData());
})();
`;
if (typeof (await import('node:module')).default.enableCompileCache !== 'function') {
  const dir = mkdtempSync(join(tmpdir(), 'logsift-build-'));
  try {
    const logs = [join(dir, 'generated.log'), join(dir, 'realistic.log')];
    execFileSync(process.execPath, ['scripts/gen-log.mjs', '2', logs[0]]);
    execFileSync(process.execPath, ['scripts/gen-log.mjs', '--realistic', '2', logs[1]]);
    execFileSync(process.execPath, ['-e', TRAIN, join(process.cwd(), 'dist/cli.js'), ...logs], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
