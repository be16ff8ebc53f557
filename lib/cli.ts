/**
 * `logsift` command line: local, offline tools over the same pure modules the
 * service uses. `main` returns the exit code instead of exiting, so it can be
 * called from tests and from bin/logsift.cjs alike.
 */
import { stat } from 'node:fs/promises';
import type { Extraction } from '#lib/extract/index';
import { extractFile } from '#lib/extract/read-file';

const USAGE = `usage: logsift extract [--json] FILE

  extract FILE   print the failure type, fingerprint, raw SHA-256, size,
                 signature and extract of a local log file
  --json         print one JSON object instead
`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`logsift: ${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command !== 'extract')
    throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  let json = false;
  const files: string[] = [];
  for (const a of rest) {
    if (a === '--json') json = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else files.push(a);
  }
  const [file] = files;
  if (file === undefined || files.length !== 1) throw new UsageError('extract needs exactly one FILE');
  const info = await stat(file).catch(() => null);
  if (info === null) throw new UsageError(`cannot read '${file}': no such file`);
  if (!info.isFile()) throw new UsageError(`cannot read '${file}': not a regular file`);
  const x = await extractFile(file);
  process.stdout.write(json ? `${JSON.stringify(x)}\n` : formatText(x));
  return 0;
}

function formatText(x: Extraction): string {
  const indent = (s: string) => (s === '' ? '' : `${s.replace(/^/gm, '  ')}\n`);
  return (
    `type: ${x.type ?? '-'}\n` +
    `fingerprint: ${x.fingerprint ?? '-'}\n` +
    `sha256: ${x.sha256}\n` +
    `bytes: ${x.bytes}\n` +
    `signature:\n${indent(x.signature)}` +
    `extract:${x.extractTruncated ? ' (truncated)' : ''}\n${indent(x.extract)}`
  );
}
