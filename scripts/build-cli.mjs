// Bundles the `logsift` CLI (lib/cli.ts) into dist/cli.js, which bin/logsift.cjs
// loads. Runs on every `npm install` (package.json `prepare`), so it must not
// need anything beyond the installed devDependencies.
import { build } from 'esbuild';

await build({
  entryPoints: ['lib/cli.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/cli.js',
  logLevel: 'warning',
});
