/**
 * The local stand-in for EventBridge schedules: every function of
 * serverless.yml with a `schedule` event (the alert notifier) is run in the
 * gateway's process, as its own Lambda would be, every
 * LOGSIFT_LOCAL_SCHEDULE_MS (default 1000) instead of its deployed rate —
 * one run at a time, so a slow run is never overlapped by the next.
 */
import { join } from 'node:path';
import type { ServerlessYml } from './serverless-yml.ts';

type Scheduled = (event: unknown, context: unknown) => Promise<unknown>;

export interface LocalSchedule {
  stop(): void;
}

function scheduledEvent(name: string) {
  return {
    version: '0',
    id: `local-${Date.now()}`,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    time: new Date().toISOString(),
    region: process.env.AWS_REGION ?? 'us-east-1',
    resources: [`local:schedule/${name}`],
    detail: {},
  };
}

export async function startLocalSchedules(doc: ServerlessYml, root: string): Promise<LocalSchedule> {
  const every = Number(process.env.LOGSIFT_LOCAL_SCHEDULE_MS || 1000);
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  for (const [name, fn] of Object.entries(doc.functions ?? {})) {
    const events = (fn.events ?? []) as Record<string, unknown>[];
    if (!events.some((event) => 'schedule' in event)) continue;
    const dot = fn.handler.lastIndexOf('.');
    const module = (await import(join(root, `${fn.handler.slice(0, dot)}.ts`))) as Record<string, unknown>;
    const handler = module[fn.handler.slice(dot + 1)] as Scheduled;
    if (typeof handler !== 'function') throw new Error(`gateway: ${fn.handler} is not a function`);
    const tick = async () => {
      try {
        await handler(scheduledEvent(name), { functionName: name });
      } catch (error) {
        process.stderr.write(`schedule ${name}: ${(error as Error).message}\n`);
      }
      if (!stopped) timers.push(setTimeout(tick, every));
    };
    timers.push(setTimeout(tick, every));
  }
  return {
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
