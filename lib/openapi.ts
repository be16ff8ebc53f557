/**
 * The OpenAPI 3.1 description served at GET /openapi.json, generated from the
 * route table (lib/routes.ts) and the zod schemas (lib/contracts) with
 * @asteasolutions/zod-to-openapi. Only the prose is written here: the shared
 * error answers, headers and security scheme. test/unit/contracts checks it
 * against the OpenAPI 3.1 meta-schema; test/integration/openapi.test.ts checks
 * real answers against it.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as contracts from '#lib/contracts/index';
import {
  type Answer,
  type AnswerHeader,
  type ErrorAnswer,
  ROUTES,
  type RouteSpec,
  type SchemaName,
} from '#lib/routes';

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });
const errorContent = { 'application/json': { schema: schemaRef('Error') } };

const HEADERS = {
  Location: { description: 'Where the created or changed resource is.', schema: { type: 'string' } },
  Link: {
    description: 'RFC 8288 `<...>; rel="next"` to the next page; absent on the last page.',
    schema: { type: 'string', pattern: '^<[^>]+>; rel="next"$' },
  },
  RetryAfter: {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  Allow: { description: 'The methods this path accepts.', schema: { type: 'string' } },
  IdempotentReplayed: {
    description: 'The stored answer of an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', const: 'true' },
  },
  WwwAuthenticate: { description: 'The scheme to authenticate with.', schema: { type: 'string' } },
} as const;

/** Header name in an answer -> its component. */
const HEADER_COMPONENT: Record<AnswerHeader, keyof typeof HEADERS> = {
  Location: 'Location',
  Link: 'Link',
  'Idempotent-Replayed': 'IdempotentReplayed',
};

type Described = { description: string; headers?: Record<string, { $ref: string }> };

const ERRORS: Record<ErrorAnswer | 'Unauthorized' | 'Forbidden' | 'MethodNotAllowed', Described> = {
  BadRequest: { description: 'Malformed input (id, query, body, cursor).' },
  NotFound: { description: 'No such log, report, issue or route.' },
  MethodNotAllowed: {
    description: 'The path exists but not with this method.',
    headers: { Allow: headerRef('Allow') },
  },
  Conflict: {
    description: 'The change does not fit the current state (a ghost cannot be closed; too many summaries).',
  },
  TooLarge: { description: 'The body (or its inflated size) is over the limit.' },
  UnsupportedMediaType: { description: 'A Content-Type or Content-Encoding this route does not take.' },
  Unprocessable: { description: 'Well-formed, but nothing to file: the log shows no failure.' },
  Unauthorized: {
    description: 'Tokens are configured and none was sent (`Authorization: Bearer <token>`).',
    headers: { 'WWW-Authenticate': headerRef('WwwAuthenticate') },
  },
  Forbidden: { description: "The token does not grant this route's role." },
  IdempotencyConflict: {
    description: 'A request with this Idempotency-Key is still being processed (`idempotency_in_progress`).',
    headers: { 'Retry-After': headerRef('RetryAfter') },
  },
  IdempotencyKeyReused: {
    description: 'The Idempotency-Key was used for a different request (`idempotency_key_reused`).',
  },
  Unavailable: {
    description: 'Storage is unavailable; nothing was stored. Retry later.',
    headers: { 'Retry-After': headerRef('RetryAfter') },
  },
};

/** The route table names schemas; every one of them is in the document, so the whole module is wanted. */
const CONTRACTS = { ...contracts } as Record<SchemaName, z.ZodType>;
const schema = (name: SchemaName): z.ZodType => CONTRACTS[name];
const object = (name: SchemaName) => CONTRACTS[name] as z.ZodObject;

function answer(spec: Answer): ResponseConfig {
  const content: NonNullable<ResponseConfig['content']> = {};
  if (spec.text) content['text/plain'] = { schema: contracts.PlainText };
  if (spec.json) {
    content['application/json'] =
      spec.example === undefined
        ? { schema: schema(spec.json) }
        : { schema: schema(spec.json), example: spec.example };
  }
  if (spec.html) content['text/html'] = { schema: contracts.HtmlPage };
  if (spec.protobuf) content['application/x-protobuf'] = { schema: contracts.BinaryBody };
  const config: ResponseConfig = { description: spec.description };
  if (spec.headers) {
    config.headers = Object.fromEntries(spec.headers.map((h) => [h, headerRef(HEADER_COMPONENT[h])]));
  }
  if (Object.keys(content).length > 0) config.content = content;
  return config;
}

function request(spec: RouteSpec) {
  const req = spec.request;
  if (!req) return undefined;
  const query = req.query?.length
    ? z.object(Object.assign({}, ...req.query.map((name) => object(name).shape)))
    : undefined;
  const body = req.body
    ? {
        required: true,
        content: Object.fromEntries(
          Object.entries(req.body.content).map(([type, media]) => [
            type,
            media.example === undefined
              ? { schema: schema(media.schema) }
              : { schema: schema(media.schema), example: media.example },
          ]),
        ),
      }
    : undefined;
  return {
    ...(req.params ? { params: object(req.params) } : {}),
    ...(query ? { query } : {}),
    ...(req.headers ? { headers: object(req.headers) } : {}),
    ...(body ? { body } : {}),
  };
}

function buildDocument() {
  const registry = new OpenAPIRegistry();
  for (const [name, header] of Object.entries(HEADERS)) registry.registerComponent('headers', name, header);
  for (const [name, { description, headers }] of Object.entries(ERRORS)) {
    registry.registerComponent('responses', name, {
      description,
      ...(headers ? { headers } : {}),
      content: errorContent,
    });
  }
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      'Optional: with INGEST_TOKENS / ADMIN_TOKENS / READ_TOKENS unset the service is open. Reads take a read, ingest or admin token (only when READ_TOKENS is set); POST /logs an ingest or admin token; filing and changing bugs an admin token.',
  });

  for (const spec of ROUTES as readonly RouteSpec[]) {
    const responses: Record<string, ResponseConfig | { $ref: string }> = {};
    // 401 without a token, 403 with one of the wrong role: only when tokens are configured.
    if (spec.access !== 'open') {
      responses['401'] = responseRef('Unauthorized');
      responses['403'] = responseRef('Forbidden');
    }
    for (const [status, entry] of Object.entries(spec.answers)) {
      if (entry === undefined) continue;
      responses[status] = typeof entry === 'string' ? responseRef(entry) : answer(entry);
    }
    const req = request(spec);
    registry.registerPath({
      method: spec.method.toLowerCase() as 'get' | 'head' | 'post' | 'patch' | 'delete',
      path: spec.path,
      operationId: spec.operationId ?? spec.name,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [spec.tag],
      // `[{}]`: open whatever the configuration (no token is ever checked).
      ...(spec.access === 'open' ? { security: [{}] } : {}),
      ...(req ? { request: req } : {}),
      responses,
    });
  }

  // The error answers are raw components, so nothing else would bring the Error schema in.
  const generator = new OpenApiGeneratorV31([
    ...registry.definitions,
    { type: 'schema', schema: contracts.ErrorBody },
  ]);
  const document = generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'logsift',
      version: '0.1.0',
      description: [
        'Archives every log, extracts its failure lines, groups them into reports by normalised fingerprint, and tracks bugs (issues) against them.',
        '',
        'Every route answers JSON when asked (`Accept: application/json` or `?format=json`) and HTML to browsers. Times are ISO-8601 UTC, fields camelCase, ids zero-padded decimal (logs and reports 9 digits, issues 6).',
        '',
        'Lists are paged with an opaque cursor: the answer carries `nextCursor` and a `Link: <...>; rel="next"` header until the last page.',
        '',
        'Errors are `{"error":{"code","message"}}` with a 4xx status for bad input and 503 (with `Retry-After`) when storage is unavailable; never a stack trace.',
      ].join('\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Open, or a bearer token: which one depends on the deployment's configuration.
    security: [{}, { bearer: [] }],
    tags: [
      { name: 'logs', description: 'The archive of every log received, and ingestion.' },
      { name: 'reports', description: 'Unique failures extracted from logs.' },
      { name: 'issues', description: 'Bug tickets, one per report.' },
      { name: 'meta', description: 'This description.' },
      { name: 'alerts', description: 'Alerts on new, regressed and surging failures, and their deliveries.' },
    ],
  });
  // No webhooks: an empty object would only say so.
  const { webhooks: _none, ...rest } = document;
  return {
    ...rest,
    /** The catch-all route (`ANY /{proxy+}`): no operation of its own, only these answers. */
    'x-fallback': {
      description: 'Any other method or path (`ANY /{proxy+}` in serverless.yml).',
      responses: { '404': responseRef('NotFound'), '405': responseRef('MethodNotAllowed') },
    },
  };
}

export const OPENAPI = buildDocument();
export type OpenApiDocument = typeof OPENAPI;
