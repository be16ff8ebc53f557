/**
 * `npm start` as a new user runs it: the real command, a fresh DATA_DIR, a
 * free PORT; resolves once it prints its ready line, and stops it with SIGINT
 * (then SIGKILL for anything it left).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REPO_ROOT } from '../../scripts/local-stack.ts';

export interface NpmStart {
  url: string;
  dataDir: string;
  npm: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Every process below `pid` (from /proc), deepest last. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function npmStart(env: Record<string, string> = {}, readyMs = 90_000): Promise<NpmStart> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'logsift-npm-start-'));
  const npm = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-64 * 1024);
  });
  npm.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-64 * 1024);
  });
  const exited = new Promise<void>((done) => npm.once('exit', () => done()));
  const stop = async () => {
    const started = npm.pid ? descendants(npm.pid) : [];
    if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGINT');
    await Promise.race([exited, new Promise((late) => setTimeout(late, 20_000))]);
    for (const pid of [...started, npm.pid ?? 0]) if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`npm start not ready in ${readyMs} ms:\n${output}`)),
        readyMs,
      );
      const check = setInterval(() => {
        if (output.includes(`logsift ready at http://127.0.0.1:${port}`)) {
          clearTimeout(timer);
          clearInterval(check);
          ready();
        }
      }, 50);
      npm.once('exit', (code) => {
        clearTimeout(timer);
        clearInterval(check);
        fail(new Error(`npm start exited (${code}):\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, dataDir, npm, output: () => output, stop };
}
