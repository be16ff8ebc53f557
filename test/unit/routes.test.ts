/**
 * lib/routes.ts is the one route table: serverless.yml must declare exactly its
 * routes (same function names, methods, paths and handlers), and the 405
 * answers, links and path matching are derived from it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  allowedMethods,
  fillPath,
  matchRoute,
  NOT_FOUND,
  paths,
  ROUTES,
  type RouteSpec,
  route,
  templateFor,
} from '#lib/routes';
import { readServerlessYml, type ServerlessYml } from '../../scripts/serverless-yml.ts';

interface Declared {
  name: string;
  method: string;
  path: string;
  handler: string;
}

/** Every HTTP route serverless.yml declares, one per event. */
function declaredRoutes(yml: ServerlessYml): Declared[] {
  return Object.entries(yml.functions ?? {}).flatMap(([name, fn]) =>
    (fn.events ?? []).flatMap((event) =>
      event.httpApi
        ? [
            {
              name,
              method: event.httpApi.method.toUpperCase(),
              path: event.httpApi.path,
              handler: fn.handler,
            },
          ]
        : [],
    ),
  );
}

const key = (r: Declared) => `${r.name} ${r.method} ${r.path} ${r.handler}`;

/** What is in one place only: [only in serverless.yml, only in the table]. */
function difference(declared: Declared[], table: readonly Declared[]): [string[], string[]] {
  const a = new Set(declared.map(key));
  const b = new Set(table.map(key));
  return [[...a].filter((k) => !b.has(k)).sort(), [...b].filter((k) => !a.has(k)).sort()];
}

const table: Declared[] = [...(ROUTES as readonly RouteSpec[]), ...NOT_FOUND];

describe('serverless.yml against the route table', () => {
  const yml = readServerlessYml();

  it('declares every route of the table, with the same method, path and handler, and no other', () => {
    expect(difference(declaredRoutes(yml), table)).toEqual([[], []]);
  });

  it('notices a route added to one place only, or changed in one', () => {
    const declared = declaredRoutes(yml);
    const extra = { name: 'exportLogs', method: 'GET', path: '/logs/export', handler: 'functions/x.handler' };
    expect(difference([...declared, extra], table)).toEqual([[key(extra)], []]);
    const moved = declared.map((r) => (r.name === 'getIssue' ? { ...r, method: 'PUT' } : r));
    const [onlyYml, onlyTable] = difference(moved, table);
    expect(onlyYml).toEqual(['getIssue PUT /issues/{issueId} functions/get-issue.handler']);
    expect(onlyTable).toEqual(['getIssue GET /issues/{issueId} functions/get-issue.handler']);
  });

  it('names a handler file that exists for every route', () => {
    for (const r of table) {
      const file = `${r.handler.replace(/\.handler$/, '')}.ts`;
      expect({ route: r.name, exists: existsSync(join(__dirname, '../..', file)) }).toEqual({
        route: r.name,
        exists: true,
      });
    }
  });

  it('has unique function names and one route per method and path', () => {
    expect(new Set(ROUTES.map((r) => r.name)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(ROUTES.length);
  });
});

describe('route lookups', () => {
  it('finds a route by its function name, with its access level and idempotency scope', () => {
    expect(route('ingestLog')).toMatchObject({
      method: 'POST',
      path: '/logs',
      access: 'ingest',
      idempotency: 'logs',
    });
    expect(route('createIssue')).toMatchObject({ access: 'admin', idempotency: 'issues' });
    expect(route('openApi').access).toBe('open');
    expect(() => route('nope' as never)).toThrow(/no route named nope/);
  });

  it('gives every mutating route a guard: none is open', () => {
    const safe = new Set(['GET', 'HEAD']);
    const open = ROUTES.filter((r) => !safe.has(r.method) && (r.access as string) === 'open');
    expect(open.map((r) => r.name)).toEqual([]);
  });

  it('prefers a literal segment to a parameter, from the left', () => {
    expect(templateFor('/issues/new')).toBe('/issues/new');
    expect(templateFor('/issues/000007')).toBe('/issues/{issueId}');
    expect(templateFor('/logs/uploads')).toBe('/logs/uploads');
    expect(templateFor('/logs/extracted/datetime')).toBe('/logs/extracted/{reportId}');
    expect(templateFor('/logs/000000001/datetime')).toBe('/logs/{logId}/datetime');
    expect(templateFor('/nowhere')).toBeNull();
    expect(templateFor('/logs//datetime')).toBeNull();
  });

  it('matches a request to its route and path parameters', () => {
    expect(matchRoute('get', '/logs/000000042')).toMatchObject({
      route: { name: 'getLog' },
      params: { logId: '000000042' },
    });
    expect(matchRoute('POST', '/logs/uploads/000000042/complete')?.route.name).toBe('completeUpload');
    expect(matchRoute('PUT', '/issues')).toBeNull();
  });

  it('answers the Allow list of each known path, as the 405 answers always did', () => {
    const cases: [string, string][] = [
      ['/', 'GET'],
      ['/openapi.json', 'GET'],
      ['/logs/uploads', 'POST'],
      ['/logs/uploads/', 'POST'],
      ['/logs/uploads/000000001/complete', 'POST'],
      ['/logs/uploads/000000001', 'GET'],
      ['/logs', 'GET, POST'],
      ['/logs/', 'GET, POST'],
      ['/logs/extracted/000000001', 'GET'],
      ['/logs/000000001/datetime', 'GET'],
      ['/logs/000000001', 'GET, DELETE'],
      ['/issues', 'GET, POST'],
      ['/issues/new', 'GET'],
      ['/issues/000001/status', 'POST'],
      ['/issues/000001', 'GET, PATCH, DELETE'],
      ['/issues/000001/', 'GET, PATCH, DELETE'],
      ['/nowhere/at/all', ''],
    ];
    expect(cases.map(([path]) => [path, allowedMethods(path).join(', ')])).toEqual(cases);
  });
});

describe('links', () => {
  it('builds each link from its route template, and the link leads back to that route', () => {
    const built: [string, string][] = [
      [paths.log('000000042'), 'getLog'],
      [paths.logDatetime('000000042'), 'getLogDatetime'],
      [paths.report('000000042'), 'getExtract'],
      [paths.issue('000007'), 'getIssue'],
      [paths.upload('000000042'), 'getUpload'],
      [paths.reports(), 'listReports'],
      [paths.issues(), 'listIssues'],
    ];
    for (const [link, name] of built)
      expect([link, matchRoute('GET', link)?.route.name]).toEqual([link, name]);
    expect(matchRoute('POST', paths.issueStatus('000007'))?.route.name).toBe('postIssueStatus');
    expect(matchRoute('POST', paths.uploadComplete('000000042'))?.route.name).toBe('completeUpload');
    expect(paths.newIssue('000000042')).toBe('/issues/new?reportId=000000042');
  });

  it('URL-encodes every value it puts in a path', () => {
    expect(paths.issue('../x?y')).toBe('/issues/..%2Fx%3Fy');
    expect(() => fillPath('/logs/{logId}', {})).toThrow(/needs logId/);
  });
});
