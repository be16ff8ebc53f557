/** GET /logs/uploads/{logId} — 202 while the upload waits or is processed, then the POST /logs answer. */
import { edge } from '#lib/edge';
import { parseLogId } from '#lib/http/ids';
import { json } from '#lib/http/respond';
import { uploadStatus } from '#lib/service/upload';

export const handler = edge('getUpload', async (req, { uploads }) => {
  const { status, body } = await uploadStatus(uploads, parseLogId(req.params['logId']));
  return json(status, body);
});
