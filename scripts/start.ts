/**
 * `npm start`: the whole service on this machine. Emulators in this process,
 * serverless-offline as a child process group; one ready line once `GET /`
 * answers; Ctrl-C / SIGTERM / SIGHUP stop everything that was started.
 *
 *   PORT       HTTP port (default 5000)
 *   DATA_DIR   where S3 objects and DynamoDB tables persist (default .data/)
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { type LocalStack, REPO_ROOT, startLocalStack } from './local-stack';

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 5000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`logsift: PORT must be a port number from 1 to 65535, got "${raw}"`);
  }
  return port;
}

/** Until the token issue lands every route is open; say so plainly at start-up. */
function authStatus(): string {
  return 'auth: open: no tokens configured';
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

async function main(): Promise<number> {
  const port = parsePort(process.env.PORT);
  const dataDir = resolve(REPO_ROOT, process.env.DATA_DIR || '.data');
  const shownDir = relative(process.cwd(), dataDir) || '.';

  let stack: LocalStack | undefined;
  let stopping = false;
  let stopRequested = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stack?.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // A signal during start-up is handled once startLocalStack returns.
      stopRequested = true;
      if (stack) void shutdown(0);
    });
  }

  watchLauncher(() => void shutdown(0));
  stack = await startLocalStack({ port, dataDir });
  if (stopRequested) {
    await shutdown(0);
    return 0;
  }
  console.log(`logsift ready at ${stack.url} (data in ${shownDir})`);
  console.log(authStatus());

  const status = await stack.exited;
  if (stopping) return 0;
  console.error(`logsift: serverless offline exited unexpectedly (${status}); stopping`);
  await shutdown(1);
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // PortInUseError and the start-up failures carry their own explanation.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
