/** GET /logs — the list of logs is the list of reports. */
import { httpHandler } from '#lib/http/handler';
import { redirect } from '#lib/http/respond';
import { paths } from '#lib/routes';

export const handler = httpHandler(async (req) => {
  const format = req.wantsJson ? '?format=json' : '';
  return redirect(`${paths.reports()}${format}`, 302);
});
