/**
 * The edge factory takes each route's access level and idempotency from the
 * route table, and refuses to build a route that would be a way around the
 * tokens.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '#lib/app';
import { loadConfig } from '#lib/config';
import { edgeFor } from '#lib/edge';
import { json } from '#lib/http/respond';
import { ROUTES, type RouteSpec, route } from '#lib/routes';
import { event } from './http/event.ts';

const ENV = { LOGSIFT_BUCKET: 'b', LOGS_TABLE: 'l', REPORTS_TABLE: 'r', META_TABLE: 'm' };

function appWith(env: Record<string, string> = {}): App {
  return { config: loadConfig({ ...ENV, ...env }), stores: {}, uploads: {} } as unknown as App;
}

const spec = (overrides: Partial<RouteSpec>): RouteSpec => ({ ...route('deleteIssue'), ...overrides });
const ok = async () => json(200, { ok: true });

describe('the edge factory', () => {
  it('refuses a mutating route left open while tokens are configured', () => {
    expect(() => edgeFor(spec({ access: 'open' }), appWith({ ADMIN_TOKENS: 'boss' }), ok)).toThrow(
      /changes data but is open/,
    );
  });

  it('builds it when no token is configured (the service is open, as the original was)', async () => {
    const handler = edgeFor(spec({ access: 'open' }), appWith(), ok);
    expect((await handler(event({ method: 'DELETE' }))).statusCode).toBe(200);
  });

  it("checks the table's access level", async () => {
    const handler = edgeFor(
      route('deleteIssue'),
      appWith({ ADMIN_TOKENS: 'boss', INGEST_TOKENS: 'ship' }),
      ok,
    );
    expect((await handler(event({ method: 'DELETE' }))).statusCode).toBe(401);
    const ingest = event({ method: 'DELETE', headers: { authorization: 'Bearer ship' } });
    expect((await handler(ingest)).statusCode).toBe(403);
    const admin = event({ method: 'DELETE', headers: { authorization: 'Bearer boss' } });
    expect((await handler(admin)).statusCode).toBe(200);
  });

  it('gives routes that share a handler file the same access and idempotency', () => {
    const byFile = new Map<string, RouteSpec[]>();
    for (const r of ROUTES as readonly RouteSpec[])
      byFile.set(r.handler, [...(byFile.get(r.handler) ?? []), r]);
    for (const [file, routes] of byFile) {
      const kinds = new Set(routes.map((r) => `${r.access}/${r.idempotency ?? '-'}`));
      expect({ file, kinds: [...kinds] }).toEqual({ file, kinds: [[...kinds][0]] });
    }
  });

  it('is how every function file builds its handler, naming a route whose handler is that file', () => {
    const dir = join(__dirname, '..', '..', 'functions');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      const named = /\b(?:edge|openEdge)\('(\w+)'/.exec(source)?.[1];
      // The catch-alls (lib/routes NOT_FOUND), the S3 event, the alert notifier, the sweeper, the count consumer, the scheduled fold and the TTL stream's consumer are no route of the table.
      if (
        [
          'not-found.ts',
          'es-unsupported.ts',
          'process-upload.ts',
          'notify.ts',
          'sweep.ts',
          'count-consumer.ts',
          'fold.ts',
          'release-expired.ts',
        ].includes(file)
      ) {
        expect({ file, named }).toEqual({ file, named: undefined });
        continue;
      }
      expect({ file, named: named !== undefined }).toEqual({ file, named: true });
      expect(route(named as Parameters<typeof route>[0]).handler).toBe(
        `functions/${file.replace(/\.ts$/, '')}.handler`,
      );
    }
  });
});
