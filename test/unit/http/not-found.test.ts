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
    expect(await answer('DELETE', '/logs/000000001')).toMatchObject({ status: 405, allow: 'GET' });
  });

  it('answers an unknown path 404 in the error shape', async () => {
    const reply = await answer('GET', '/nowhere/at/all');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });
});
