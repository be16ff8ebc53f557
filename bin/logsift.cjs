#!/bin/sh
//usr/bin/env true; unset NODE_EXTRA_CA_CERTS; exec node "$0" "$@"
// The line above is shell, and a comment in JavaScript: run as a program,
// the file starts node on itself without NODE_EXTRA_CA_CERTS, whose
// bundle node parses at every start (about 100 ms of a run here) and which
// this CLI, reading only local files, never uses.
// The package `bin`: runs the bundled CLI (built by scripts/build-cli.mjs).
const argv = process.argv.slice(2);
// A big file's hash starts on its own thread before the rest of the CLI is loaded.
const hashJobs = require('../dist/hasher.js').startForArgv(argv);
const { main } = loadCli();

// `logsift extract big.log | head`: the reader went away; that is the end, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(argv, hashJobs).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`logsift: ${err?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);

/**
 * dist/cli.js, compiled from V8's code cache where there is one: node's own
 * (node 22+), else the one scripts/build-cli.mjs made with this node. A run is
 * short, so compiling the functions it calls is a good part of it; a cache
 * made by another node or with other flags is rejected by V8 and costs nothing.
 */
function loadCli() {
  const Module = require('node:module');
  const path = require('node:path');
  const file = path.join(__dirname, '../dist/cli.js');
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache();
    return require(file);
  }
  const fs = require('node:fs');
  const vm = require('node:vm');
  let cachedData;
  try {
    // V8 checks a cache against its source's length only: one older than the bundle is not used.
    if (fs.statSync(`${file}.v8cache`).mtimeMs >= fs.statSync(file).mtimeMs)
      cachedData = fs.readFileSync(`${file}.v8cache`);
  } catch {
    // No cache: compiled as usual.
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}
