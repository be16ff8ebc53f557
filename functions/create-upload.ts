/** POST /logs/uploads — a log id and a presigned S3 PUT URL for a log of any size. */
import { httpHandler } from '#lib/http/handler';
import { json } from '#lib/http/respond';
import { createUpload } from '#lib/service/upload';
import { getUploadApp } from '#lib/uploads-app';

const uploads = getUploadApp();

export const handler = httpHandler(
  async () => {
    const { status, body } = await createUpload(uploads, new Date());
    return json(status, body, { Location: String(body['statusUrl']) });
  },
  { exposeErrors: uploads.app.config.exposeErrors, auth: uploads.app.config.auth, access: 'ingest' },
);
