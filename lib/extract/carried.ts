/**
 * Lines a container runtime wrapped around an application's line, as they sit
 * in the files node agents ship (`/var/log/containers/*.log`, Docker's
 * `*-json.log`): the application's line is the log, the wrapper its transport.
 *
 * - CRI (containerd, CRI-O): `<RFC 3339 time> <stdout|stderr> <P|F> <line>`,
 *   a line longer than the runtime's buffer written as P(artial) pieces ended
 *   by an F(ull) one.
 * - Docker json-file: `{"log":"<line>\n","stream":"stderr","time":"…"}`, a
 *   long line split into pieces whose `log` lacks the final newline.
 * - Loki's `logcli query --output=jsonl`: `{"labels":{…},"line":"<line>","timestamp":"…"}`,
 *   the line as Loki stored it (lib/records/json.ts logcliLine).
 *
 * Contract (pure): `Unwrapper.line(text)` answers the carried line once it is
 * whole, `null` while pieces of it are held, or `undefined` when `text` is no
 * such wrapper (read it as it is). Held pieces are bounded to MAX_HELD characters.
 */

import { logcliLine } from '#lib/records/json';

const CRI =
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d) (?:stdout|stderr) ([PF])(?: |$)/;
/** The fields Docker's json-file driver writes, `attrs` with `--log-opt labels/env`. */
const DOCKER_KEYS = new Set(['log', 'stream', 'time', 'attrs']);
const MAX_HELD = 64 * 1024;

export class Unwrapper {
  private held = '';
  private holding = false;

  /** A piece is held: the next line must be seen whatever it holds. */
  get pending(): boolean {
    return this.holding;
  }

  line(text: string): string | null | undefined {
    const c = text.charCodeAt(0);
    let piece: string;
    let last: boolean;
    if (c >= 48 && c <= 57 && text.charCodeAt(10) === 84) {
      const m = CRI.exec(text);
      if (m === null) return undefined;
      piece = text.slice(m[0].length);
      last = m[1] === 'F';
    } else if (c === 123 && text.startsWith('{"log":')) {
      const log = dockerLog(text);
      if (log === undefined) return undefined;
      last = log.endsWith('\n');
      piece = last ? log.slice(0, log.endsWith('\r\n') ? -2 : -1) : log;
    } else if (c === 123 && (text.startsWith('{"labels":') || text.startsWith('{"line":'))) {
      const line = lokiLine(text);
      if (line === undefined) return undefined;
      piece = line;
      last = true;
    } else return undefined;
    if (!last) {
      if (this.held.length < MAX_HELD) this.held += piece.slice(0, MAX_HELD - this.held.length);
      this.holding = true;
      return null;
    }
    return this.take(piece);
  }

  /** What is held at the end of the input: a line cut short is still a line. */
  flush(): string | undefined {
    return this.holding ? this.take('') : undefined;
  }

  private take(piece: string): string {
    const whole = this.holding ? this.held + piece : piece;
    this.held = '';
    this.holding = false;
    return whole;
  }
}

function dockerLog(text: string): string | undefined {
  const o = objectOf(text);
  if (o === undefined || typeof o.log !== 'string' || typeof o.stream !== 'string') return undefined;
  for (const k of Object.keys(o)) if (!DOCKER_KEYS.has(k)) return undefined;
  return o.log;
}

function lokiLine(text: string): string | undefined {
  const o = objectOf(text);
  return o === undefined ? undefined : logcliLine(o);
}

/** The JSON object a line is, or undefined. */
function objectOf(text: string): Record<string, unknown> | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}
