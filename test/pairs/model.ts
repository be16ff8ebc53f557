/**
 * A grouping pair: two log snippets and whether a user would count them as one
 * failure (`same`: one failure in other circumstances — ids, users, hosts, pods,
 * times, sizes, line numbers differ) or as two (`different`: one shape, another
 * status code, state, exception type, logger or message).
 */
export interface Pair {
  name: string;
  kind: 'same' | 'different';
  a: string;
  b: string;
}

export interface PairFormat {
  format: string;
  pairs: Pair[];
}

/** Joins snippet lines; the pairs are written one log line per array item. */
export function log(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** One JSON record per line, as the structured loggers write them. */
export function ndjson(...records: Record<string, unknown>[]): string {
  return log(...records.map((r) => JSON.stringify(r)));
}
