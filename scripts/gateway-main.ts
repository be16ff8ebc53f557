/**
 * The local gateway's process (started by scripts/local-stack.ts): reads the
 * HTTP routes, function timeouts and provider environment from serverless.yml,
 * loads every handler once (warm, as a Lambda container stays after its first
 * request), then serves scripts/gateway.ts on 127.0.0.1:$PORT and prints
 * `gateway listening on <port>` once it does.
 *
 *   PORT                          the port (required)
 *   LOGSIFT_LOCAL_CONCURRENCY     invocations at once (default 32)
 *   LOGSIFT_LOCAL_SCHEDULE_MS     how often `schedule` functions run (default 1000; scripts/local-schedule.ts)
 *   COUNT_MODE=async              also feed the count consumer from kinesalite (scripts/local-stream.ts)
 */
import { dirname, join } from 'node:path';
import { makeKinesisClient } from '#lib/store/clients';
import { createGateway, type GatewayRoute, type LambdaHandler } from './gateway.ts';
import { startLocalSchedules } from './local-schedule.ts';
import { startLocalStreams } from './local-stream.ts';
import { resolveEnvironment } from './serverless-env.ts';
import { readServerlessYml, SERVERLESS_YML } from './serverless-yml.ts';

const ROOT = dirname(SERVERLESS_YML);

async function main(): Promise<void> {
  const port = Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('gateway: PORT is not set');
  const doc = readServerlessYml();
  Object.assign(process.env, resolveEnvironment(doc.provider?.environment ?? {}, process.env));
  // As on AWS, only the local stack sets this: it lets 500s say what failed (lib/config.ts).
  process.env.IS_OFFLINE = 'true';
  const providerTimeout = Number(doc.provider?.timeout ?? 6);

  const routes: GatewayRoute[] = [];
  const handlers: Record<string, LambdaHandler> = {};
  for (const [name, fn] of Object.entries(doc.functions ?? {})) {
    const http = (fn.events ?? []).flatMap((event) => (event.httpApi ? [event.httpApi] : []));
    if (http.length === 0) continue;
    const dot = fn.handler.lastIndexOf('.');
    const module = (await import(join(ROOT, `${fn.handler.slice(0, dot)}.ts`))) as Record<string, unknown>;
    const handler = module[fn.handler.slice(dot + 1)];
    if (typeof handler !== 'function') throw new Error(`gateway: ${fn.handler} is not a function`);
    handlers[name] = handler as LambdaHandler;
    for (const event of http) {
      routes.push({
        name,
        method: event.method === '*' ? '*' : event.method.toUpperCase(),
        path: event.path,
        timeoutSeconds: Number(fn.timeout ?? providerTimeout),
      });
    }
  }

  const concurrency = Number(process.env.LOGSIFT_LOCAL_CONCURRENCY || 32);
  const server = createGateway({ routes, handlers, concurrency });
  server.listen(port, '127.0.0.1', () => {
    process.stdout.write(`gateway listening on ${port} (${routes.length} routes)\n`);
  });
  const schedules = await startLocalSchedules(doc, ROOT);
  const streams =
    process.env.COUNT_MODE === 'async'
      ? await startLocalStreams(doc, ROOT, makeKinesisClient())
      : { stop: async () => {} };
  const stop = () => {
    schedules.stop();
    void streams.stop();
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
