/**
 * The scheduled fold: a hot report's counts and tag counts wait in its
 * counter items until its next count or read folds them
 * (lib/store/counter-shards.ts); a report that gets neither would keep them
 * there, and the list indexes would sort it by its item's older count. This
 * run folds every report marked as having counter items and unmarks the
 * quiet ones. Scheduled on AWS (serverless.yml `foldCounters`); locally the
 * gateway runs it (scripts/local-schedule.ts).
 */
import { getApp } from '#lib/app';
import { log } from '#lib/observe';
import type { FoldRun, ReportStore } from '#lib/store/ports';

/** Reports one run looks at: well within its timeout at a few reads each. */
const MAX_REPORTS_PER_RUN = 5_000;

type FoldHandler = (event?: unknown) => Promise<FoldRun>;

/** The handler over a given store (tests hand in theirs). */
export function foldHandler(reports: ReportStore): FoldHandler {
  return async () => {
    const run = (await reports.foldCounters?.({ maxReports: MAX_REPORTS_PER_RUN })) ?? {
      reports: 0,
      folded: 0,
      cleared: 0,
      more: false,
    };
    if (run.folded > 0 || run.cleared > 0 || run.more) log.info('fold', { ...run });
    return run;
  };
}

let container: FoldHandler | undefined;

/** AWS's entry point: the container's adapters, built once, on its first run. */
export const handler: FoldHandler = (event) => {
  container ??= foldHandler(getApp().stores.reports);
  return container(event);
};
