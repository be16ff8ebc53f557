/**
 * The local stack in its own process for `npm run bench`, so the load
 * generator never shares an event loop with the emulators it measures. Prints
 * one JSON line ({url, pid, dynamoEndpoint, s3Endpoint, env}) once `GET /`
 * answers; stops everything on SIGTERM/SIGINT.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from './local-stack.ts';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'logsift-bench-'));
  // BENCH_GATEWAY_PROFILE: a directory for the gateway's (the handlers') CPU profile.
  const profile = process.env.BENCH_GATEWAY_PROFILE;
  const gatewayNodeFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const stack = await startLocalStack({ port: 0, dataDir, quiet: true, gatewayNodeFlags });
  const stop = async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const { url, pid, dynamoEndpoint, s3Endpoint, env } = stack;
  process.stdout.write(`${JSON.stringify({ url, pid, dynamoEndpoint, s3Endpoint, env })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
