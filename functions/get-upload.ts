/** GET /logs/uploads/{logId} — 202 while the upload waits or is processed, then the POST /logs answer. */
import { httpHandler } from '#lib/http/handler';
import { parseLogId } from '#lib/http/ids';
import { json } from '#lib/http/respond';
import { uploadStatus } from '#lib/service/upload';
import { getUploadApp } from '#lib/uploads-app';

const uploads = getUploadApp();

export const handler = httpHandler(
  async (req) => {
    const { status, body } = await uploadStatus(uploads, parseLogId(req.params['logId']));
    return json(status, body);
  },
  { exposeErrors: uploads.app.config.exposeErrors, auth: uploads.app.config.auth, access: 'read' },
);
