/**
 * `npm start`: the whole service on this machine. Emulators in this process,
 * the local gateway as a child process group; one ready line once `GET /`
 * answers; Ctrl-C / SIGTERM / SIGHUP stop everything that was started.
 *
 *   PORT       HTTP port (default 5000)
 *   DATA_DIR   where S3 objects and DynamoDB tables persist (default .data/)
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { type LocalStack, REPO_ROOT, startLocalStack } from './local-stack';

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 5000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`logsift: PORT must be a port number from 1 to 65535, got "${raw}"`);
  }
  return port;
}

const TOKEN_VARIABLES = { read: 'READ_TOKENS', ingest: 'INGEST_TOKENS', admin: 'ADMIN_TOKENS' } as const;

/**
 * Whether the handlers will ask for bearer tokens: serverless.yml passes these
 * variables through from this environment, so say plainly which are set.
 */
export function authStatus(env: Record<string, string | undefined> = process.env): string {
  const set = Object.entries(TOKEN_VARIABLES)
    .filter(([, variable]) => (env[variable] ?? '').split(',').some((token) => token.trim() !== ''))
    .map(([role]) => role);
  if (set.length === 0) {
    return `auth: open (none of ${Object.values(TOKEN_VARIABLES).join(', ')} is set)`;
  }
  return `auth: bearer tokens configured for ${set.join(', ')}`;
}

/**
 * What is done with secrets logs carry: scrubbed from everything shown, kept
 * in the raw archive, which anyone reaches while READ_TOKENS is unset.
 */
export function scrubStatus(env: Record<string, string | undefined> = process.env): string {
  const extra = [env['SCRUB_FIELDS'] ? 'SCRUB_FIELDS' : '', env['SCRUB_PATTERNS'] ? 'SCRUB_PATTERNS' : '']
    .filter((name) => name !== '')
    .join(' and ');
  const rules = `scrubbing: secrets masked in extracts, signatures, titles and pages (built-in rules${extra ? ` and ${extra}` : ''})`;
  const open = (env['READ_TOKENS'] ?? '').trim() === '';
  if ((env['ARCHIVE_MODE'] ?? '').trim().toLowerCase() === 'scrubbed')
    return `${rules}; the archive keeps scrubbed copies only (ARCHIVE_MODE=scrubbed)`;
  return open
    ? `${rules}; warning: the raw archive (GET /logs/{id}) keeps them and READ_TOKENS is unset, so anyone can read it`
    : `${rules}; the raw archive keeps them, readable with a token`;
}

/** How long logs are kept and what the archive keeps (lib/config.ts reads the same variables). */
export function lifecycleStatus(env: Record<string, string | undefined> = process.env): string {
  const days = (env['RETENTION_DAYS'] ?? '').trim() || '90';
  const samples = Number((env['KEEP_SAMPLES'] ?? '').trim() || '0');
  const mode = (env['ARCHIVE_MODE'] ?? '').trim().toLowerCase() || 'raw';
  const byTtl = (env['EXPIRY_MODE'] ?? '').trim().toLowerCase() === 'ttl';
  const deleter = byTtl
    ? 'EXPIRY_MODE=ttl: dynalite has no TTL, so here expired logs read as absent but stay, bytes and all'
    : 'the sweeper runs hourly on AWS, every 5 × LOGSIFT_LOCAL_SCHEDULE_MS here';
  const retention =
    days === '0'
      ? 'retention: logs kept forever (RETENTION_DAYS=0)'
      : `retention: logs and their bytes deleted ${days} days after receipt (RETENTION_DAYS)${samples > 0 ? `, but each report's first ${samples} (KEEP_SAMPLES)` : ''}; ${deleter}`;
  const archive =
    mode === 'scrubbed'
      ? 'archive: scrubbed copies (ARCHIVE_MODE=scrubbed)'
      : 'archive: raw bytes as received (ARCHIVE_MODE=raw)';
  return `${retention}; ${archive}`;
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may contain spaces
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * `npm start` runs us as npm -> sh -> tsx -> node. A SIGTERM sent to npm alone
 * kills the sh but never reaches tsx, which would leave this process and its
 * children running; so stop when the launcher above tsx goes away. (Linux
 * only; elsewhere the signal relay of tsx is all there is.)
 */
function watchLauncher(onGone: () => void): void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  if (grandparent === undefined) return;
  setInterval(() => {
    if (process.ppid !== parent || parentOf(parent) !== grandparent) onGone();
  }, 1000).unref();
}

/**
 * Runs a stack in the foreground: prints `readyLines` once it answers, stops it
 * on SIGINT/SIGTERM/SIGHUP or when the launcher goes away, and exits non-zero
 * if it fails to start or the gateway dies. Shared with start-localstack.
 */
export async function serve(
  start: () => Promise<LocalStack>,
  readyLines: (stack: LocalStack) => string[],
): Promise<void> {
  let stack: LocalStack | undefined;
  let stopRequested = false;
  let stopping: Promise<void> | undefined;
  const shutdown = (code: number) => {
    stopRequested = true;
    // During start-up there is nothing to stop yet; see below.
    if (!stack) return;
    const running = stack;
    stopping ??= running.stop().then(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => shutdown(0));
  }
  watchLauncher(() => shutdown(0));

  try {
    stack = await start();
  } catch (error) {
    // PortInUseError and the start-up failures carry their own explanation.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (stopRequested) return shutdown(0);
  for (const line of readyLines(stack)) console.log(line);

  const status = await stack.exited;
  if (stopping) return;
  console.error(`logsift: the gateway exited unexpectedly (${status}); stopping`);
  shutdown(1);
}

if (require.main === module) {
  const dataDir = resolve(REPO_ROOT, process.env.DATA_DIR || '.data');
  const relativeDir = relative(process.cwd(), dataDir) || '.';
  const shownDir = relativeDir.startsWith('..') ? dataDir : relativeDir;
  void serve(
    async () => startLocalStack({ port: parsePort(process.env.PORT), dataDir }),
    (stack) => [
      `logsift ready at ${stack.url} (data in ${shownDir})`,
      authStatus(),
      scrubStatus(),
      lifecycleStatus(),
    ],
  );
}
