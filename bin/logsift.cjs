#!/usr/bin/env node
// The package `bin`: runs the bundled CLI (built by scripts/build-cli.mjs).
const { main } = require('../dist/cli.js');

// `logsift extract big.log | head`: the reader went away; that is the end, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`logsift: ${err?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
