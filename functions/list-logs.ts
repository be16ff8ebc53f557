/** GET /logs — the list of logs is the list of reports. */
import { httpHandler } from '#lib/http/handler';
import { redirect } from '#lib/http/respond';

export const handler = httpHandler(async (req) => {
  const format = req.wantsJson ? '?format=json' : '';
  return redirect(`/${format}`, 302);
});
