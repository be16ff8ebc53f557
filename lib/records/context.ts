/**
 * Bounded, iterative handling of arbitrary JSON-like values: flattening into a
 * record's context and rendering as JSON text. Both walk with an explicit stack
 * and stop at their bounds, so a body nested 20,000 deep or holding a million
 * keys costs no more than the bounds allow and never overflows the call stack.
 */
import { CONTEXT_MAX_CHARS, CONTEXT_MAX_DEPTH, CONTEXT_MAX_KEYS, type ContextValue, clip } from './model.ts';

const MAX_KEY_CHARS = 128;
/** Nodes one flatten or render may visit, whatever the bounds on its output. */
const MAX_VISITS = 4096;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON text of `value`, cut at `max` characters; nesting is walked without recursion. */
export function renderJson(value: unknown, max: number = CONTEXT_MAX_CHARS): string {
  let out = '';
  // A frame is either a value still to render or a literal to emit.
  const stack: Array<{ v: unknown } | { s: string }> = [{ v: value }];
  let visits = 0;
  while (stack.length > 0 && out.length < max) {
    const top = stack.pop() as { v: unknown } | { s: string };
    if ('s' in top) {
      out += top.s;
      continue;
    }
    const v = top.v;
    if (++visits > MAX_VISITS) {
      out += '…';
      break;
    }
    if (Array.isArray(v)) {
      stack.push({ s: ']' });
      // A huge array cannot fit in `max` anyway: stage no more elements than it could show.
      for (let i = Math.min(v.length, max) - 1; i >= 0; i--) {
        stack.push({ v: v[i] });
        if (i > 0) stack.push({ s: ',' });
      }
      out += '[';
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      stack.push({ s: '}' });
      for (let i = Math.min(keys.length, max) - 1; i >= 0; i--) {
        const k = keys[i] as string;
        stack.push({ v: v[k] });
        stack.push({ s: `${JSON.stringify(k)}:` });
        if (i > 0) stack.push({ s: ',' });
      }
      out += '{';
    } else if (typeof v === 'string') {
      out += JSON.stringify(v.length > max ? v.slice(0, max) : v);
    } else if (typeof v === 'number') {
      out += Number.isFinite(v) ? String(v) : 'null';
    } else if (typeof v === 'boolean') {
      out += v ? 'true' : 'false';
    } else if (typeof v === 'bigint') {
      out += v.toString();
    } else {
      out += 'null';
    }
  }
  return clip(out, max);
}

/** A scalar fit for context, or undefined for values that are not scalars. */
export function scalarOf(v: unknown): ContextValue | undefined {
  if (typeof v === 'string') return clip(v, CONTEXT_MAX_CHARS);
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  return undefined;
}

/** Collects context entries up to the bounds; later entries beyond them are dropped. */
export class ContextBuilder {
  readonly context: Record<string, ContextValue> = Object.create(null);
  private count = 0;

  get full(): boolean {
    return this.count >= CONTEXT_MAX_KEYS;
  }

  set(key: string, value: ContextValue): void {
    const k = clip(key, MAX_KEY_CHARS);
    if (k in this.context) {
      this.context[k] = value;
      return;
    }
    if (this.full) return;
    this.context[k] = typeof value === 'string' ? clip(value, CONTEXT_MAX_CHARS) : value;
    this.count++;
  }

  /** Adds `value` under `prefix`, objects flattened to dotted keys, arrays and deep subtrees as JSON text. */
  add(prefix: string, value: unknown): void {
    const stack: Array<[string, unknown, number]> = [[prefix, value, 0]];
    let visits = 0;
    while (stack.length > 0 && !this.full && ++visits <= MAX_VISITS) {
      const [key, v, depth] = stack.pop() as [string, unknown, number];
      if (v === null || v === undefined) continue;
      const scalar = scalarOf(v);
      if (scalar !== undefined) {
        if (key) this.set(key, scalar);
        continue;
      }
      if (isPlainObject(v) && depth < CONTEXT_MAX_DEPTH) {
        const keys = Object.keys(v);
        // Pushed in reverse so keys come out in the order the record wrote them.
        for (let i = Math.min(keys.length, CONTEXT_MAX_KEYS) - 1; i >= 0; i--) {
          const k = keys[i] as string;
          stack.push([key ? `${key}.${k}` : k, v[k], depth + 1]);
        }
        continue;
      }
      if (key) this.set(key, renderJson(v));
    }
  }
}
