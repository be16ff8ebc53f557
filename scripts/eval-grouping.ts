/**
 * `npm run eval:grouping [CORPUS_DIR]`: starts a fresh local logsift (empty
 * data, free ports), posts every log of the labelled corpus to it with the
 * corpus's own scorer, prints the scorer's report and stops the stack.
 * Default corpus: ../shared/corpus/grouping-dev beside the repository.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT, startLocalStack } from './local-stack.ts';

async function main(): Promise<number> {
  const corpus = resolve(process.argv[2] ?? join(REPO_ROOT, '..', 'shared', 'corpus', 'grouping-dev'));
  const scorer = join(corpus, '..', 'score.mjs');
  const dataDir = mkdtempSync(join(tmpdir(), 'logsift-eval-'));
  const stack = await startLocalStack({ port: 0, dataDir, quiet: true });
  try {
    console.log(`logsift at ${stack.url}; scoring ${corpus}`);
    return await new Promise<number>((done, fail) => {
      const child = spawn(process.execPath, [scorer, corpus, stack.url], { stdio: 'inherit' });
      child.on('error', fail);
      child.on('exit', (code) => done(code ?? 1));
    });
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
