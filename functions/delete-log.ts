/** DELETE /logs/{logId} — delete a log's record and, unless other logs share them, its bytes. */
import { edge } from '#lib/edge';
import { notFound } from '#lib/http/errors';
import { parseLogId } from '#lib/http/ids';
import { json } from '#lib/http/respond';
import { deleteLog } from '#lib/service/lifecycle';

export const handler = edge('deleteLog', async (req, { stores }) => {
  const logId = parseLogId(req.params['logId']);
  const deletion = await deleteLog(stores, logId);
  if (!deletion) throw notFound(`no log ${logId}`);
  return json(200, deletion);
});
