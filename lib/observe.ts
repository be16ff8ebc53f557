/**
 * Logs and metrics as a Lambda user expects them: one JSON line per event
 * (Powertools Logger) carrying the request id, the function and the route, and
 * CloudWatch Embedded Metric Format lines (Powertools Metrics) for what a user
 * would chart — logs ingested, reports created, regressions, storage failures.
 * On AWS both go to CloudWatch through stdout; locally the gateway's output.
 *
 * A request's keys travel with it, in the Observer its handler makes
 * (lib/http/handler.ts), not on the shared logger: a Lambda container serves
 * one request at a time, but the local gateway serves many in one process,
 * and a key of one must never land on another's lines. (They were held in an
 * AsyncLocalStorage scope, which in node 20 hooks every promise the process
 * makes: an SDK call, whose middlewares are all async, cost 16–30 % more CPU.)
 */
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

let cold = true;

type Fields = Record<string, unknown>;

/** Log lines and metrics of one request, or of the process (`log`, `count`). */
export interface Observer {
  info(message: string, extra?: Fields): void;
  warn(message: string, extra?: Fields): void;
  error(message: string, extra?: Fields): void;
  count(name: MetricName, value?: number): void;
}

/** The observer of a request: its keys on every line, its route on every metric. */
export function requestObserver(given: Omit<RequestKeys, 'coldStart'>): Observer {
  const keys: RequestKeys = { ...given, coldStart: cold };
  cold = false;
  return {
    info: (message, extra) => root.info(message, { ...keys, ...extra }),
    warn: (message, extra) => root.warn(message, { ...keys, ...extra }),
    error: (message, extra) => root.error(message, { ...keys, ...extra }),
    count: (name, value) => count(name, value, keys.route),
  };
}

/** The process's own lines (a scheduled function's), with no request's keys. */
export const log = {
  info: (message: string, extra?: Fields) => root.info(message, { ...extra }),
  warn: (message: string, extra?: Fields) => root.warn(message, { ...extra }),
  error: (message: string, extra?: Fields) => root.error(message, { ...extra }),
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
export function count(name: MetricName, value = 1, route?: string): void {
  if (route !== undefined) metrics.addDimension('route', route);
  metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
}

/** The metrics of one ingested log: the reports it created and the issues it reopened. */
export function countIngested(
  reports: ReadonlyArray<{ isNew: boolean; regressed?: boolean }>,
  route?: string,
): void {
  count('LogsIngested', 1, route);
  const created = reports.filter((r) => r.isNew).length;
  const regressed = reports.filter((r) => r.regressed).length;
  if (created > 0) count('ReportsCreated', created, route);
  if (regressed > 0) count('Regressions', regressed, route);
}
