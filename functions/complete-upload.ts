/**
 * POST /logs/uploads/{logId}/complete — process an uploaded log now and answer
 * as POST /logs would; called again, the same answer. (On AWS the S3 event
 * usually got there first: then 202 while it works, or its outcome.)
 */
import { edge } from '#lib/edge';
import { parseLogId } from '#lib/http/ids';
import { json } from '#lib/http/respond';
import { completeUpload } from '#lib/service/upload';

/** Longer than this function's own timeout: a claim outlives the processor that holds it. */
const LEASE_MS = 60_000;

export const handler = edge('completeUpload', async (req, { uploads }) => {
  const { status, body } = await completeUpload(uploads, parseLogId(req.params['logId']), LEASE_MS);
  return json(status, body);
});
