/**
 * The failure-line state machine: decides which lines are failure lines, which
 * belong to call-stack blocks, the report type, and feeds the extract and the
 * signature. It sees only the lines the scanner flags, plus every line while a
 * block is open.
 */
import type { ReportType } from '#lib/model';
import type { LineSink } from './scan.ts';

const FENCE = '='.repeat(78);

export interface Collected {
  type: ReportType | null;
  extract: string;
  extractTruncated: boolean;
  signature: string;
}

type Block = null | 'callstack' | 'fenced';

export class Collector implements LineSink {
  private block: Block = null;
  private hasStack = false;
  private hasError = false;
  private hasWarning = false;
  private extractParts: string[] = [];
  private extractBytes = 0;
  private extractTruncated = false;
  private readonly sig = new Set<string>();

  constructor(private readonly maxExtractBytes: number) {}

  wantsEveryLine(): boolean {
    return this.block !== null;
  }

  line(buf: Buffer, start: number, end: number, _flagged: boolean, _truncated: boolean): void {
    if (end > start && buf[end - 1] === 13) end--;
    const text = buf.toString('utf8', start, end);
    const lower = text.toLowerCase();
    if (this.block === 'callstack') {
      if (text.trim() === '') {
        this.block = null;
        return;
      }
      this.keep(text);
      return;
    }
    if (this.block === 'fenced') {
      this.keep(text);
      if (text === FENCE) this.block = null;
      return;
    }
    if (text === FENCE) {
      this.block = 'fenced';
      this.hasStack = true;
      this.keep(text);
      return;
    }
    const isError = lower.includes('error');
    const isWarning = lower.includes('warning');
    const isCallstack = lower.includes('callstack');
    if (!isError && !isWarning && !isCallstack) return;
    if (isCallstack) {
      this.block = 'callstack';
      this.hasStack = true;
    }
    if (isError) this.hasError = true;
    if (isWarning) this.hasWarning = true;
    this.keep(text);
  }

  private keep(text: string): void {
    this.sig.add(text.replace(/[0-9]+/g, '0'));
    if (this.extractTruncated) return;
    const n = Buffer.byteLength(text) + 1;
    if (this.extractBytes + n > this.maxExtractBytes) {
      this.extractTruncated = true;
      return;
    }
    this.extractParts.push(text);
    this.extractBytes += n;
  }

  finish(): Collected {
    const type: ReportType | null = this.hasStack ? 'C' : this.hasError ? 'E' : this.hasWarning ? 'W' : null;
    return {
      type,
      extract: this.extractParts.join('\n'),
      extractTruncated: this.extractTruncated,
      signature: [...this.sig].sort().join('\n'),
    };
  }
}
