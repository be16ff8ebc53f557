/**
 * One attempt of one delivery: a POST with a deadline. The outcome names a
 * status or "timeout"/"unreachable", never the URL (it may carry a token, as
 * Slack's do) nor the secret.
 */
import type { Destination } from './config.ts';
import { type AlertBody, slackMessage } from './payload.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signing.ts';

export type Sent = { ok: true; status: number } | { ok: false; error: string };

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export async function send(
  destination: Destination,
  body: AlertBody,
  now: Date,
  timeoutMs: number,
  fetcher: Fetch = fetch,
): Promise<Sent> {
  const payload = JSON.stringify(destination.type === 'slack' ? slackMessage(body) : body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'logsift-alerts/1',
  };
  if (destination.type === 'webhook') {
    headers[SIGNATURE_HEADER] = signatureHeader(
      destination.secret,
      Math.floor(now.getTime() / 1000),
      payload,
    );
    headers['Logsift-Alert-Id'] = body.id;
  }
  try {
    const response = await fetcher(destination.url, {
      method: 'POST',
      headers,
      body: payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body is not needed, but reading it (bounded by the timeout) frees the socket.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return { ok: false, error: `timeout after ${timeoutMs} ms` };
    return { ok: false, error: 'unreachable (connection failed)' };
  }
}
