/**
 * Escaping by construction: every value interpolated into `html\`...\`` is
 * escaped unless it is already an `Html` fragment built the same way. Markup
 * from anywhere else can only enter through `raw`, which this module's callers
 * use for constants alone.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in text and in quoted attribute values. */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Part = string | number | Html | null | undefined | false | readonly Part[];

function emit(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(emit).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < parts.length; i++) out += emit(parts[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Trusted markup (constants and our own SVG numbers) only. */
export function raw(markup: string): Html {
  return new Html(markup);
}
