/**
 * Logs and metrics as a Lambda user expects them: one JSON line per event
 * (Powertools Logger) carrying the request id, the function and the route, and
 * CloudWatch Embedded Metric Format lines (Powertools Metrics) for what a user
 * would chart — logs ingested, reports created, regressions, storage failures.
 * On AWS both go to CloudWatch through stdout; locally the gateway's output.
 *
 * Each request's keys live in an AsyncLocalStorage scope, not on the shared
 * logger: a Lambda container serves one request at a time, but the local
 * gateway serves many in one process, and a key appended for one must never
 * land on another's lines.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const SERVICE = 'logsift';

const root = new Logger({ serviceName: process.env['POWERTOOLS_SERVICE_NAME'] ?? SERVICE });
const metrics = new Metrics({ namespace: 'logsift', serviceName: SERVICE });

export interface RequestKeys {
  requestId: string;
  /** `POST /logs`, the route as the table names it. */
  route: string;
  function?: string;
  coldStart?: boolean;
}

const scope = new AsyncLocalStorage<RequestKeys>();

let cold = true;

/** Runs `work` with `keys` on every line it logs. */
export function inRequest<T>(keys: Omit<RequestKeys, 'coldStart'>, work: () => Promise<T>): Promise<T> {
  const coldStart = cold;
  cold = false;
  return scope.run({ ...keys, coldStart }, work);
}

type Fields = Record<string, unknown>;

function fields(extra?: Fields): Fields {
  const keys = scope.getStore();
  return keys ? { ...keys, ...extra } : { ...extra };
}

export const log = {
  info: (message: string, extra?: Fields) => root.info(message, fields(extra)),
  warn: (message: string, extra?: Fields) => root.warn(message, fields(extra)),
  error: (message: string, extra?: Fields) => root.error(message, fields(extra)),
};

/** What a user charts. Names are stable: dashboards and alarms refer to them. */
export type MetricName =
  | 'LogsIngested'
  | 'ReportsCreated'
  | 'Regressions'
  | 'StorageFailures'
  | 'ServerErrors';

/**
 * One EMF line now, dimensioned by route. Added and published in one
 * synchronous run, so nothing is buffered across requests even when one
 * process serves many at once; the shared instance spares the per-call Metrics
 * construction `singleMetric()` costs (about 0.15 ms of CPU a metric).
 */
export function count(name: MetricName, value = 1): void {
  const keys = scope.getStore();
  if (keys) metrics.addDimension('route', keys.route);
  metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
}

/** The metrics of one ingested log: the reports it created and the issues it reopened. */
export function countIngested(reports: ReadonlyArray<{ isNew: boolean; regressed?: boolean }>): void {
  count('LogsIngested');
  const created = reports.filter((r) => r.isNew).length;
  const regressed = reports.filter((r) => r.regressed).length;
  if (created > 0) count('ReportsCreated', created);
  if (regressed > 0) count('Regressions', regressed);
}
