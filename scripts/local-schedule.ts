/**
 * The local stand-in for EventBridge schedules: every function of
 * serverless.yml with a `schedule` event (the alert notifier) is run in the
 * gateway's process, as its own Lambda would be, every
 * LOGSIFT_LOCAL_SCHEDULE_MS (default 1000) instead of its deployed rate —
 * one run at a time, so a slow run is never overlapped by the next. A
 * function deployed at a rate of an hour or more (the sweeper) runs
 * SLOW_FACTOR times less often: an idle sweep is one query per expiry shard,
 * which every second was a steady share of the local stack's storage calls,
 * and nothing it deletes is due to the second.
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

/** How many local periods apart an hourly (or rarer) schedule runs. */
export const SLOW_FACTOR = 5;

/** A `schedule` event's rate in minutes (`rate(1 hour)`, `{ rate: 'rate(5 minutes)' }`); null for cron or unknown. */
export function rateMinutes(event: unknown): number | null {
  const raw = typeof event === 'object' && event !== null ? (event as { rate?: unknown }).rate : event;
  const rate = Array.isArray(raw) ? raw[0] : raw;
  const match = typeof rate === 'string' ? /^rate\((\d+)\s+(minute|hour|day)s?\)$/.exec(rate.trim()) : null;
  if (!match) return null;
  return Number(match[1]) * { minute: 1, hour: 60, day: 1440 }[match[2] as 'minute' | 'hour' | 'day'];
}

/** The local period of a function with these `schedule` events. */
export function localPeriod(events: unknown[], every: number): number {
  const minutes = events.map(rateMinutes);
  const slow = minutes.length > 0 && minutes.every((m) => m !== null && m >= 60);
  return slow ? every * SLOW_FACTOR : every;
}

export async function startLocalSchedules(doc: ServerlessYml, root: string): Promise<LocalSchedule> {
  const base = Number(process.env.LOGSIFT_LOCAL_SCHEDULE_MS || 1000);
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  for (const [name, fn] of Object.entries(doc.functions ?? {})) {
    const events = (fn.events ?? []) as Record<string, unknown>[];
    const schedules = events.flatMap((event) => ('schedule' in event ? [event['schedule']] : []));
    if (schedules.length === 0) continue;
    const every = localPeriod(schedules, base);
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
