/**
 * Assembly of the normalised signature: the set of distinct failure entries of
 * one log, sorted, one per line (a stack block is one entry of several lines).
 *
 * Set semantics because a failure repeated five times is the same failure as
 * one seen once; sorted because two logs interleaving the same failures
 * differently are the same scenario. Bounded: at most MAX_ENTRIES entries,
 * MAX_BLOCK_FRAMES frames per block and MAX_SIGNATURE_BYTES UTF-8 bytes in all
 * are kept, so memory does not grow with the input (the stored copy has a
 * smaller budget still, lib/store/budgets.ts).
 */

export const MAX_ENTRIES = 256;
/** Entries that would take the signature past this many UTF-8 bytes are not added. */
export const MAX_SIGNATURE_BYTES = 1024 * 1024;
/** Frames kept per stack block: the outermost and innermost halves (recursion is elided). */
export const MAX_BLOCK_FRAMES = 64;

export class SignatureSet {
  private readonly entries = new Set<string>();
  private bytes = 0;

  add(entry: string): void {
    if (entry === '' || this.entries.size >= MAX_ENTRIES || this.entries.has(entry)) return;
    const size = Buffer.byteLength(entry, 'utf8') + 1;
    if (this.bytes + size > MAX_SIGNATURE_BYTES) return;
    this.bytes += size;
    this.entries.add(entry);
  }

  /** No further entry can be added: masking more lines would be wasted work. */
  get full(): boolean {
    return this.entries.size >= MAX_ENTRIES;
  }

  get size(): number {
    return this.entries.size;
  }

  text(): string {
    return [...this.entries].sort().join('\n');
  }

  /** The entries in the order they were first added: the log's order. */
  inOrder(): string[] {
    return [...this.entries];
  }

  /** The entries, sorted as in text(). */
  list(): string[] {
    return [...this.entries].sort();
  }
}

/** One call stack being read: its head (exception or title), chain lines and frames. */
export class StackBlock {
  private readonly first: string[] = [];
  private readonly last: string[] = [];
  private elided = 0;
  private lastFrame = '';
  frames = 0;

  constructor(private readonly head: string | null) {}

  /** A frame; consecutive repeats (recursion) count once. */
  frame(f: string): void {
    if (f === this.lastFrame) return;
    this.lastFrame = f;
    this.frames++;
    this.line(`  ${f}`);
  }

  /** A non-frame line that identifies the failure (chained exception, exception line). */
  note(n: string): void {
    if (n === '') return;
    this.lastFrame = '';
    this.line(n);
  }

  private line(s: string): void {
    const half = MAX_BLOCK_FRAMES / 2;
    if (this.first.length < half) {
      this.first.push(s);
      return;
    }
    this.last.push(s);
    if (this.last.length > half) {
      this.last.shift();
      this.elided++;
    }
  }

  text(): string {
    const parts = this.head === null ? [] : [this.head];
    parts.push(...this.first);
    if (this.elided > 0) parts.push('  …');
    parts.push(...this.last);
    return parts.join('\n');
  }
}
