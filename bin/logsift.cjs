#!/usr/bin/env node
// The package `bin`: runs the bundled CLI (built by scripts/build-cli.mjs).
const argv = process.argv.slice(2);
// A big file's hash starts on its own thread before the rest of the CLI is loaded.
const hashJobs = require('../dist/hasher.js').startForArgv(argv);
const { main } = require('../dist/cli.js');

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
