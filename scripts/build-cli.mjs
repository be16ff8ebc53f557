// Bundles the `logsift` CLI (lib/cli.ts) into dist/cli.js, which bin/logsift.cjs
// loads. Runs on every `npm install` (package.json `prepare`), so it must not
// need anything beyond the installed devDependencies.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };
await build({ ...common, entryPoints: ['lib/cli.ts'], outfile: 'dist/cli.js' });
// Loaded alone before the CLI, so a big file's hash starts while the rest loads.
await build({ ...common, entryPoints: ['lib/extract/hasher.ts'], outfile: 'dist/hasher.js' });
