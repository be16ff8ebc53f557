/**
 * The end-to-end tests' HTTP client: asks for JSON, never follows a redirect
 * (the redirect is what is checked), and keeps the raw text beside the parsed
 * body, since an answer must also be checked for what it must not show.
 */
export type Json = Record<string, unknown> & { error?: { code: string; message: string } };

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON answer; {} when the answer is not JSON. */
  body: Json;
}

export async function request(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { accept: 'application/json', ...(init.headers ?? {}) },
    redirect: 'manual',
  });
  const text = await response.text();
  let body: Json = {};
  try {
    body = JSON.parse(text) as Json;
  } catch {}
  return { status: response.status, headers: response.headers, text, body };
}

/** A multipart form with the log as its `file` part, as `curl -F file=@app.log` sends it. */
export function logForm(log: string | Buffer, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.append('file', new Blob([log]), 'app.log');
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
