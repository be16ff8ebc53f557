/** GET /logs — the list of logs is the list of reports. */

import { openEdge } from '#lib/edge-open';
import { redirect } from '#lib/http/respond';
import { paths } from '#lib/routes';

export const handler = openEdge('listLogs', async (req) => {
  const format = req.wantsJson ? '?format=json' : '';
  return redirect(`${paths.reports()}${format}`, 302);
});
