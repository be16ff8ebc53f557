/** POST /logs/uploads — a log id and a presigned S3 PUT URL for a log of any size. */
import { edge } from '#lib/edge';
import { json } from '#lib/http/respond';
import { createUpload } from '#lib/service/upload';

export const handler = edge('createUpload', async (_req, { uploads }) => {
  const { status, body } = await createUpload(uploads, new Date());
  return json(status, body, { Location: String(body['statusUrl']) });
});
