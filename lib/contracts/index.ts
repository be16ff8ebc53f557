/**
 * One zod schema per shape logsift reads or answers. Parsing, the TypeScript
 * types, the OpenAPI components (lib/openapi.ts) and the contract test's
 * validation all come from these definitions.
 */

export * from './alerts.ts';
export * from './answers.ts';
export * from './error.ts';
export * from './es.ts';
export * from './ids.ts';
export * from './lifecycle.ts';
export * from './list-query.ts';
export * from './params.ts';
export * from './requests.ts';
