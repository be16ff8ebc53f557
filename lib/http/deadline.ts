/**
 * Answering before the runtime kills the invocation. A Lambda that runs out of
 * time is killed, and API Gateway answers a bare 5xx without a retry hint; a
 * handler that sees its end coming answers 503 + Retry-After itself. What it
 * was doing may still finish in the background (the ingest write order keeps
 * storage consistent either way, lib/service/ingest.ts), so the answer says
 * the request may not have been stored and is safe to retry.
 */
import { HttpError } from './errors.ts';

/** Time kept back for answering, serialising and the gateway's own work. */
export const DEADLINE_MARGIN_MS = 1_500;

export const deadlineReached = () =>
  new HttpError(503, 'timeout', 'the request ran out of time and may not have been stored; retry it', {
    'Retry-After': '1',
  });

/**
 * Runs `work`, rejecting with `deadlineReached()` once only `DEADLINE_MARGIN_MS`
 * of `remainingMs()` is left. Without a remaining-time source (a test calling
 * the handler directly) it just runs.
 */
export async function beforeDeadline<T>(work: () => Promise<T>, remainingMs?: () => number): Promise<T> {
  if (!remainingMs) return work();
  const budget = remainingMs() - DEADLINE_MARGIN_MS;
  if (budget <= 0) throw deadlineReached();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(deadlineReached()), budget);
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
