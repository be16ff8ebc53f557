/**
 * TEST-ONLY storage fault injection. Off unless `LOGSIFT_FAULTS` names a
 * directory; then every S3/DynamoDB command first looks there for a file named
 * `<service>.<Operation>` (`s3.PutObject`, `dynamodb.UpdateItem`, ...) and, if
 * one is armed, fails instead of being sent. The file holds optional JSON:
 *
 *   {"target": "LogsTable", "skip": 1, "always": false, "kind": "unavailable"}
 *
 *   target  only commands whose TableName/Bucket contains this string
 *   key     only commands whose Key (as JSON) contains this string
 *   skip    let this many matching calls through first
 *   always  keep failing (an outage) until the file is removed; else fail once
 *   kind    "unavailable" (a 503 from the service) or "unreachable" (connection refused)
 *
 * A one-shot fault is consumed by deleting its file, which succeeds for exactly
 * one caller even across processes and threads. The middleware
 * sits at the `initialize` step, outside the SDK's retries, so one armed fault
 * is one failed command. Tests arm faults while the stack runs, so one stack
 * serves every scenario.
 */
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';

interface FaultSpec {
  target?: string;
  key?: string;
  skip?: number;
  always?: boolean;
  kind?: 'unavailable' | 'unreachable';
}

export function injectedFault(service: string, operation: string, kind: FaultSpec['kind']): Error {
  if (kind === 'unreachable') {
    return Object.assign(new Error(`connect ECONNREFUSED (injected fault: ${service}.${operation})`), {
      code: 'ECONNREFUSED',
    });
  }
  return Object.assign(new Error(`injected fault: ${service}.${operation}`), {
    name: 'ServiceUnavailable',
    $fault: 'server',
    $metadata: { httpStatusCode: 503 },
  });
}

/** Should this call fail? Consumes a one-shot fault. */
function armed(dir: string, service: string, operation: string, input: unknown): FaultSpec | null {
  const file = join(dir, `${service}.${operation}`);
  if (!existsSync(file)) return null;
  let spec: FaultSpec;
  try {
    const text = readFileSync(file, 'utf8').trim();
    spec = text === '' ? {} : (JSON.parse(text) as FaultSpec);
  } catch {
    return null; // removed or half-written by the test: no fault
  }
  const fields = input as { TableName?: unknown; Bucket?: unknown; Key?: unknown };
  const name = String(fields.TableName ?? fields.Bucket ?? '');
  if (spec.target && !name.includes(spec.target)) return null;
  if (spec.key && !(JSON.stringify(fields.Key) ?? '').includes(spec.key)) return null;
  if (spec.skip && spec.skip > 0) {
    writeFileSync(file, JSON.stringify({ ...spec, skip: spec.skip - 1 }));
    return null;
  }
  if (spec.always) return spec;
  try {
    unlinkSync(file);
    return spec;
  } catch {
    return null; // another caller consumed it
  }
}

/** Adds the fault middleware to a client when `dir` is set (LOGSIFT_FAULTS); a no-op otherwise. */
export function installFaults(
  client: S3Client | DynamoDBClient,
  service: 's3' | 'dynamodb',
  dir: string | undefined,
): void {
  if (!dir) return;
  // Only `input` and `commandName` are read, which every client's stack has.
  const stack = client.middlewareStack as unknown as S3Client['middlewareStack'];
  stack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? '').replace(/Command$/, '');
      const fault = armed(dir, service, operation, args.input);
      if (fault) throw injectedFault(service, operation, fault.kind);
      return next(args);
    },
    { step: 'initialize', name: 'logsiftTestFaults', priority: 'high' },
  );
}
