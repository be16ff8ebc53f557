/**
 * Retry delays: exponential, with "equal jitter" (half the delay fixed, half
 * random) so that many deliveries failing together do not retry in step,
 * while none retries at once.
 */
import type { DeliveryPolicy } from './config.ts';

/** The delay before the attempt after `attempts` failed ones (1 = after the first). */
export function retryDelayMs(
  attempts: number,
  policy: Pick<DeliveryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
