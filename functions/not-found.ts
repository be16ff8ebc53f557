/**
 * Any other method or path: 405 on a known path (lib/routes), else 404 — in the
 * asker's format. It is no route of the table and changes nothing, so it is
 * open whatever tokens are configured.
 */
import { HttpError, notFound } from '#lib/http/errors';
import { httpHandler } from '#lib/http/handler';
import { allowedMethods } from '#lib/routes';

export const handler = httpHandler(
  async (req) => {
    const methods: string[] = allowedMethods(req.path);
    if (methods.length > 0 && !methods.includes(req.method)) {
      const allowed = methods.join(', ');
      throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here; use ${allowed}`, {
        Allow: allowed,
      });
    }
    throw notFound(`no route ${req.method} ${req.path.slice(0, 200)}`);
  },
  { access: 'open', auth: { read: [], ingest: [], admin: [] } },
);
