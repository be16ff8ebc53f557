import { ROUTES } from '#lib/routes';
import { handler } from '../../../functions/not-found.ts';
import { event } from './event.ts';

const answer = async (method: string, path: string) => {
  const reply = await handler(event({ method, path, headers: { accept: 'application/json' } }));
  return { status: reply.statusCode, allow: reply.headers['Allow'], body: JSON.parse(String(reply.body)) };
};

describe('routes no function serves', () => {
  it('answers a known path with the wrong method 405 and the allowed methods', async () => {
    expect(await answer('PUT', '/issues')).toMatchObject({ status: 405, allow: 'GET, POST' });
    expect(await answer('POST', '/openapi.json')).toMatchObject({ status: 405, allow: 'GET' });
    expect(await answer('GET', '/logs/uploads/000000001/complete')).toMatchObject({
      status: 405,
      allow: 'POST',
    });
    expect(await answer('PATCH', '/logs/000000001')).toMatchObject({ status: 405, allow: 'GET, DELETE' });
  });

  it('answers 405 on every path of the route table, allowing exactly the methods the table gives it', async () => {
    const order = ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'];
    for (const path of new Set(ROUTES.map((r) => r.path as string))) {
      const concrete = path
        .replace('{logId}', '000000001')
        .replace('{reportId}', '000000002')
        .replace('{issueId}', '000003');
      const methods = ROUTES.filter((r) => r.path === path).map((r) => r.method as string);
      const allow = order.filter((m) => methods.includes(m)).join(', ');
      const reply = await answer('PUT', concrete);
      expect({ path, status: reply.status, allow: reply.allow, message: reply.body.error.message }).toEqual({
        path,
        status: 405,
        allow,
        message: `PUT is not allowed here; use ${allow}`,
      });
    }
  });

  it('answers an unknown path 404 in the error shape', async () => {
    const reply = await answer('GET', '/nowhere/at/all');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });
});
