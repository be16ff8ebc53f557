/**
 * The Elasticsearch handshake's answers (lib/es-compat.ts) fit their
 * contracts, and an API logsift does not serve is refused with the client
 * setting that stops the call.
 */
import { EsInfo, EsLicense } from '#lib/contracts/index';
import { ES_COMPAT_VERSION, esLicense, esRootInfo, unsupportedEsApi, withEsProduct } from '#lib/es-compat';

describe('the Elasticsearch handshake', () => {
  it('answers a root and a license that fit their contracts', () => {
    expect(EsInfo.parse(esRootInfo()).version.number).toBe(ES_COMPAT_VERSION);
    expect(EsLicense.parse(esLicense()).license.status).toBe('active');
    expect(EsInfo.safeParse({ ...esRootInfo(), tagline: 'logsift' }).success).toBe(false);
  });

  it('names the setting that turns off each start-up call logsift does not serve', () => {
    expect(unsupportedEsApi('PUT', '/_index_template/filebeat-8.17.0').message).toMatch(
      /^PUT \/es\/_index_template\/filebeat-8\.17\.0: logsift keeps no index templates.*setup\.template\.enabled: false.*manage_template => false/,
    );
    expect(unsupportedEsApi('GET', '/_ilm/policy/filebeat').message).toContain('ilm_enabled => false');
    expect(unsupportedEsApi('GET', '/_cluster/health').message).toContain('healthcheck.enabled: false');
    expect(unsupportedEsApi('GET', '/logs-2026/_search').message).toContain(
      'only the Elasticsearch bulk API',
    );
    expect(unsupportedEsApi('GET', `/${'x'.repeat(5000)}`).message.length).toBeLessThan(400);
  });

  it('adds the product header to any answer, keeping its own headers', async () => {
    const wrapped = withEsProduct(async (status: number) => ({
      statusCode: status,
      headers: { Allow: 'POST' },
    }));
    expect(await wrapped(401)).toEqual({
      statusCode: 401,
      headers: { Allow: 'POST', 'X-Elastic-Product': 'Elasticsearch' },
    });
  });
});
