/**
 * `logsift` command line: local, offline tools over the same pure modules the
 * service uses. `main` returns the exit code instead of exiting, so it can be
 * called from tests and from bin/logsift.cjs alike.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { failureOfEntry } from '#lib/extract/event';
import { configureFingerprintRules, parseFingerprintRules } from '#lib/extract/fingerprint-rules';
import type { HashJob } from '#lib/extract/hasher';
import type { Extraction } from '#lib/extract/index';
import { extractFile, needsDecoding, textChunks } from '#lib/extract/read-file';
import { headlineOf } from '#lib/extract/title';

const USAGE = `usage: logsift extract [--json] [--fingerprint-rules RULES] FILE...
       logsift summarize [--json] [--fingerprint-rules RULES] FILE

  extract FILE...   the failure type, title, culprit, fingerprint, raw SHA-256,
                    size, signature and extract of each local log file, read as
                    a document (one report for the run's failure scenario)
  summarize FILE    the file's distinct failures as a stream would count them
                    (each failure event on its own report): count, type, title,
                    culprit and the first and last line it was seen on, most
                    frequent first
  --json            one JSON object per file (extract) or per failure (summarize)
  --fingerprint-rules RULES
                    group by these fingerprint rules, the service's
                    FINGERPRINT_RULES syntax: a JSON array, or @FILE holding
                    one; without the option, FINGERPRINT_RULES is read
`;

class UsageError extends Error {}

/** `hashJobs`: hashes bin/logsift.cjs started before loading the CLI (lib/extract/hasher.ts startForArgv). */
export async function main(argv: string[], hashJobs: readonly HashJob[] = []): Promise<number> {
  try {
    return await run(argv, hashJobs);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`logsift: ${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

async function readable(file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info === null) throw new UsageError(`cannot read '${file}': no such file`);
  if (!info.isFile()) throw new UsageError(`cannot read '${file}': not a regular file`);
}

/**
 * The CLI groups as the service does: the same rules, parsed by the same
 * function, set the same way before anything is read. The option wins over
 * the environment, as a command line's words usually do.
 */
async function useFingerprintRules(option: string | undefined): Promise<void> {
  let raw = process.env['FINGERPRINT_RULES'];
  let source = 'FINGERPRINT_RULES';
  if (option !== undefined) {
    source = '--fingerprint-rules';
    raw = option;
    if (option.startsWith('@')) {
      const file = option.slice(1);
      raw = await readFile(file, 'utf8').catch(() => {
        throw new UsageError(`cannot read fingerprint rules '${file}': no such file`);
      });
      source = file;
    }
  }
  try {
    configureFingerprintRules(parseFingerprintRules(raw, source));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^logsift: /, ''));
  }
}

async function run(argv: string[], hashJobs: readonly HashJob[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command !== 'extract' && command !== 'summarize')
    throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  let json = false;
  let rules: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--fingerprint-rules' || a.startsWith('--fingerprint-rules=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (value === undefined)
        throw new UsageError('--fingerprint-rules needs RULES (a JSON array or @FILE)');
      rules = value;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else files.push(a);
  }
  await useFingerprintRules(rules);
  if (files.length === 0) throw new UsageError(`${command} needs a FILE`);
  if (command === 'summarize') {
    if (files.length !== 1) throw new UsageError('summarize takes one FILE');
    await readable(files[0]!);
    await summarize(files[0]!, json);
    return 0;
  }
  for (const file of files) await readable(file);
  for (const file of files) {
    const { headline: read, ...x } = await extractFile(file, {
      hashJob: hashJobs.find((job) => job.path === file),
    });
    const headline = x.type === null ? { title: null, culprit: null } : (read ?? headlineOf(x.signature));
    if (json) process.stdout.write(`${JSON.stringify({ file, ...headline, ...x })}\n`);
    else
      process.stdout.write(
        `${files.length > 1 ? `== ${file}\n` : ''}${formatText(x, headline.title, headline.culprit)}`,
      );
  }
  return 0;
}

interface Counted {
  type: string;
  title: string;
  culprit: string | null;
  fingerprint: string;
  count: number;
  /** 1-based line numbers of the first line of its first and of its last occurrence. */
  firstLine: number;
  lastLine: number;
}

/**
 * The extractor's streaming pass, each failure entry counted on its
 * fingerprint with the byte offsets of its first and last occurrence; then
 * those offsets are turned into line numbers by a count of the newlines
 * before them (the scanner skips ordinary lines without counting them).
 */
async function summarize(file: string, json: boolean): Promise<void> {
  const counts = new Map<string, Counted & { firstAt: number; lastAt: number }>();
  await extractFile(file, {
    onEntry: (entry) => {
      const failure = failureOfEntry(entry);
      const at = entry.at ?? 0;
      const seen = counts.get(failure.fingerprint);
      if (seen) {
        seen.count++;
        seen.lastAt = at;
      } else
        counts.set(failure.fingerprint, {
          type: failure.type,
          ...headlineOf(failure.signature),
          fingerprint: failure.fingerprint,
          count: 1,
          firstLine: 0,
          lastLine: 0,
          firstAt: at,
          lastAt: at,
        });
    },
  });
  const lines = await lineNumbersAt(
    file,
    [...counts.values()].flatMap((c) => [c.firstAt, c.lastAt]),
  );
  const rows: Counted[] = [...counts.values()]
    .map(({ firstAt, lastAt, ...row }) => ({
      ...row,
      firstLine: lines.get(firstAt) ?? 0,
      lastLine: lines.get(lastAt) ?? 0,
    }))
    .sort((a, b) => b.count - a.count || a.firstLine - b.firstLine);
  if (json) {
    for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
    return;
  }
  const width = Math.max(5, ...rows.map((r) => String(r.count).length));
  const span = Math.max(5, ...rows.map((r) => `${r.firstLine}-${r.lastLine}`.length));
  process.stdout.write(`${rows.length} distinct failures\n`);
  for (const r of rows) {
    const where = r.firstLine === r.lastLine ? String(r.firstLine) : `${r.firstLine}-${r.lastLine}`;
    process.stdout.write(
      `${String(r.count).padStart(width)}  ${r.type}  ${`line ${where}`.padEnd(span + 5)}  ${r.title}${
        r.culprit ? `  (${r.culprit})` : ''
      }\n`,
    );
  }
}

const COUNT_CHUNK = 128 * 1024;

/** Newlines in buf[from, to). */
function newlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let p = buf.indexOf(10, from); p >= 0 && p < to; p = buf.indexOf(10, p + 1)) n++;
  return n;
}

/** The 1-based line number of each byte offset (a line's start), reading the file up to the last. */
async function lineNumbersAt(file: string, offsets: number[]): Promise<Map<number, number>> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  if (wanted.length === 0) return lines;
  let base = 0;
  let before = 0;
  let i = 0;
  for await (const buf of chunksOf(file)) {
    if (i >= wanted.length) break;
    const n = buf.length;
    let p = 0;
    for (; i < wanted.length && wanted[i]! < base + n; i++) {
      const stop = wanted[i]! - base;
      before += newlines(buf, p, stop);
      p = stop;
      lines.set(wanted[i]!, before + 1);
    }
    before += newlines(buf, p, n);
    base += n;
  }
  return lines;
}

/** The file's text in chunks, as the extractor read it: its bytes, or their text when gzip or UTF-16. */
async function* chunksOf(file: string): AsyncGenerator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    if (needsDecoding(fd)) {
      yield* textChunks(file);
      return;
    }
    const chunk = Buffer.allocUnsafe(COUNT_CHUNK);
    for (
      let n = readSync(fd, chunk, 0, COUNT_CHUNK, null);
      n > 0;
      n = readSync(fd, chunk, 0, COUNT_CHUNK, null)
    )
      yield chunk.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function formatText(x: Extraction, title: string | null, culprit: string | null): string {
  // Two spaces at each line start, as /^/gm would insert them, found by the line ends:
  // /^/gm tries every position of a 32 KB extract, in V8's regexp interpreter (a
  // regexp run once is not compiled).
  const indent = (s: string) => (s === '' ? '' : `  ${s.replace(/[\n\r\u2028\u2029]/g, '$&  ')}\n`);
  return (
    `type: ${x.type ?? '-'}\n` +
    `title: ${title ?? '-'}\n` +
    `culprit: ${culprit ?? '-'}\n` +
    `fingerprint: ${x.fingerprint ?? '-'}\n` +
    `sha256: ${x.sha256}\n` +
    `bytes: ${x.bytes}\n` +
    `signature:\n${indent(x.signature)}` +
    `extract:${x.extractTruncated ? ' (truncated)' : ''}\n${indent(x.extract)}`
  );
}
