/**
 * GET /openapi.json is kept true: every route in serverless.yml is described,
 * and real answers from the running stack (status, media type, headers, JSON
 * shape) match it. The schema checker below implements exactly the JSON Schema
 * subset lib/openapi.ts uses (its `Schema` type), so an unknown keyword cannot
 * slip in unchecked.
 */
import { gzipSync } from 'node:zlib';
import {
  type Method,
  OPENAPI,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type ResponseOrRef,
  type Response as ResponseSpec,
  type Schema,
} from '#lib/openapi';
import {
  type LocalStack,
  readServerlessYml,
  startEmulators,
  startLocalStack,
} from '../../scripts/local-stack.ts';

// ---------------------------------------------------------------------------
// The schema checker

const KNOWN = new Set<keyof Schema>([
  '$ref',
  'type',
  'description',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'maxLength',
  'oneOf',
  'examples',
]);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;

function resolve<T>(doc: unknown, ref: string): T {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are used, got ${ref}`);
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
  return target as T;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The problems of `value` against `schema` ([] when it matches). */
function check(doc: unknown, schema: Schema, value: unknown, at = '$'): string[] {
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key as keyof Schema))
      return [`${at}: schema uses "${key}", which the checker does not know`];
  }
  if (schema.$ref) return check(doc, resolve<Schema>(doc, schema.$ref), value, at);
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((s) => check(doc, s, value, at).length === 0).length;
    return matching === 1 ? [] : [`${at}: matches ${matching} of the oneOf schemas, not exactly 1`];
  }
  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    const ok = allowed.includes(actual as never) || (actual === 'integer' && allowed.includes('number'));
    if (!ok) return [`${at}: is ${actual}, expected ${allowed.join(' or ')}`];
  }
  if (schema.const !== undefined && value !== schema.const) problems.push(`${at}: is not ${schema.const}`);
  if (schema.enum && !schema.enum.includes(value as never)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  }
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
      problems.push(`${at}: ${JSON.stringify(value.slice(0, 80))} does not match ${schema.pattern}`);
    }
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength)
      problems.push(`${at}: too long`);
    if (schema.format === 'date-time' && !(ISO_UTC.test(value) && !Number.isNaN(Date.parse(value)))) {
      problems.push(`${at}: ${value} is not an ISO-8601 UTC date-time`);
    }
    if (schema.format === 'uri-reference' && !value.startsWith('/')) problems.push(`${at}: not a path`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      problems.push(`${at}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      problems.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => {
      problems.push(...check(doc, schema.items!, item, `${at}[${i}]`));
    });
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(object, name)) problems.push(`${at}: lacks required "${name}"`);
    }
    for (const [name, item] of Object.entries(object)) {
      const property = schema.properties?.[name];
      if (property) problems.push(...check(doc, property, item, `${at}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${at}: has undescribed field "${name}"`);
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...check(doc, schema.additionalProperties, item, `${at}.${name}`));
      }
    }
  }
  return problems;
}

/** Field names outside maps keyed by data (`daily`) must be camelCase. */
function nonCamelKeys(value: unknown, at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => nonCamelKeys(v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'daily' ? [] : [...(CAMEL.test(key) ? [] : [`${at}.${key}`]), ...nonCamelKeys(v, `${at}.${key}`)],
  );
}

describe('the schema checker', () => {
  const doc = { components: { schemas: { Id: { type: 'string', pattern: '^[0-9]{3}$' } } } };
  const schema: Schema = {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'at'],
    properties: {
      id: { $ref: '#/components/schemas/Id' },
      at: { type: 'string', format: 'date-time' },
      n: { oneOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] },
    },
  };

  it('accepts a matching value', () => {
    expect(check(doc, schema, { id: '042', at: '2026-01-02T03:04:05.678Z', n: null })).toEqual([]);
  });

  it('reports every kind of mismatch it is used for', () => {
    expect(check(doc, schema, { id: '42', at: '2026-01-02 03:04', n: 0, extra: 1 })).toEqual([
      '$.id: "42" does not match ^[0-9]{3}$',
      '$.at: 2026-01-02 03:04 is not an ISO-8601 UTC date-time',
      '$.n: matches 0 of the oneOf schemas, not exactly 1',
      '$: has undescribed field "extra"',
    ]);
    expect(check(doc, schema, [])).toEqual(['$: is array, expected object']);
    expect(check(doc, { type: 'object', required: ['a'] }, {})).toEqual(['$: lacks required "a"']);
    expect(check(doc, { nullable: true } as unknown as Schema, 1)[0]).toMatch(/does not know/);
    expect(nonCamelKeys({ ok: 1, bad_key: { Fine: 2 }, daily: { '2026-01-01': 1 } })).toEqual([
      '$.bad_key',
      '$.bad_key.Fine',
    ]);
  });
});

// ---------------------------------------------------------------------------
// The document against serverless.yml

const METHODS: Method[] = ['get', 'post', 'patch', 'delete'];

function operations(doc: OpenApiDocument): [string, Method, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => [path, m, item[m]!] as [string, Method, Operation]),
  );
}

describe('the OpenAPI document', () => {
  const routes = Object.values(readServerlessYml().functions ?? {}).flatMap((fn) =>
    (fn.events ?? []).flatMap((e) => (e.httpApi ? [e.httpApi] : [])),
  );

  it('describes every route of serverless.yml, and no route that is not there', () => {
    const described = new Set(operations(OPENAPI).map(([path, method]) => `${method.toUpperCase()} ${path}`));
    // The catch-all route is the 404/405 answer for everything else, described as `x-fallback`.
    const real = routes.filter((r) => !(r.method === '*' && r.path === '/{proxy+}'));
    expect(routes.length - real.length).toBe(1);
    const declared = new Set(real.map((r) => `${r.method.toUpperCase()} ${r.path}`));
    expect([...declared].filter((r) => !described.has(r))).toEqual([]);
    expect([...described].filter((r) => !declared.has(r))).toEqual([]);
  });

  it('declares each path parameter, and every $ref resolves', () => {
    for (const [path, method, op] of operations(OPENAPI)) {
      const params = (op.parameters ?? []).map((p) =>
        '$ref' in p ? resolve<Parameter>(OPENAPI, p.$ref) : p,
      );
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = params.filter((p) => p.in === 'path').map((p) => p.name);
      expect({ route: `${method} ${path}`, params: declared.sort() }).toEqual({
        route: `${method} ${path}`,
        params: inPath.sort(),
      });
    }
    const refs = JSON.stringify(OPENAPI).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    for (const r of refs) expect(() => resolve(OPENAPI, JSON.parse(`{${r}}`).$ref)).not.toThrow();
  });

  it('gives every operation its error answers in the error shape', () => {
    for (const [path, method, op] of operations(OPENAPI)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const spec = '$ref' in response ? resolve<ResponseSpec>(OPENAPI, response.$ref) : response;
        expect({
          at: `${method} ${path} ${status}`,
          schema: spec.content?.['application/json']?.schema,
        }).toEqual({
          at: `${method} ${path} ${status}`,
          schema: { $ref: '#/components/schemas/Error' },
        });
      }
    }
  });
});

// ---------------------------------------------------------------------------
// Real answers against the document

let stack: LocalStack;
const ADMIN = 'admin-token-0123456789';
const READ = 'read-token-0123456789';
let stopEmulators: () => Promise<void>;

beforeAll(async () => {
  // Emulators of our own, so the last test can take storage away and see a 503.
  const emulators = await startEmulators();
  stopEmulators = emulators.stop;
  try {
    // Tokens configured, so the 401/403 answers are real too; `call` sends the admin token.
    stack = await startLocalStack({
      port: 0,
      quiet: true,
      endpoints: emulators,
      env: { ADMIN_TOKENS: ADMIN, READ_TOKENS: READ, INGEST_TOKENS: 'ingest-token-0123456789' },
    });
  } catch (error) {
    await emulators.stop();
    throw error;
  }
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await stopEmulators?.();
});

/** Finds the operation serving `method path` by matching the document's path templates. */
function operationFor(method: string, path: string): { op: Operation | null; template: string | null } {
  const bare = path.split('?')[0]!;
  const candidates = Object.keys(OPENAPI.paths)
    .filter((template) => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(bare))
    // a literal segment beats a parameter: /issues/new before /issues/{issueId}
    .sort((a, b) => a.split('{').length - b.split('{').length);
  for (const template of candidates) {
    const op = OPENAPI.paths[template]?.[method.toLowerCase() as Method];
    if (op) return { op, template };
  }
  return { op: null, template: candidates[0] ?? null };
}

const seen = new Set<string>();

interface Call {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** Makes a real request and checks its answer against the document; returns the answer. */
async function call(method: string, path: string, init: RequestInit = {}): Promise<Call> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${ADMIN}`);
  else if (headers.get('authorization') === '') headers.delete('authorization');
  const response = await fetch(`${stack.url}${path}`, { ...init, headers, method, redirect: 'manual' });
  const text = await response.text();
  const status = response.status;
  const { op, template } = operationFor(method, path);
  let responses: Record<string, ResponseOrRef>;
  if (op) {
    responses = op.responses;
  } else {
    responses = OPENAPI['x-fallback'].responses;
    expect({ method, path, fallback: template === null ? 404 : 405 }).toEqual({
      method,
      path,
      fallback: status,
    });
  }
  const where = `${method} ${path} -> ${status}`;
  expect({ where, described: Object.hasOwn(responses, String(status)) }).toEqual({ where, described: true });
  const entry = responses[String(status)]!;
  const spec = '$ref' in entry ? resolve<ResponseSpec>(OPENAPI, entry.$ref) : entry;
  for (const name of Object.keys(spec.headers ?? {})) {
    // Present only when there is a next page / on a replay; checked by the tests that make them.
    if (name === 'Link' || name === 'Idempotent-Replayed') continue;
    expect({ where, header: name, present: response.headers.has(name) }).toEqual({
      where,
      header: name,
      present: true,
    });
  }
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  let body: unknown = null;
  if (text !== '') {
    expect({ where, mediaType, described: Object.keys(spec.content ?? {}).includes(mediaType) }).toEqual({
      where,
      mediaType,
      described: true,
    });
    if (mediaType === 'application/json') {
      body = JSON.parse(text);
      expect({ where, problems: check(OPENAPI, spec.content![mediaType]!.schema, body) }).toEqual({
        where,
        problems: [],
      });
      // The document's own keys are OpenAPI's ('application/json', '$ref'), not logsift's fields.
      if (template !== '/openapi.json') {
        expect({ where, nonCamel: nonCamelKeys(body) }).toEqual({ where, nonCamel: [] });
      }
    }
  }
  if (op) seen.add(`${method.toUpperCase()} ${template} ${status}`);
  return { status, headers: response.headers, body, text };
}

const JSON_ACCEPT = { accept: 'application/json' };
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
let n = 0;
/** A log whose failure no other test shares. */
const failingLog = () =>
  `INFO boot\nERROR openapi check ${['alpha', 'beta', 'gamma', 'delta', 'omega'][n % 5]} ${'x'.repeat(++n)} refused\n`;

function logForm(body: string, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', new Blob([body]), 'app.log');
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  return form;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, already checked against the schema
type Obj = Record<string, any>;

describe('real answers match the document', () => {
  it('serves the document itself as JSON', async () => {
    const answer = await call('GET', '/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
  });

  it('POST /logs in every body shape, and its errors', async () => {
    const first = failingLog();
    const created = await call('POST', '/logs', { body: logForm(first), headers: JSON_ACCEPT });
    expect(created.status).toBe(201);
    expect((await call('POST', '/logs', { body: logForm(first), headers: JSON_ACCEPT })).status).toBe(200);
    expect(
      (await call('POST', '/logs', { body: 'all fine\n', headers: { 'content-type': 'text/plain' } })).body,
    ).toMatchObject({
      reportId: null,
      type: null,
    });
    const ndjson = `${JSON.stringify({ message: 'INFO up' })}\n${JSON.stringify({ log: failingLog() })}\n`;
    expect(
      (await call('POST', '/logs', { body: ndjson, headers: { 'content-type': 'application/x-ndjson' } }))
        .status,
    ).toBe(201);
    const gz = gzipSync(failingLog());
    const inflated = await call('POST', '/logs', {
      body: gz,
      headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' },
    });
    expect(inflated.status).toBe(201);
    const browser = await call('POST', '/logs', { body: logForm(first), headers: BROWSER });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe(`/logs/extracted/${(created.body as Obj)['reportId']}`);

    expect(
      (
        await call('POST', '/logs', {
          body: '{"message":"ok"}\nnope\n',
          headers: { 'content-type': 'application/x-ndjson' },
        })
      ).status,
    ).toBe(400);
    expect((await call('POST', '/logs', { body: new FormData(), headers: JSON_ACCEPT })).status).toBe(400);
    // 5 MiB of zeros is ~5 KB of gzip: a small bomb, above MAX_LOG_BYTES (4 MiB) once inflated
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024));
    expect(
      (
        await call('POST', '/logs', {
          body: bomb,
          headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' },
        })
      ).status,
    ).toBe(413);
    expect(
      (await call('POST', '/logs', { body: 'x', headers: { 'content-type': 'image/png' } })).status,
    ).toBe(415);
    expect(
      (
        await call('POST', '/logs', {
          body: 'x',
          headers: { 'content-type': 'text/plain', 'content-encoding': 'br' },
        })
      ).status,
    ).toBe(415);
  });

  it('the log, datetime and report routes, in JSON and text, and their 400/404', async () => {
    const body = failingLog();
    const log = (await call('POST', '/logs', { body, headers: { 'content-type': 'text/plain' } }))
      .body as Obj;
    const id = log['logId'] as string;
    expect((await call('GET', '/logs', { headers: JSON_ACCEPT })).status).toBe(302);
    expect((await call('GET', `/logs/${id}`, { headers: JSON_ACCEPT })).body).toMatchObject({
      logId: id,
      reportId: id,
    });
    expect((await call('GET', `/logs/${id}`)).text).toBe(body);
    expect((await call('GET', `/logs/${id}/datetime`, { headers: JSON_ACCEPT })).status).toBe(200);
    expect((await call('GET', `/logs/${id}/datetime`)).text).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z\n$/,
    );
    expect((await call('GET', `/logs/extracted/${id}`, { headers: JSON_ACCEPT })).body).toMatchObject({
      reportId: id,
    });
    expect((await call('GET', `/logs/extracted/${id}`)).status).toBe(200);
    expect((await call('GET', `/logs/extracted/${id}`, { headers: BROWSER })).status).toBe(200);
    const fine = (
      await call('POST', '/logs', { body: 'all fine\n', headers: { 'content-type': 'text/plain' } })
    ).body as Obj;
    expect((await call('GET', `/logs/${fine['logId']}/datetime`, { headers: JSON_ACCEPT })).status).toBe(404);
    for (const path of ['/logs/1', '/logs/1/datetime', '/logs/extracted/1']) {
      expect((await call('GET', path, { headers: JSON_ACCEPT })).status).toBe(400);
    }
    for (const path of ['/logs/999999999', '/logs/999999999/datetime', '/logs/extracted/999999999']) {
      expect((await call('GET', path, { headers: JSON_ACCEPT })).status).toBe(404);
    }
  });

  it('the issue routes through their life: file, read, close, reopen, delete', async () => {
    const filed = await call('POST', '/issues', {
      body: logForm(failingLog(), { summary: 'first' }),
      headers: JSON_ACCEPT,
    });
    expect(filed.status).toBe(201);
    const issue = filed.body as Obj;
    const id = issue['issueId'] as string;
    expect(filed.headers.get('location')).toBe(`/issues/${id}`);
    const urlencoded = { 'content-type': 'application/x-www-form-urlencoded', ...JSON_ACCEPT };
    const again = await call('POST', '/issues', {
      body: `reportId=${issue['reportId']}&summary=second`,
      headers: urlencoded,
    });
    expect((again.body as Obj)['summaries']).toHaveLength(1);
    expect(
      (
        await call('POST', '/issues', {
          body: JSON.stringify({ reportId: issue['reportId'], summary: 'third' }),
          headers: { 'content-type': 'application/json', ...JSON_ACCEPT },
        })
      ).status,
    ).toBe(201);
    expect(
      (await call('POST', '/issues', { body: logForm(failingLog(), { summary: 'web' }), headers: BROWSER }))
        .status,
    ).toBe(303);

    expect((await call('GET', `/issues/${id}`, { headers: JSON_ACCEPT })).status).toBe(200);
    expect((await call('GET', `/issues/${id}`, { headers: BROWSER })).status).toBe(200);
    expect((await call('GET', '/issues/new')).status).toBe(200);
    expect((await call('GET', `/issues/new?reportId=${issue['reportId']}`)).status).toBe(200);
    expect((await call('GET', '/issues/new?reportId=12')).status).toBe(400);

    const closed = await call('PATCH', `/issues/${id}`, { body: 'new_status=closed', headers: urlencoded });
    expect((closed.body as Obj)['status']).toBe('Closed');
    const formPost = await call('POST', `/issues/${id}/status`, {
      body: 'new_status=open',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...BROWSER },
    });
    expect([formPost.status, formPost.headers.get('location')]).toEqual([303, `/issues/${id}`]);
    const viaJson = await call('POST', `/issues/${id}/status?format=json`, {
      body: 'new_status=closed',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect((viaJson.body as Obj)['status']).toBe('Closed');
    const history = ((await call('GET', `/issues/${id}?format=json`)).body as Obj)['history'] as Obj[];
    expect(history.map((h) => h['event'])).toEqual([
      'created',
      'summary-added',
      'summary-added',
      'closed',
      'reopened',
      'closed',
    ]);

    expect((await call('DELETE', `/issues/${id}`, { headers: JSON_ACCEPT })).body).toEqual({
      deleted: true,
      issueId: id,
      reportId: issue['reportId'],
    });
    expect((await call('DELETE', `/issues/${id}`, { headers: JSON_ACCEPT })).status).toBe(404);
  });

  it('the issue errors: 400, 404, 409, 413, 415, 422', async () => {
    expect(
      (await call('POST', '/issues', { body: logForm(failingLog()), headers: JSON_ACCEPT })).status,
    ).toBe(400);
    const unknown = new FormData();
    unknown.append('reportId', '999999999');
    unknown.append('summary', 's');
    expect((await call('POST', '/issues', { body: unknown, headers: JSON_ACCEPT })).status).toBe(404);
    expect(
      (await call('POST', '/issues', { body: logForm('all fine\n', { summary: 's' }), headers: JSON_ACCEPT }))
        .status,
    ).toBe(422);
    expect(
      (await call('POST', '/issues', { body: 'x', headers: { 'content-type': 'image/png', ...JSON_ACCEPT } }))
        .status,
    ).toBe(415);
    const huge = logForm(`ERROR big\n${'y'.repeat(4 * 1024 * 1024)}`, { summary: 's' });
    expect((await call('POST', '/issues', { body: huge, headers: JSON_ACCEPT })).status).toBe(413);

    const ghost = (
      await call('POST', '/logs', { body: failingLog(), headers: { 'content-type': 'text/plain' } })
    ).body as Obj;
    const json = { 'content-type': 'application/json', ...JSON_ACCEPT };
    expect(
      (await call('PATCH', `/issues/${ghost['issueId']}`, { body: '{"new_status":"closed"}', headers: json }))
        .status,
    ).toBe(409);
    expect(
      (await call('PATCH', `/issues/${ghost['issueId']}`, { body: '{"new_status":"ghost"}', headers: json }))
        .status,
    ).toBe(400);
    expect(
      (await call('PATCH', '/issues/999999', { body: '{"new_status":"closed"}', headers: json })).status,
    ).toBe(404);
    expect(
      (
        await call('PATCH', `/issues/${ghost['issueId']}`, {
          body: 'x',
          headers: { 'content-type': 'image/png', ...JSON_ACCEPT },
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await call('POST', '/issues/1/status', {
          body: 'new_status=open',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...JSON_ACCEPT },
        })
      ).status,
    ).toBe(400);
    expect((await call('GET', '/issues/1', { headers: JSON_ACCEPT })).status).toBe(400);
    expect((await call('GET', '/issues/999999', { headers: JSON_ACCEPT })).status).toBe(404);
    expect((await call('DELETE', '/issues/1', { headers: JSON_ACCEPT })).status).toBe(400);
  });

  it('pages both lists with a cursor and a Link rel="next" header until the last page', async () => {
    for (let i = 0; i < 3; i++) {
      await call('POST', '/issues', {
        body: logForm(failingLog(), { summary: `page ${i}` }),
        headers: JSON_ACCEPT,
      });
    }
    for (const [base, key] of [
      ['/', 'reports'],
      ['/issues', 'issues'],
    ] as const) {
      const ids = new Set<string>();
      let next: string | null = `${base}?limit=2&format=json`;
      let pages = 0;
      while (next) {
        const page = await call('GET', next);
        expect(page.status).toBe(200);
        const body = page.body as Obj;
        for (const item of body[key] as Obj[]) ids.add(item[key === 'reports' ? 'reportId' : 'issueId']);
        const link = page.headers.get('link');
        if (body['nextCursor'] === null) {
          expect(link).toBeNull();
          next = null;
        } else {
          expect(check(OPENAPI, OPENAPI.components.headers['Link']!.schema, link)).toEqual([]);
          next = /^<([^>]+)>/.exec(link!)![1]!;
          expect(new URL(next, stack.url).searchParams.get('cursor')).toBe(body['nextCursor']);
          expect(new URL(next, stack.url).searchParams.get('limit')).toBe('2');
        }
        pages++;
      }
      expect(pages).toBeGreaterThan(1);
      const all = (await call('GET', `${base}?limit=200`, { headers: JSON_ACCEPT })).body as Obj;
      expect(ids.size).toBe((all[key] as Obj[]).length);
      // every page carries the whole list's total, and it is the number of items paged through
      expect(all['total']).toBe(ids.size);
    }
    const issues = ((await call('GET', '/issues?limit=200', { headers: JSON_ACCEPT })).body as Obj)[
      'issues'
    ] as Obj[];
    for (const status of ['open', 'closed']) {
      const page = (await call('GET', `/issues?status=${status}&limit=1`, { headers: JSON_ACCEPT }))
        .body as Obj;
      expect(page['total']).toBe(issues.filter((issue) => issue['status'].toLowerCase() === status).length);
    }
    const searched = (await call('GET', '/?q=page', { headers: JSON_ACCEPT })).body as Obj;
    expect(searched['total']).toBeNull();
    expect(
      (await call('GET', '/?status=closed&type=C&q=x&sort=firstSeen&order=asc', { headers: JSON_ACCEPT }))
        .status,
    ).toBe(200);
    expect((await call('GET', '/issues?status=closed', { headers: JSON_ACCEPT })).status).toBe(200);
    expect((await call('GET', '/', { headers: BROWSER })).status).toBe(200);
    expect((await call('GET', '/issues', { headers: BROWSER })).status).toBe(200);
    for (const query of ['sort=size', 'limit=0', 'cursor=forged', 'type=X']) {
      expect((await call('GET', `/?${query}`, { headers: JSON_ACCEPT })).status).toBe(400);
      expect((await call('GET', `/issues?${query}`, { headers: JSON_ACCEPT })).status).toBe(400);
    }
  });

  it('answers unknown paths with 404 and wrong methods with 405, as the fallback says', async () => {
    expect((await call('GET', '/nope', { headers: JSON_ACCEPT })).status).toBe(404);
    const wrong = await call('PUT', '/issues', { headers: JSON_ACCEPT });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });

  it('refuses a missing token with 401 and a token of the wrong role with 403', async () => {
    const none = await call('GET', '/issues', { headers: { ...JSON_ACCEPT, authorization: '' } });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const reader = { ...JSON_ACCEPT, authorization: `Bearer ${READ}` };
    expect((await call('GET', '/issues', { headers: reader })).status).toBe(200);
    expect(
      (
        await call('POST', '/logs', {
          body: failingLog(),
          headers: { ...reader, 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(403);
    expect((await call('GET', '/openapi.json', { headers: { authorization: '' } })).status).toBe(200);
  });

  it('replays an Idempotency-Key answer and refuses the key for another request with 422', async () => {
    const body = failingLog();
    const headers = { 'content-type': 'text/plain', 'idempotency-key': `openapi-${Date.now()}` };
    const first = await call('POST', '/logs', { body, headers });
    const replay = await call('POST', '/logs', { body, headers });
    expect(replay.status).toBe(first.status);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await call('POST', '/logs', { body: failingLog(), headers })).status).toBe(422);
  });

  it('uploads a log bigger than an API answer through a presigned URL, and serves it back by redirect', async () => {
    const slot = await call('POST', '/logs/uploads', { headers: JSON_ACCEPT });
    expect(slot.status).toBe(201);
    const upload = slot.body as Obj;
    expect((await call('GET', upload['statusUrl'], { headers: JSON_ACCEPT })).status).toBe(202);
    expect((await call('POST', upload['completeUrl'], { headers: JSON_ACCEPT })).status).toBe(409);
    // Just over MAX_LOG_BYTES (4 MiB): only the upload path takes it, and GET answers it by redirect.
    const big = `${'INFO filler line\n'.repeat(250_000)}ERROR openapi upload refused\n`;
    expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
    const put = await fetch(upload['uploadUrl'], { method: 'PUT', body: big });
    expect(put.status).toBe(200);
    const done = await call('POST', upload['completeUrl'], { headers: JSON_ACCEPT });
    expect(done.status).toBe(201);
    expect((await call('GET', upload['statusUrl'], { headers: JSON_ACCEPT })).body).toEqual(done.body);
    expect((await call('POST', upload['completeUrl'], { headers: JSON_ACCEPT })).status).toBe(201);
    const redirected = await call('GET', `/logs/${upload['logId']}`);
    expect(redirected.status).toBe(307);
    expect((await call('GET', '/logs/uploads/999999999', { headers: JSON_ACCEPT })).status).toBe(404);
    // A small upload of a failure already known counts an occurrence: 200.
    const again = (await call('POST', '/logs/uploads', { headers: JSON_ACCEPT })).body as Obj;
    expect(
      (await fetch(again['uploadUrl'], { method: 'PUT', body: 'ERROR openapi upload refused\n' })).status,
    ).toBe(200);
    const known = await call('POST', again['completeUrl'], { headers: JSON_ACCEPT });
    expect([known.status, (known.body as Obj)['reportId']]).toEqual([200, (done.body as Obj)['reportId']]);
  }, 60_000);

  it('exercised every success answer the document promises', () => {
    const promised = operations(OPENAPI).flatMap(([path, method, op]) =>
      Object.keys(op.responses)
        .filter((s) => Number(s) < 400)
        .map((s) => `${method.toUpperCase()} ${path} ${s}`),
    );
    // Only while another processor holds the upload's lease: a race this test cannot stage.
    const racy = new Set(['POST /logs/uploads/{logId}/complete 202']);
    expect(promised.filter((p) => !seen.has(p) && !racy.has(p))).toEqual([]);
  });

  // Last: it takes storage away from the running stack.
  it('answers 503 with Retry-After in the error shape when storage is unreachable', async () => {
    await stopEmulators();
    const answer = await call('POST', '/logs', {
      body: failingLog(),
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await call('GET', '/issues', { headers: JSON_ACCEPT })).status).toBe(503);
  }, 60_000);
});
