import type { ReportType } from '#lib/model';

export type ReportSort = 'lastSeen' | 'firstSeen' | 'occurrences';

/** What the current list URL asked for, to build sort/filter/pagination links. */
export interface ListState {
  sort: ReportSort;
  order: 'asc' | 'desc';
  limit: number;
  type?: ReportType;
  status?: 'open' | 'closed';
  q?: string;
  service?: string;
  environment?: string;
  /** Current page cursor (opaque). */
  cursor?: string;
}

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
  /** Total when known. */
  count?: number;
}
