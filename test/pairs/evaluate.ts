/**
 * Scores the extractor's grouping on the pairs: each side is extracted as a
 * document (lib/extract `extractBuffer`) and, when it is one record, as a
 * stream event (lib/records `parseLine` + lib/extract/event `failureOfRecord`);
 * an envelope of events (CloudWatch Logs') is several records, read as a document only.
 * A `same` pair is joined when both sides get one fingerprint; a `different`
 * pair is kept apart when they get two; a side with no failure is a miss.
 */
import { failureOfRecord } from '#lib/extract/event';
import { extractBuffer } from '#lib/extract/index';
import { envelopeEvents } from '#lib/records/bodies/json-records';
import { parseLine } from '#lib/records/index';
import { FORMATS } from './index.ts';
import type { Pair } from './model.ts';

export type Mode = 'document' | 'event';

export interface Outcome {
  format: string;
  mode: Mode;
  pair: Pair;
  /** null: one side or both had no failure. */
  fingerprints: [string | null, string | null];
  ok: boolean;
}

export interface Tally {
  same: number;
  joined: number;
  different: number;
  apart: number;
  /** Pairs where one side or both were not seen as a failure. */
  missed: number;
}

export const TARGETS = { joined: 0.97, apart: 0.95 } as const;

function documentFingerprint(text: string): string | null {
  return extractBuffer(Buffer.from(text, 'utf8')).fingerprint;
}

/** The one record a side is, or undefined when it spans several lines or is an envelope of several (CloudWatch Logs'). */
function singleRecord(text: string): string | undefined {
  const t = text.replace(/\n+$/, '');
  return t.includes('\n') || isEnvelope(t) ? undefined : t;
}

function isEnvelope(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const v: unknown = JSON.parse(line);
    return (
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      envelopeEvents(v as Record<string, unknown>) !== null
    );
  } catch {
    return false;
  }
}

function eventFingerprint(line: string): string | null {
  return failureOfRecord(parseLine(line))?.fingerprint ?? null;
}

function outcome(format: string, mode: Mode, pair: Pair, fa: string | null, fb: string | null): Outcome {
  const seen = fa !== null && fb !== null;
  const ok = seen && (pair.kind === 'same' ? fa === fb : fa !== fb);
  return { format, mode, pair, fingerprints: [fa, fb], ok };
}

export function evaluatePairs(): Outcome[] {
  const out: Outcome[] = [];
  for (const { format, pairs } of FORMATS) {
    for (const pair of pairs) {
      out.push(outcome(format, 'document', pair, documentFingerprint(pair.a), documentFingerprint(pair.b)));
      const ra = singleRecord(pair.a);
      const rb = singleRecord(pair.b);
      if (ra !== undefined && rb !== undefined)
        out.push(outcome(format, 'event', pair, eventFingerprint(ra), eventFingerprint(rb)));
    }
  }
  return out;
}

export function tally(outcomes: Outcome[]): Tally {
  const t: Tally = { same: 0, joined: 0, different: 0, apart: 0, missed: 0 };
  for (const o of outcomes) {
    if (o.fingerprints[0] === null || o.fingerprints[1] === null) t.missed++;
    if (o.pair.kind === 'same') {
      t.same++;
      if (o.ok) t.joined++;
    } else {
      t.different++;
      if (o.ok) t.apart++;
    }
  }
  return t;
}

export function rates(t: Tally): { joined: number; apart: number } {
  return {
    joined: t.same === 0 ? 1 : t.joined / t.same,
    apart: t.different === 0 ? 1 : t.apart / t.different,
  };
}

export function meetsTargets(t: Tally): boolean {
  const r = rates(t);
  return r.joined >= TARGETS.joined && r.apart >= TARGETS.apart && t.missed === 0;
}
