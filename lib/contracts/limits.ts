/** Limits the contracts state and the service enforces, in one place (no zod here: every bundle reads these). */

/** A bug summary, in characters (code points), on every content type. */
export const MAX_SUMMARY_CHARS = 2000;
