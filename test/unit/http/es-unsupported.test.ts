/**
 * The /es catch-all: the root with a trailing slash is still the root, a
 * known path with another method a 405, any other Elasticsearch API a 404
 * naming its setting — each with the product header.
 */
import { handler } from '../../../functions/es-unsupported.ts';
import { event } from './event.ts';

const answer = async (method: string, path: string) => {
  const reply = await handler(event({ method, path, headers: { accept: 'application/json' } }));
  return { status: reply.statusCode, headers: reply.headers, body: String(reply.body ?? '') };
};

describe('the /es catch-all', () => {
  it('answers /es/ as the root: JSON to GET, headers only to HEAD', async () => {
    const get = await answer('GET', '/es/');
    expect([get.status, get.headers['X-Elastic-Product']]).toEqual([200, 'Elasticsearch']);
    expect(JSON.parse(get.body).tagline).toBe('You Know, for Search');
    const head = await answer('HEAD', '/es/');
    expect([head.status, head.body, head.headers['X-Elastic-Product']]).toEqual([200, '', 'Elasticsearch']);
    expect((await answer('POST', '/es/')).status).toBe(405);
  });

  it('refuses other APIs with 404 and the setting, and a wrong method with 405', async () => {
    const template = await answer('PUT', '/es/_index_template/logs');
    expect([template.status, template.headers['X-Elastic-Product']]).toEqual([404, 'Elasticsearch']);
    expect(JSON.parse(template.body).error).toEqual({
      code: 'es_api_not_supported',
      message: expect.stringContaining('setup.template.enabled: false'),
    });
    const wrong = await answer('DELETE', '/es/_license');
    expect([wrong.status, wrong.headers['Allow']]).toEqual([405, 'GET']);
  });
});
